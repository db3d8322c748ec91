using TM.Interchange.Internal;

namespace TM.Interchange;

/// <summary>
/// What a TMX file says about one language side of a unit (the attributes, <c>&lt;prop&gt;</c>s and
/// <c>&lt;note&gt;</c>s of its <c>&lt;tuv&gt;</c>), as opposed to the unit as a whole. OmegaT, for one, records who
/// translated a segment and when on the target <c>&lt;tuv&gt;</c>, not on the <c>&lt;tu&gt;</c>.
/// </summary>
/// <remarks>Equal when all members are equal, lists element by element.</remarks>
public sealed record VariantMetadata
{
    /// <summary>No metadata: the value of <see cref="TranslationUnit.KoreanMetadata"/> and <see cref="TranslationUnit.EnglishMetadata"/> unless set.</summary>
    public static VariantMetadata Empty { get; } = new();

    /// <summary>The <c>creationdate</c> attribute of the <c>&lt;tuv&gt;</c>, or null when absent.</summary>
    public DateTimeOffset? CreationDate { get; init; }

    /// <summary>The <c>creationid</c> attribute (who created the variant), or null when absent.</summary>
    public string? CreationId { get; init; }

    /// <summary>The <c>changedate</c> attribute of the <c>&lt;tuv&gt;</c>, or null when absent.</summary>
    public DateTimeOffset? ChangeDate { get; init; }

    /// <summary>The <c>changeid</c> attribute (who last changed the variant), or null when absent.</summary>
    public string? ChangeId { get; init; }

    /// <summary>The <c>&lt;prop&gt;</c>s of the <c>&lt;tuv&gt;</c> in file order; empty when none.</summary>
    public IReadOnlyList<TmxProperty> Properties { get; init => field = value ?? throw new ArgumentNullException(nameof(value)); } = [];

    /// <summary>The <c>&lt;note&gt;</c>s of the <c>&lt;tuv&gt;</c> in file order; empty when none.</summary>
    public IReadOnlyList<TmxNote> Notes { get; init => field = value ?? throw new ArgumentNullException(nameof(value)); } = [];

    /// <summary>Whether there is nothing to write: no dates, ids, properties or notes.</summary>
    public bool IsEmpty =>
        CreationDate is null && CreationId is null && ChangeDate is null && ChangeId is null && Properties.Count == 0 && Notes.Count == 0;

    /// <inheritdoc />
    public bool Equals(VariantMetadata? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (CreationDate == other.CreationDate
                && CreationId == other.CreationId
                && ChangeDate == other.ChangeDate
                && ChangeId == other.ChangeId
                && ListEquality.Equal(Properties, other.Properties)
                && ListEquality.Equal(Notes, other.Notes)));

    /// <inheritdoc />
    public override int GetHashCode() =>
        HashCode.Combine(CreationDate, CreationId, ChangeDate, ChangeId, ListEquality.Hash(Properties), ListEquality.Hash(Notes));
}
