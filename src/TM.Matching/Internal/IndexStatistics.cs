namespace TM.Matching.Internal;

/// <summary>What an index holds, for diagnostics and the scale benchmark.</summary>
/// <param name="Segments">Live segments.</param>
/// <param name="Slots">Slots in use or reserved (pages × 256).</param>
/// <param name="Keys">Keys (unit, occurrence).</param>
/// <param name="DenseKeys">Keys stored as bitmaps.</param>
/// <param name="Bytes">Bytes of the store's arrays (units, bookkeeping, postings, bitmaps), not counting the id map.</param>
internal readonly record struct IndexStatistics(int Segments, int Slots, int Keys, int DenseKeys, long Bytes);
