namespace TM.Storage;

/// <summary>
/// Which contents of a memory a cache built from it describes: equal versions mean equal segments, because every
/// write to a memory's segments moves its generation on in the same transaction.
/// </summary>
/// <param name="StoreId">The database file's random identity: another file at the same generation is another memory.</param>
/// <param name="MemoryId">The memory.</param>
/// <param name="Generation">Writes committed to the memory's segments since it was created.</param>
/// <param name="Segments">Segment pairs the memory holds.</param>
/// <param name="LastSegmentId">The highest segment id the memory holds; 0 when it is empty.</param>
public sealed record MemoryVersion(long StoreId, long MemoryId, long Generation, long Segments, long LastSegmentId);
