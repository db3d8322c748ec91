namespace TM.Storage.Postgres;

/// <summary>One entry of the PostgreSQL store's ordered change log (<see cref="PostgresSegmentStore.ReadChanges(long, int)"/>).</summary>
/// <param name="Id">Its place in the log: entries commit in the order of their ids, so a reader that has seen an id has seen every lower one.</param>
/// <param name="MemoryId">The memory the segment belongs (or belonged) to.</param>
/// <param name="SegmentId">The segment.</param>
/// <param name="Kind">Whether it was added, overwritten or deleted.</param>
public sealed record ChangeLogEntry(long Id, long MemoryId, long SegmentId, ChangeKind Kind);
