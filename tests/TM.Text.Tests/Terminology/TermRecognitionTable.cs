using TM.Text.Terminology;

namespace TM.Text.Tests.Terminology;

/// <summary>Terminology/Data/term-recognition.tsv: a termbase and the hits expected in each text; the file's
/// header explains the columns.</summary>
internal sealed class TermRecognitionTable
{
    private static readonly string FilePath = Path.Combine(AppContext.BaseDirectory, "Terminology", "Data", "term-recognition.tsv");

    private TermRecognitionTable(List<TermForms> entries, List<Case> cases)
    {
        Entries = entries;
        Cases = cases;
    }

    public IReadOnlyList<TermForms> Entries { get; }

    public IReadOnlyList<Case> Cases { get; }

    public static TermRecognitionTable Read()
    {
        var entries = new List<TermForms>();
        var cases = new List<Case>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(FilePath))
        {
            lineNumber++;
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var columns = line.Split('\t');
            switch (columns[0])
            {
                case "entry" when columns.Length == 6 && long.TryParse(columns[1], out var id):
                    entries.Add(new TermForms(id, Forms(columns[2]), Forms(columns[3]), Forms(columns[4]), Forms(columns[5])));
                    break;
                case "ko" or "en" when columns.Length == 3:
                    cases.Add(new Case(lineNumber, columns[0] == "ko" ? Language.Korean : Language.English, columns[1], columns[2]));
                    break;
                default:
                    throw new FormatException($"term-recognition.tsv line {lineNumber}: expected an entry line of 6 columns or a ko/en case of 3");
            }
        }

        return new TermRecognitionTable(entries, cases);
    }

    private static string[] Forms(string cell) => cell == "-" ? [] : cell.Split('|');

    /// <summary>One text and the hits it must give, written form@start+length|… with ! before a forbidden form.</summary>
    public sealed record Case(int Line, Language Language, string Text, string Expected)
    {
        /// <summary>The hits written as the table writes them.</summary>
        public static string Format(IEnumerable<TermHit> hits)
        {
            var written = string.Join("|", hits.Select(h => $"{(h.Forbidden ? "!" : "")}{h.Form}@{h.Start}+{h.Length}"));
            return written.Length == 0 ? "-" : written;
        }

        public override string ToString() => $"line {Line}: {Text}";
    }
}
