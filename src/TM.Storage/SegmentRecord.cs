namespace TM.Storage;

/// <summary>A segment with everything the store records about it: the pair, where it lives, and who wrote it when.</summary>
/// <param name="Segment">The pair and its metadata.</param>
/// <param name="MemoryId">The memory that holds it.</param>
/// <param name="ImportId">The import that created or last overwrote it; 0 for none.</param>
/// <param name="Created">When it was stored.</param>
/// <param name="Changed">When it was last changed (equal to <paramref name="Created"/> until an overwrite).</param>
/// <param name="CreatedBy">The name of the key that stored it; empty when none.</param>
/// <param name="ChangedBy">The name of the key that last changed it; empty when none.</param>
public sealed record SegmentRecord(
    StoredSegment Segment,
    long MemoryId,
    long ImportId,
    DateTimeOffset Created,
    DateTimeOffset Changed,
    string CreatedBy,
    string ChangedBy)
{
    /// <summary>
    /// The number of the commit that last wrote the pair (its place in the change log): an edit names the version it
    /// read and is refused when another commit has written the pair since.
    /// </summary>
    public long Version { get; init; }

    /// <summary>How often a CAT tool confirmed that a translator used the pair (<see cref="SegmentStore.ConfirmUse"/>).</summary>
    public long UsageCount { get; init; }

    /// <summary>When the pair was last confirmed used; null when never.</summary>
    public DateTimeOffset? LastUsed { get; init; }
}
