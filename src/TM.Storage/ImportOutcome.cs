namespace TM.Storage;

/// <summary>What one committed batch (or a whole <see cref="SegmentStore.AddSegments(string?, ImportKind, string, IReadOnlyList{SegmentInput})"/>) did to a memory.</summary>
/// <param name="ImportId">The import's row id.</param>
/// <param name="MemoryId">The memory the pairs went to.</param>
/// <param name="Added">The segments newly stored, with their ids, in input order (as they stand at the end of the batch).</param>
/// <param name="SkippedDuplicates">Pairs not stored because the memory already held them (or the batch held them twice).</param>
public sealed record ImportOutcome(long ImportId, long MemoryId, IReadOnlyList<StoredSegment> Added, int SkippedDuplicates)
{
    /// <summary>
    /// Segments that existed before the batch and were overwritten in place (<see cref="UpdatePolicy.Overwrite"/>),
    /// as they stand after it, each once; empty under the other policies.
    /// </summary>
    public IReadOnlyList<StoredSegment> Updated { get; init; } = [];

    /// <summary>Ids of segments that existed before the batch and were deleted as other translations of an overwritten source.</summary>
    public IReadOnlyList<long> Removed { get; init; } = [];

    /// <summary>Pairs not stored because the memory already held their source with another target (<see cref="UpdatePolicy.KeepExisting"/>).</summary>
    public int KeptExisting { get; init; }

    /// <summary>
    /// The batch's number in the store's change log (<see cref="SegmentStore.ReadChanges"/>): what a follower of the log
    /// must have read to hold the batch; 0 when the batch changed no segment.
    /// </summary>
    public long ChangeSequence { get; init; }

    /// <summary>Pairs that overwrote a segment: one per pair, so it can exceed <see cref="Updated"/>.Count when a batch overwrites the same source twice.</summary>
    public int Overwritten { get; init; }
}
