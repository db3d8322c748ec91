namespace TM.Storage;

/// <summary>
/// What a termbase entry says, as a caller writes it: the approved term of each language, its admitted and forbidden
/// variants, and the entry's part of speech, note and source. Texts are stored as given; the caller has validated them.
/// </summary>
/// <param name="Korean">The approved Korean term; empty for an entry without one.</param>
/// <param name="English">The approved English term; empty for an entry without one (never both empty).</param>
public sealed record TermContent(string Korean, string English)
{
    /// <summary>Other Korean forms a translator may use; empty for none.</summary>
    public IReadOnlyList<string> KoreanVariants { get; init; } = [];

    /// <summary>Other English forms a translator may use; empty for none.</summary>
    public IReadOnlyList<string> EnglishVariants { get; init; } = [];

    /// <summary>Korean forms that must not be used; empty for none.</summary>
    public IReadOnlyList<string> ForbiddenKorean { get; init; } = [];

    /// <summary>English forms that must not be used ("Staline" for Stalin); empty for none.</summary>
    public IReadOnlyList<string> ForbiddenEnglish { get; init; } = [];

    /// <summary>TBX-Basic's part of speech (noun, verb, adjective, adverb, properNoun, other); empty when not given.</summary>
    public string PartOfSpeech { get; init; } = "";

    /// <summary>Free text for the translator (a definition, a usage note); empty for none.</summary>
    public string Note { get; init; } = "";

    /// <summary>Where the term comes from (a reference, a file, "extracted"); empty when unknown.</summary>
    public string Source { get; init; } = "";
}
