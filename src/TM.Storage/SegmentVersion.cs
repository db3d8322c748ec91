namespace TM.Storage;

/// <summary>A previous version of a segment: what it said before an edit, an overwrite or a delete replaced it.</summary>
/// <param name="Version">The version it had (the change sequence of the commit that wrote it).</param>
/// <param name="Korean">Its Korean side then.</param>
/// <param name="English">Its English side then.</param>
/// <param name="Changed">When that version was written.</param>
/// <param name="ChangedBy">Who wrote it (an API key's name; empty without keys).</param>
/// <param name="Replaced">When it was replaced.</param>
/// <param name="ReplacedBy">Who replaced it.</param>
/// <param name="Deleted">True when it was deleted rather than replaced by a newer text.</param>
public sealed record SegmentVersion(long Version, string Korean, string English, DateTimeOffset Changed, string ChangedBy,
    DateTimeOffset Replaced, string ReplacedBy, bool Deleted)
{
    /// <summary>Its field values then; empty for none.</summary>
    public IReadOnlyList<FieldValue> Fields { get; init; } = [];
}
