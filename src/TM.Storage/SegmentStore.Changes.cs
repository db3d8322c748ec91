using System.Globalization;
using Microsoft.Data.Sqlite;
using TM.Storage.Internal;

namespace TM.Storage;

// The change log (migration 007): what a follower of the store, such as the search index, reads to stay in step.
public sealed partial class SegmentStore
{
    /// <summary>The number of the last transaction that changed segments; 0 before the first.</summary>
    public long ChangeSequence()
    {
        using var connection = OpenConnection();
        return Convert.ToInt64(Scalar(connection, null, "SELECT value FROM store_state WHERE name = 'change_seq';"), CultureInfo.InvariantCulture);
    }

    /// <summary>The database file's random identity, which a restored backup or a new file does not share.</summary>
    public long StoreId()
    {
        using var connection = OpenConnection();
        return Convert.ToInt64(Scalar(connection, null, "SELECT value FROM store_state WHERE name = 'store_id';"), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Reads up to <paramref name="maxSegments"/> changes after <paramref name="after"/>, every one committed, as one
    /// snapshot: the segments written (with their texts and metadata as they stand now) and the ids deleted. From
    /// <see cref="ChangeCursor.Start"/> it reads every segment of every memory, oldest change first.
    /// </summary>
    /// <remarks>
    /// A segment appears once, at its last change: one overwritten after <paramref name="after"/> moved to a later
    /// sequence, one deleted left only its id. Ids are never reused, so applying the deletions and the writes of a
    /// read in either order gives the same result. A transaction's changes may span reads.
    /// </remarks>
    public SegmentChanges ReadChanges(ChangeCursor after, int maxSegments)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxSegments);
        using var connection = OpenConnection();
        using var transaction = connection.BeginTransaction(deferred: true);
        var last = Convert.ToInt64(Scalar(connection, transaction, "SELECT value FROM store_state WHERE name = 'change_seq';"), CultureInfo.InvariantCulture);
        var written = new List<SegmentRecord>();
        var next = after;
        // The row-value comparison walks segments_by_change (change_seq, then the row id it ends with) from the cursor.
        using (var command = Command(connection, transaction,
            RecordQuery.Of("INDEXED BY segments_by_change", "WHERE (s.change_seq, s.id) > ($seq, $id) AND s.change_seq <= $last " +
            "ORDER BY s.change_seq, s.id LIMIT $limit;"),
            ("$seq", after.Sequence), ("$id", after.SegmentId), ("$last", last), ("$limit", maxSegments)))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                written.Add(ReadRecord(reader));
                next = new ChangeCursor(reader.GetInt64(15), reader.GetInt64(0));
            }
        }
        var complete = written.Count < maxSegments;
        if (complete)
            next = ChangeCursor.After(Math.Max(last, after.Sequence));
        var deleted = new List<long>();
        using (var command = Command(connection, transaction,
            "SELECT id FROM segment_tombstones WHERE (change_seq, id) > ($seq, $id) AND (change_seq, id) <= ($toSeq, $toId) ORDER BY change_seq, id;",
            ("$seq", after.Sequence), ("$id", after.SegmentId), ("$toSeq", next.Sequence), ("$toId", next.SegmentId)))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
                deleted.Add(reader.GetInt64(0));
        }
        return new SegmentChanges(written, deleted, next, complete);
    }

    /// <summary>
    /// Forgets the deletions of the transactions numbered up to <paramref name="sequence"/>, once every follower holds
    /// them durably (the search index calls it after its commit).
    /// </summary>
    public void PruneDeletions(long sequence)
    {
        _writeGate.Wait();
        try
        {
            _writer.Scalar(null, "DELETE FROM segment_tombstones WHERE change_seq <= $seq;", ("$seq", sequence));
            // A deleted memory left a tombstone per pair (~20 MB at a million).
            ReleaseFreePages();
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>Streams every segment of a memory with what the store records about it, in id order (for an export).</summary>
    public IEnumerable<SegmentRecord> ReadAllRecords(long memoryId)
    {
        using var connection = OpenConnection();
        using var command = Command(connection, null, RecordQuery.Of("", "WHERE s.memory_id = $memory ORDER BY s.id;"), ("$memory", memoryId));
        using var reader = command.ExecuteReader();
        while (reader.Read())
            yield return ReadRecord(reader);
    }

    /// <summary>The segments with these ids and all the store records about them, in the order of <paramref name="ids"/>; ids that do not exist are left out.</summary>
    public IReadOnlyList<SegmentRecord> GetRecords(IReadOnlyList<long> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        return ids.Count == 0 ? [] : _readers.ReadRecords(ids);
    }

    private static SegmentRecord ReadRecord(SqliteDataReader reader) => new(
        ReadSegment(reader, fieldsColumn: 18), reader.GetInt64(9), reader.GetInt64(10), ParseTime(reader.GetString(11)), ParseTime(reader.GetString(12)),
        reader.GetString(13), reader.GetString(14))
    { Version = reader.GetInt64(15), UsageCount = reader.GetInt64(16), LastUsed = ParseOptionalTime(reader.GetString(17)) };
}
