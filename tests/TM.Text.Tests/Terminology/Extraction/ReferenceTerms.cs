using TM.Analysis;
using TM.Text.Internal;
using TM.Text.Terminology;

namespace TM.Text.Tests.Terminology.Extraction;

/// <summary>
/// The hand-made reference list (Data/reference-terms.tsv) and the judge of a proposal against it: a proposal is correct
/// when one entry lists both its Korean and its English form. Korean forms are compared without spaces, with the
/// particles of the end stripped as the extractor strips them (KoreanStemmer.Strip), so 포로 송환 meets 포로송환;
/// English forms word by word (split at spaces, hyphens and dashes, a leading "the" and a possessive dropped), by
/// word family (EnglishWordFamily, which also folds case), so "prisoners of war" meets "prisoner of war" and
/// "Prisoner-of-war camp" meets "prisoner-of-war camp", but "Geneva" does not meet "Geneva Conference".
/// </summary>
internal sealed class ReferenceTerms
{
    private readonly List<(HashSet<string> Korean, HashSet<string> English, string Display)> entries = [];

    private ReferenceTerms()
    {
    }

    public int Count => entries.Count;

    public static ReferenceTerms Load()
    {
        var terms = new ReferenceTerms();
        var path = Path.Combine(AppContext.BaseDirectory, "Terminology", "Extraction", "Data", "reference-terms.tsv");
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var columns = line.Split('\t');
            if (columns.Length is < 2 or > 3)
            {
                throw new FormatException($"reference-terms.tsv line {lineNumber}: expected 2 or 3 tab-separated columns, found {columns.Length}.");
            }

            var korean = columns[0].Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(NormalizeKorean);
            var english = columns[1..].SelectMany(c => c.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).Select(NormalizeEnglish);
            terms.entries.Add((korean.ToHashSet(StringComparer.Ordinal), english.ToHashSet(StringComparer.Ordinal), $"{columns[0]} = {columns[1]}"));
        }

        return terms;
    }

    /// <summary>The entry that lists both forms, or null.</summary>
    public string? Match(string korean, string english)
    {
        var k = NormalizeKorean(korean);
        var e = NormalizeEnglish(english);
        foreach (var (koreanForms, englishForms, display) in entries)
        {
            if (koreanForms.Contains(k) && englishForms.Contains(e))
            {
                return display;
            }
        }

        return null;
    }

    public bool IsCorrect(TermCandidate candidate) => Match(candidate.Korean, candidate.English) is not null;

    internal static string NormalizeKorean(string korean) => KoreanStemmer.Strip(korean.Replace(" ", "", StringComparison.Ordinal)).ToString();

    internal static string NormalizeEnglish(string english)
    {
        var words = english.Split([' ', '-', '–'], StringSplitOptions.RemoveEmptyEntries).ToList();
        if (words.Count > 1 && words[0].Equals("the", StringComparison.OrdinalIgnoreCase))
        {
            words.RemoveAt(0);
        }

        return string.Join(' ', words.Select(w => EnglishWordFamily.Stem(TrimPossessive(w), out _)));
    }

    private static string TrimPossessive(string word)
    {
        foreach (var suffix in (string[])["'s", "’s", "'", "’"])
        {
            if (word.Length > suffix.Length && word.EndsWith(suffix, StringComparison.Ordinal))
            {
                return word[..^suffix.Length];
            }
        }

        return word;
    }
}
