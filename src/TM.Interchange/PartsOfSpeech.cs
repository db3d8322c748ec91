namespace TM.Interchange;

/// <summary>The parts of speech a <see cref="TermbaseEntry"/> may carry: TBX-Basic's picklist for the
/// <c>partOfSpeech</c> term note.</summary>
/// <remarks>The TBX-Basic dialect of TBX v3 as published by LTAC lists noun, verb, adjective, adverb and other;
/// TBX-Basic as specified in 2008 (and still written by CAT tools) also has properNoun, which a termbase of names and
/// places needs, so it is kept.</remarks>
public static class PartsOfSpeech
{
    /// <summary>The picklist, in the order TBX-Basic gives it.</summary>
    public static IReadOnlyList<string> All { get; } = ["noun", "verb", "adjective", "adverb", "properNoun", "other"];

    /// <summary>
    /// The picklist value <paramref name="value"/> names, ignoring case, white space, hyphens and underscores ("Noun",
    /// "proper noun", "proper-noun" → properNoun); "" for a blank value; null when it names none.
    /// </summary>
    public static string? Normalize(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "";
        }

        var key = string.Concat(value.Where(c => !char.IsWhiteSpace(c) && c is not ('-' or '_')));
        return All.FirstOrDefault(p => p.Equals(key, StringComparison.OrdinalIgnoreCase));
    }
}
