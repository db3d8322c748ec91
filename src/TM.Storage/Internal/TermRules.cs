namespace TM.Storage.Internal;

/// <summary>
/// What both stores' termbases decide the same way, whatever keeps the entries: whether an entry may be stored, how
/// it is named in a message, whether a merge changed it, and how a filter becomes a LIKE pattern.
/// </summary>
internal static class TermRules
{
    /// <exception cref="ArgumentException">The entry has neither a Korean nor an English term; <paramref name="position"/> (1-based, in an import) is named.</exception>
    public static void Check(TermContent term, int? position)
    {
        ArgumentNullException.ThrowIfNull(term, nameof(term));
        if (term.Korean.Length == 0 && term.English.Length == 0)
        {
            var which = position is { } p ? $"Entry {p}" : "The entry";
            throw new ArgumentException($"{which} has neither a Korean nor an English term; an entry needs at least one of them.");
        }
    }

    /// <summary>The entry's terms as a message names them: "한국어 = English", or the one side it has.</summary>
    public static string Describe(TermContent term) => (term.Korean, term.English) switch
    {
        ("", var english) => english,
        (var korean, "") => korean,
        var (korean, english) => $"{korean} = {english}",
    };

    /// <summary>Whether two entries say the same (the record's equality compares its lists by reference).</summary>
    public static bool SameContent(TermContent a, TermContent b) =>
        a.Korean == b.Korean && a.English == b.English && a.PartOfSpeech == b.PartOfSpeech && a.Note == b.Note && a.Source == b.Source &&
        a.KoreanVariants.SequenceEqual(b.KoreanVariants) && a.EnglishVariants.SequenceEqual(b.EnglishVariants) &&
        a.ForbiddenKorean.SequenceEqual(b.ForbiddenKorean) && a.ForbiddenEnglish.SequenceEqual(b.ForbiddenEnglish);

    /// <summary>A LIKE pattern (escape character '\') matching texts that contain <paramref name="filter"/>, its own wildcards taken literally.</summary>
    public static string ContainsPattern(string filter) =>
        "%" + filter.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
}
