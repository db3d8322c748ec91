namespace TM.Storage;

/// <summary>Counts for one memory.</summary>
/// <param name="Name">The memory's name.</param>
/// <param name="Segments">Segment pairs stored.</param>
/// <param name="Imports">Imports recorded (documents and segment batches).</param>
/// <param name="DistinctKorean">Distinct Korean sentences.</param>
/// <param name="DistinctEnglish">Distinct English sentences.</param>
/// <param name="ConcordancePending">Segments changed since the search index last took the store's changes: normally 0.</param>
public sealed record MemoryStatistics(string Name, long Segments, long Imports, long DistinctKorean, long DistinctEnglish, long ConcordancePending);
