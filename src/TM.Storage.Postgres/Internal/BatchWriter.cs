using Npgsql;
using NpgsqlTypes;
using TM.Storage.Internal;

namespace TM.Storage.Postgres.Internal;

/// <summary>
/// Applies a batch of pairs to one memory inside the caller's transaction, with the SQLite store's semantics
/// (TM.Storage's SegmentWriter.Apply): pairs in order, a later pair seeing an earlier one; an identical pair skipped;
/// a source held with another target added, kept or overwritten by the policy; what an overwrite replaces archived.
/// </summary>
/// <remarks>
/// <para>
/// The memory's row is locked first (SELECT … FOR NO KEY UPDATE), so batches into one memory from any number of servers run
/// one after the other and each sees the pairs the last one committed. The pairs sharing a source with the batch are
/// read in one query (the hash indexes), the decisions are made here, and the writes go out at the end: new rows by
/// binary COPY, overwrites and deletes in one round trip.
/// </para>
/// <para>
/// Not INSERT … ON CONFLICT: whether a pair is a duplicate depends on the texts (a hash only names candidates) and on
/// the pairs before it in the batch, and an overwrite deletes the source's other translations; a unique index cannot
/// say that, and a wrong ON CONFLICT would store a pair twice or lose one.
/// </para>
/// </remarks>
internal static class BatchWriter
{
    private const string CopySegments =
        "COPY segments (id, memory_id, ko, en, ko_hash, en_hash, origin, note, confidence, low_confidence, import_id, " +
        "created_utc, changed_utc, ko_markup, en_markup, created_by, changed_by, change_seq, fields) FROM STDIN (FORMAT BINARY)";

    public static BatchResult Apply(NpgsqlConnection connection, NpgsqlTransaction transaction, long memoryId, long importId, UpdatePolicy policy,
        SegmentSide sourceSide, IReadOnlyList<SegmentInput> pairs, DateTime now, string author)
    {
        LockMemory(connection, transaction, memoryId);
        var korean = sourceSide == SegmentSide.Korean;
        var bySource = ReadSharingSource(connection, transaction, memoryId, korean, pairs);
        var result = new BatchResult(pairs.Count);
        var inserted = new List<Row>();
        var history = new Dictionary<(long Id, long Version), HistoryEntry>();
        var deleted = new List<long>();
        var matches = new List<Row>();
        var ids = new Queue<long>();
        for (var i = 0; i < pairs.Count; i++)
        {
            var pair = pairs[i];
            var (source, target) = korean ? (pair.Korean, pair.English) : (pair.English, pair.Korean);
            var sourceHash = TextHash.Compute(source);
            matches.Clear();
            if (FindSameSource(bySource, sourceHash, source, target, korean, matches))
            {
                result.SkippedDuplicates++;
                continue;
            }
            if (matches.Count == 0 || policy == UpdatePolicy.AddAlternative)
            {
                if (ids.Count == 0)
                    Allocate(connection, transaction, pairs.Count - i, ids);
                var row = new Row { Id = ids.Dequeue(), New = true };
                row.Take(pair, now, author);
                inserted.Add(row);
                Sources(bySource, sourceHash).Add(row);
                result.Add(row.Id, pair);
            }
            else if (policy == UpdatePolicy.KeepExisting)
            {
                result.KeptExisting++;
            }
            else
            {
                var oldest = matches.MinBy(m => m.Id)!;
                Archive(history, oldest, now, author, deleted: false);
                oldest.Take(pair, now, author);
                oldest.Overwritten = !oldest.New;
                result.Update(oldest.Id, pair);
                foreach (var match in matches)
                {
                    if (match == oldest)
                        continue;
                    Archive(history, match, now, author, deleted: true);
                    match.Deleted = true;
                    Sources(bySource, sourceHash).Remove(match);
                    if (!match.New)
                        deleted.Add(match.Id);
                    result.Remove(match.Id);
                }
            }
        }

        var added = inserted.Where(r => !r.Deleted).ToList();
        var overwritten = bySource.Values.SelectMany(r => r).Where(r => r.Overwritten && !r.Deleted).OrderBy(r => r.Id).ToList();
        if (added.Count > 0 || overwritten.Count > 0 || deleted.Count > 0)
        {
            var segments = added.Select(r => r.Id).Concat(overwritten.Select(r => r.Id)).Concat(deleted).ToList();
            var kinds = added.Select(_ => "add").Concat(overwritten.Select(_ => "update")).Concat(deleted.Select(_ => "delete")).ToList();
            var changeSeq = ChangeLog.Append(connection, transaction, memoryId, segments, kinds);
            WriteChanges(connection, transaction, memoryId, importId, history.Values, overwritten, deleted, changeSeq);
            Copy(connection, memoryId, importId, added, now, author, changeSeq);
            result.ChangeSequence = changeSeq;
        }
        result.Generation = (long)Sql.Scalar(connection, transaction,
            "UPDATE memories SET generation = generation + 1 WHERE id = @id RETURNING generation;", ("id", memoryId))!;
        return result;
    }

