namespace TM.Benchmarks;

/// <summary>What filling the SQLite store cost and produced, for the index-vs-FTS5 report.</summary>
/// <param name="RowToIndex">Maps each segment's row id to its index in the synthetic corpus (the FuzzyIndex id).</param>
/// <param name="InsertTime">Time spent in SegmentStore.AddSegments plus indexing the FTS5 backlog.</param>
/// <param name="OptimizeTime">Time of FTS5's 'optimize' command after the import.</param>
/// <param name="FileBytes">The database file after a WAL checkpoint.</param>
/// <param name="FtsBytes">Pages of the FTS5 shadow tables; −1 when SQLite lacks dbstat.</param>
/// <param name="TableBytes">Pages of the segments table and its unique index; −1 when SQLite lacks dbstat.</param>
/// <param name="SqliteVersion">The SQLite library version.</param>
internal sealed record StoreBuild(
    Dictionary<long, int> RowToIndex, TimeSpan InsertTime, TimeSpan OptimizeTime, long FileBytes, long FtsBytes, long TableBytes, string SqliteVersion);
