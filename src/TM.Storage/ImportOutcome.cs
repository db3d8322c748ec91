namespace TM.Storage;

/// <summary>What one committed import added to a memory.</summary>
/// <param name="ImportId">The import's row id.</param>
/// <param name="MemoryId">The memory the pairs went to.</param>
/// <param name="Added">The pairs newly stored, with their ids, in input order.</param>
/// <param name="SkippedDuplicates">Pairs not stored because the memory already held them (or the batch held them twice).</param>
public sealed record ImportOutcome(long ImportId, long MemoryId, IReadOnlyList<StoredSegment> Added, int SkippedDuplicates);
