using TM.Storage.Internal;
using TM.Storage.Postgres.Internal;

namespace TM.Storage.Postgres;

/// <content>The ordered change log the servers sharing the database follow.</content>
public sealed partial class PostgresSegmentStore
{
    /// <summary>The channel every commit that changes segments NOTIFYs, with its last change id as the payload.</summary>
    public const string ChangeChannel = ChangeLog.Channel;

    /// <inheritdoc />
    public IChangeListener ListenForChanges() => new PostgresChangeListener(_dataSource);

    /// <summary>The id of the last change committed; 0 before the first.</summary>
    public long ChangeSequence()
    {
        using var connection = _dataSource.OpenConnection();
        return ChangeLog.Last(connection, null);
    }

    /// <summary>The database's random identity, which another database does not share.</summary>
    public long StoreId()
    {
        using var connection = _dataSource.OpenConnection();
        return (long)Sql.Scalar(connection, null, "SELECT value FROM store_state WHERE name = 'store_id';")!;
    }

    /// <summary>
    /// Up to <paramref name="limit"/> entries of the change log after <paramref name="afterId"/>, in order. Entries
    /// commit in id order, so reading on from the last id returned misses nothing; 0 reads from the start.
    /// </summary>
    /// <param name="afterId">The last id already read; 0 for none.</param>
    /// <param name="limit">The most entries to return.</param>
    public IReadOnlyList<ChangeLogEntry> ReadChanges(long afterId, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(afterId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        using var connection = _dataSource.OpenConnection();
        using var command = Sql.Command(connection, null,
            "SELECT id, memory_id, segment_id, kind FROM changes WHERE id > @after ORDER BY id LIMIT @limit;", ("after", afterId), ("limit", limit));
        using var reader = command.ExecuteReader();
        var entries = new List<ChangeLogEntry>();
        while (reader.Read())
        {
            var kind = reader.GetString(3) switch
            {
                "add" => ChangeKind.Add,
                "update" => ChangeKind.Update,
                _ => ChangeKind.Delete,
            };
            entries.Add(new ChangeLogEntry(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), kind));
        }
        return entries;
    }

    /// <summary>
    /// Reads up to <paramref name="maxSegments"/> changes after <paramref name="after"/>, every one committed, as one
    /// snapshot: the segments written (with their texts and metadata as they stand now) and the ids deleted; what the
    /// SQLite store's <see cref="SegmentStore.ReadChanges(ChangeCursor, int)"/> returns, for the search-index follower.
    /// From <see cref="ChangeCursor.Start"/> it reads every segment of every memory, oldest change first.
    /// </summary>
    /// <remarks>
    /// <para>
    /// A cursor's sequence is a commit's change id: the last entry the commit appended to the log, which is the version
    /// of the segments it wrote. A segment appears once, at its last change; one deleted left only its id.
    /// </para>
    /// <para>
    /// A deletion is read at its own entry of the log (its id, then the segment's), which is at or below its commit's
    /// sequence: a read that stops inside a commit may return some of the commit's deletions before its writes, which
    /// is harmless as ids are never reused, and it claims the commit only once the commit is read to its end
    /// (<see cref="SegmentChanges.AppliedThrough"/>). Entries commit in the order of their ids (ChangeLog), so the
    /// log's last id bounds everything the snapshot holds and later commits fall after every cursor it returns.
    /// </para>
    /// </remarks>
    public SegmentChanges ReadChanges(ChangeCursor after, int maxSegments)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxSegments);
        using var connection = _dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction(System.Data.IsolationLevel.RepeatableRead);
        var last = ChangeLog.Last(connection, transaction);
        var written = new List<SegmentRecord>();
        var next = after;
        // The row comparison walks segments_by_change (change_seq, id) from the cursor.
        using (var command = Sql.Command(connection, transaction,
            RecordQuery.Of("", "WHERE (s.change_seq, s.id) > (@seq, @id) AND s.change_seq <= @last ORDER BY s.change_seq, s.id LIMIT @limit;"),
            ("seq", after.Sequence), ("id", after.SegmentId), ("last", last), ("limit", maxSegments)))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var record = ReadRecord(reader);
                written.Add(record);
                next = new ChangeCursor(record.Version, record.Segment.Id);
            }
        }
        var complete = written.Count < maxSegments;
        if (complete)
            next = ChangeCursor.After(Math.Max(last, after.Sequence));
        var deleted = new List<long>();
        // The plain bounds on id let the primary key narrow the scan; the row comparisons place the cursors' segment ids.
        using (var command = Sql.Command(connection, transaction,
            "SELECT segment_id FROM changes WHERE kind = 'delete' AND id >= @seq AND id <= @toSeq " +
            "AND (id, segment_id) > (@seq, @id) AND (id, segment_id) <= (@toSeq, @toId) ORDER BY id;",
            ("seq", after.Sequence), ("id", after.SegmentId), ("toSeq", next.Sequence), ("toId", next.SegmentId)))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
                deleted.Add(reader.GetInt64(0));
        }
        return new SegmentChanges(written, deleted, next, complete);
    }
}
