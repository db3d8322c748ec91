using TM.Interchange.Internal;

namespace TM.Interchange;

/// <summary>
/// One concept entry of a Korean–English termbase file (<see cref="TbxReader"/>, <see cref="TbxWriter"/>,
/// <see cref="TermCsvReader"/>). Compares by value, lists element by element.
/// </summary>
public sealed record TermbaseEntry
{
    /// <summary>The entry's id: TBX <c>conceptEntry/@id</c> (<c>termEntry/@id</c> in TBX 2), the CSV <c>id</c>
    /// column; null when the file has none.</summary>
    public string? Id { get; init; }

    /// <summary>The approved (preferred) Korean term; "" when the entry has none.</summary>
    public string Korean { get; init; } = "";

    /// <summary>The approved (preferred) English term; "" when the entry has none.</summary>
    public string English { get; init; } = "";

    /// <summary>Further Korean terms that may be used (TBX <c>admittedTerm-admn-sts</c>).</summary>
    public IReadOnlyList<string> KoreanVariants { get; init; } = [];

    /// <summary>Further English terms that may be used (TBX <c>admittedTerm-admn-sts</c>).</summary>
    public IReadOnlyList<string> EnglishVariants { get; init; } = [];

    /// <summary>Korean terms that must not be used (TBX <c>deprecatedTerm-admn-sts</c> or <c>supersededTerm-admn-sts</c>).</summary>
    public IReadOnlyList<string> ForbiddenKorean { get; init; } = [];

    /// <summary>English terms that must not be used (TBX <c>deprecatedTerm-admn-sts</c> or <c>supersededTerm-admn-sts</c>).</summary>
    public IReadOnlyList<string> ForbiddenEnglish { get; init; } = [];

    /// <summary>The part of speech, a value of the TBX-Basic picklist (<see cref="PartsOfSpeech"/>): noun, verb,
    /// adjective, adverb, properNoun or other; "" when unknown.</summary>
    public string PartOfSpeech { get; init; } = "";

    /// <summary>A note or definition for translators; "" when none.</summary>
    public string Note { get; init; } = "";

    /// <summary>Where the term comes from: a reference, "extracted", a user; "" when unknown.</summary>
    public string Source { get; init; } = "";

    /// <summary>Compares every member, the lists element by element.</summary>
    public bool Equals(TermbaseEntry? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (Id == other.Id
                && Korean == other.Korean
                && English == other.English
                && ListEquality.Equal(KoreanVariants, other.KoreanVariants)
                && ListEquality.Equal(EnglishVariants, other.EnglishVariants)
                && ListEquality.Equal(ForbiddenKorean, other.ForbiddenKorean)
                && ListEquality.Equal(ForbiddenEnglish, other.ForbiddenEnglish)
                && PartOfSpeech == other.PartOfSpeech
                && Note == other.Note
                && Source == other.Source));

    /// <summary>A hash consistent with <see cref="Equals(TermbaseEntry?)"/>.</summary>
    public override int GetHashCode() => HashCode.Combine(
        Id,
        Korean,
        English,
        HashCode.Combine(ListEquality.Hash(KoreanVariants), ListEquality.Hash(EnglishVariants), ListEquality.Hash(ForbiddenKorean), ListEquality.Hash(ForbiddenEnglish)),
        PartOfSpeech,
        Note,
        Source);
}
