using System.Collections.Frozen;
using TM.Analysis;
using TM.Text.Internal;

namespace TM.Text;

/// <summary>
/// General Korean-English vocabulary of modern political, diplomatic, military, economic and social history and of the
/// wording of scholarly abstracts (<c>Lexicon/general-glossary.tsv</c>, about 590 concepts), the kind of bilingual
/// dictionary Hunalign-style aligners take. Where <see cref="KnownTermsLexicon"/> holds names, which a translation
/// keeps, this holds words, which a translation may paraphrase: the aligner rewards them when both sides have them and
/// charges little when one side lacks them (<see cref="AlignmentCosts.GlossaryMatch"/>,
/// <see cref="AlignmentCosts.GlossaryMismatch"/>).
/// English forms stand for their word family: an entry listing "testimony" also finds "testified", one listing
/// "negotiation" finds "negotiators" (<see cref="EnglishWordFamily"/>), but an -ed or -ing form only meets an
/// entry that lists a verb or a derived noun of that stem, so "stated" is not the "state" of <c>country</c>.
/// </summary>
public sealed class GlossaryLexicon : ITranslationLexicon
{
    private readonly TermMatcher korean;
    private readonly GlossaryTermMatcher english;
    private readonly FrozenSet<string> koreanWords;

    private GlossaryLexicon(IEnumerable<string[]> rows)
    {
        var koreanForms = new List<(string, string)>();
        var englishForms = new List<(string, string)>();
        foreach (var columns in rows)
        {
            foreach (var form in columns[1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                koreanForms.Add((form, columns[0]));
            }

            foreach (var form in columns[2].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                englishForms.Add((form, columns[0]));
            }
        }

        koreanWords = koreanForms.Select(f => f.Item1).Where(f => !f.Contains(' ')).ToFrozenSet(StringComparer.Ordinal);
        korean = new TermMatcher(koreanForms, Language.Korean);
        english = new GlossaryTermMatcher(englishForms);
    }

    /// <summary>The glossary shipped with TM.Text.</summary>
    public static GlossaryLexicon Instance { get; } = new(ReadEmbedded());

    /// <summary>Whether <paramref name="word"/> is itself one of the glossary's Korean forms (포로, 회담), not merely contains one (포로수용소).</summary>
    internal bool ListsKoreanWord(string word) => koreanWords.Contains(word);

    /// <inheritdoc/>
    public IReadOnlyList<string> FindTerms(string sentence, Language language)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        return language == Language.Korean ? korean.Find(sentence) : english.Find(sentence);
    }

    // Lines are "key<TAB>Korean stems<TAB>English forms"; '#' starts a comment line.
    private static List<string[]> ReadEmbedded()
    {
        using var stream = typeof(GlossaryLexicon).Assembly.GetManifestResourceStream("TM.Text.general-glossary.tsv")
            ?? throw new InvalidOperationException("The embedded general glossary is missing from TM.Text.");
        using var reader = new StreamReader(stream);
        var rows = new List<string[]>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var columns = line.Split('\t', StringSplitOptions.TrimEntries);
            if (columns.Length != 3)
            {
                throw new InvalidOperationException($"general-glossary.tsv line {lineNumber} does not have three tab-separated columns.");
            }

            rows.Add(columns);
        }

        return rows;
    }
}