    /// <summary>
    /// Locks the memory's row to the end of the transaction, so that batches into one memory run one at a time; the
    /// callers take it before any other lock (the import's row), as DeleteMemory does, so that they cannot deadlock.
    /// </summary>
    /// <exception cref="InvalidOperationException">The memory has been deleted.</exception>
    public static void LockMemory(NpgsqlConnection connection, NpgsqlTransaction transaction, long memoryId)
    {
        if (!TryLockMemory(connection, transaction, memoryId))
            throw new InvalidOperationException($"Memory {memoryId} has been deleted: the batch is not stored.");
    }

    /// <summary>Locks the memory's row as <see cref="LockMemory"/> does; false when there is no such memory.</summary>
    public static bool TryLockMemory(NpgsqlConnection connection, NpgsqlTransaction transaction, long memoryId) =>
        // NO KEY UPDATE, not UPDATE: other transactions may hold the row's KEY SHARE lock (inserting an import checks
        // its foreign key), and UPDATE would wait for them where NO KEY UPDATE does not conflict with it.
        Sql.Scalar(connection, transaction, "SELECT generation FROM memories WHERE id = @id FOR NO KEY UPDATE;", ("id", memoryId)) is not null;

    // Every pair of the memory whose source has the hash of a batch pair's source, by that hash.
    private static Dictionary<long, List<Row>> ReadSharingSource(NpgsqlConnection connection, NpgsqlTransaction transaction, long memoryId, bool korean,
        IReadOnlyList<SegmentInput> pairs)
    {
        var hashes = pairs.Select(p => TextHash.Compute(korean ? p.Korean : p.English)).Distinct().ToArray();
        var bySource = new Dictionary<long, List<Row>>();
        using var command = Sql.Command(connection, transaction,
            "SELECT id, ko, en, ko_hash, en_hash, changed_utc, changed_by, fields, change_seq FROM segments " +
            $"WHERE memory_id = @memory AND {(korean ? "ko_hash" : "en_hash")} = ANY(@hashes) ORDER BY id;",
            ("memory", memoryId), ("hashes", hashes));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var row = new Row
            {
                Id = reader.GetInt64(0),
                Korean = reader.GetString(1),
                English = reader.GetString(2),
                KoreanHash = reader.GetInt64(3),
                EnglishHash = reader.GetInt64(4),
                Changed = reader.GetDateTime(5),
                ChangedBy = reader.GetString(6),
                Fields = reader.GetString(7),
                Version = reader.GetInt64(8),
            };
            Sources(bySource, korean ? row.KoreanHash : row.EnglishHash).Add(row);
        }
        return bySource;
    }

    private static List<Row> Sources(Dictionary<long, List<Row>> bySource, long hash)
    {
        if (!bySource.TryGetValue(hash, out var rows))
            bySource[hash] = rows = [];
        return rows;
    }

    // True when the memory holds the pair itself; otherwise the pairs with its source (and another target) go to matches.
    private static bool FindSameSource(Dictionary<long, List<Row>> bySource, long sourceHash, string source, string target, bool korean, List<Row> matches)
    {
        if (!bySource.TryGetValue(sourceHash, out var rows))
            return false;
        foreach (var row in rows)
        {
            var (rowSource, rowTarget) = korean ? (row.Korean, row.English) : (row.English, row.Korean);
            if (!string.Equals(rowSource, source, StringComparison.Ordinal))
                continue; // a hash collision
            if (string.Equals(rowTarget, target, StringComparison.Ordinal))
                return true;
            matches.Add(row);
        }
        return false;
    }

    // Ids for the rest of the batch at most, from the segments' identity sequence: one round trip, in ascending order.
    private static void Allocate(NpgsqlConnection connection, NpgsqlTransaction transaction, int count, Queue<long> ids)
    {
        using var command = Sql.Command(connection, transaction,
            "SELECT nextval(pg_get_serial_sequence('segments', 'id')) FROM generate_series(1, @count);", ("count", count));
        using var reader = command.ExecuteReader();
        var allocated = new List<long>(count);
        while (reader.Read())
            allocated.Add(reader.GetInt64(0));
        allocated.Sort();
        foreach (var id in allocated)
            ids.Enqueue(id);
    }

    // The pair as it stands goes to the history before the batch replaces or deletes it; a pair the batch itself wrote
    // stands at the batch's version, filled in once the change log has numbered the batch.
    private static void Archive(Dictionary<(long Id, long Version), HistoryEntry> history, Row row, DateTime now, string author, bool deleted)
    {
        var version = row.New || row.Overwritten ? HistoryEntry.BatchVersion : row.Version;
        history[(row.Id, version)] = new HistoryEntry(row.Id, version, row.Korean, row.English, row.Changed, row.ChangedBy, row.Fields, now, author, deleted);
    }

    private static void WriteChanges(NpgsqlConnection connection, NpgsqlTransaction transaction, long memoryId, long importId,
        IEnumerable<HistoryEntry> history, List<Row> overwritten, List<long> deleted, long changeSeq)
    {
        using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var entry in history)
        {
            batch.BatchCommands.Add(BatchCommand(
                "INSERT INTO segment_history (segment_id, version, memory_id, ko, en, changed_utc, changed_by, replaced_utc, replaced_by, deleted, fields) " +
                "VALUES (@id, @version, @memory, @ko, @en, @changed, @changedBy, @replaced, @replacedBy, @deleted, @fields) " +
                "ON CONFLICT (segment_id, version) DO UPDATE SET ko = excluded.ko, en = excluded.en, changed_utc = excluded.changed_utc, " +
                "changed_by = excluded.changed_by, replaced_utc = excluded.replaced_utc, replaced_by = excluded.replaced_by, " +
                "deleted = excluded.deleted, fields = excluded.fields;",
                ("id", entry.Id), ("version", entry.Version == HistoryEntry.BatchVersion ? changeSeq : entry.Version), ("memory", memoryId),
                ("ko", entry.Korean), ("en", entry.English), ("changed", entry.Changed), ("changedBy", entry.ChangedBy),
                ("replaced", entry.Replaced), ("replacedBy", entry.ReplacedBy), ("deleted", entry.Deleted), ("fields", entry.Fields)));
        }
        foreach (var row in overwritten)
        {
            var pair = row.Input!;
            batch.BatchCommands.Add(BatchCommand(
                "UPDATE segments SET ko = @ko, en = @en, ko_hash = @koHash, en_hash = @enHash, origin = @origin, note = @note, " +
                "confidence = @confidence, low_confidence = @low, import_id = @import, changed_utc = @changed, ko_markup = @koMarkup, " +
                "en_markup = @enMarkup, changed_by = @changedBy, change_seq = @seq, fields = @fields WHERE id = @id;",
                ("ko", row.Korean), ("en", row.English), ("koHash", row.KoreanHash), ("enHash", row.EnglishHash), ("origin", pair.Origin),
                ("note", pair.Note), ("confidence", pair.Confidence), ("low", pair.LowConfidence), ("import", importId == 0 ? null : importId),
                ("changed", row.Changed), ("koMarkup", pair.KoreanMarkup), ("enMarkup", pair.EnglishMarkup), ("changedBy", row.ChangedBy),
                ("seq", changeSeq), ("fields", row.Fields), ("id", row.Id)));
        }
        if (deleted.Count > 0)
            batch.BatchCommands.Add(BatchCommand("DELETE FROM segments WHERE id = ANY(@ids);", ("ids", deleted.ToArray())));
        if (batch.BatchCommands.Count > 0)
            batch.ExecuteNonQuery();
    }

    private static NpgsqlBatchCommand BatchCommand(string sql, params (string Name, object? Value)[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    private static void Copy(NpgsqlConnection connection, long memoryId, long importId, List<Row> rows, DateTime now, string author, long changeSeq)
    {
        if (rows.Count == 0)
            return;
        using var copy = connection.BeginBinaryImport(CopySegments);
        foreach (var row in rows)
        {
            var pair = row.Input!;
            copy.StartRow();
            copy.Write(row.Id, NpgsqlDbType.Bigint);
            copy.Write(memoryId, NpgsqlDbType.Bigint);
            copy.Write(row.Korean, NpgsqlDbType.Text);
            copy.Write(row.English, NpgsqlDbType.Text);
            copy.Write(row.KoreanHash, NpgsqlDbType.Bigint);
            copy.Write(row.EnglishHash, NpgsqlDbType.Bigint);
            copy.Write(pair.Origin, NpgsqlDbType.Text);
            copy.Write(pair.Note, NpgsqlDbType.Text);
            copy.Write(pair.Confidence, NpgsqlDbType.Double);
            copy.Write(pair.LowConfidence, NpgsqlDbType.Boolean);
            // A pair added on its own (AddSegment) belongs to no import.
            if (importId == 0)
                copy.WriteNull();
            else
                copy.Write(importId, NpgsqlDbType.Bigint);
            copy.Write(now, NpgsqlDbType.TimestampTz);
            copy.Write(row.Changed, NpgsqlDbType.TimestampTz);
            copy.Write(pair.KoreanMarkup, NpgsqlDbType.Text);
            copy.Write(pair.EnglishMarkup, NpgsqlDbType.Text);
            copy.Write(author, NpgsqlDbType.Text);
            copy.Write(row.ChangedBy, NpgsqlDbType.Text);
            copy.Write(changeSeq, NpgsqlDbType.Bigint);
            copy.Write(row.Fields, NpgsqlDbType.Text);
        }
        copy.Complete();
    }

    // A pair of the memory as the batch sees it: read from the table, or written by the batch.
    private sealed class Row
    {
        public long Id { get; init; }

        public string Korean { get; set; } = "";

        public string English { get; set; } = "";

        public long KoreanHash { get; set; }

        public long EnglishHash { get; set; }

        public DateTime Changed { get; set; }

        public string ChangedBy { get; set; } = "";

        public string Fields { get; set; } = "";

        /// <summary>Its version in the table (the change that last wrote it); unused for a row the batch adds.</summary>
        public long Version { get; init; }

        /// <summary>The pair the batch writes to it; null while it is as read.</summary>
        public SegmentInput? Input { get; private set; }

        public bool New { get; init; }

        public bool Overwritten { get; set; }

        public bool Deleted { get; set; }

        public void Take(SegmentInput pair, DateTime now, string author)
        {
            Input = pair;
            Korean = pair.Korean;
            English = pair.English;
            KoreanHash = TextHash.Compute(pair.Korean);
            EnglishHash = TextHash.Compute(pair.English);
            Changed = now;
            ChangedBy = author;
            Fields = FieldsColumn.Write(pair.Fields);
        }
    }

    private sealed record HistoryEntry(long Id, long Version, string Korean, string English, DateTime Changed, string ChangedBy, string Fields,
        DateTime Replaced, string ReplacedBy, bool Deleted)
    {
        /// <summary>Stands for the batch's own change number, not known until the log numbers it.</summary>
        public const long BatchVersion = -1;
    }
}
