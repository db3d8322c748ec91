using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace TM.Storage.Internal;

/// <summary>
/// The store's one write connection, its prepared statements and the in-memory hash tables of the memories'
/// texts: applies a batch of pairs under an update policy inside the caller's transaction.
/// </summary>
/// <remarks>
/// Callers hold the store's write gate, so nothing here is shared. The hash tables are a cache of committed state:
/// <see cref="Apply"/> changes them as it writes (a later pair of the batch must see an earlier one), so the caller
/// reports the commit (<see cref="Committed"/>) or the rollback (<see cref="Forget"/>).
/// </remarks>
internal sealed class SegmentWriter : IDisposable
{
    // 64 MiB: the pages a batch dirties (~5 MB of rows at 10^4 pairs) and then some; appends never re-read their
    // pages, so more would only hold memory.
    private const int CacheKibibytes = 65_536;

    // The WAL is checkpointed (and fsynced, twice) when it passes this size. SQLite's default of 1,000 pages is
    // smaller than one batch, so every commit paid a checkpoint: 64 MiB took a bulk load without secondary indexes
    // from 123k to 262k pairs/s in a probe. Set in pages, so derived from the file's page size.
    private const long AutoCheckpointBytes = 64L * 1024 * 1024;

    // After a checkpoint resets the WAL, the file is cut back to this size instead of staying at its peak.
    private const long JournalSizeLimitBytes = 64L * 1024 * 1024;

    private readonly NativeStatement _insert;
    private readonly NativeStatement _readPair;
    private readonly NativeStatement _overwrite;
    private readonly NativeStatement _delete;
    private readonly NativeStatement _tombstone;
    private readonly NativeStatement _scanKeys;
    private readonly Dictionary<long, MemoryKeys> _keys = [];
    private readonly List<long> _candidates = [];
    private readonly List<Existing> _matches = [];
    private BoundMetadata _insertBound = new() { Confidence = double.NaN };
    private byte[] _sourceUtf8 = new byte[1024];
    private byte[] _targetUtf8 = new byte[1024];

    public SegmentWriter(string connectionString)
    {
        Connection = new SqliteConnection(connectionString);
        Connection.Open();
        // In WAL mode NORMAL survives a killed process (the OS keeps the WAL); only a power cut can lose the last
        // commits, which FULL would cost an fsync per commit to prevent.
        var pageSize = (long)Scalar(null, "PRAGMA page_size;")!;
        Execute(
            "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY; " +
            $"PRAGMA cache_size = -{CacheKibibytes.ToString(CultureInfo.InvariantCulture)}; " +
            $"PRAGMA wal_autocheckpoint = {(AutoCheckpointBytes / pageSize).ToString(CultureInfo.InvariantCulture)}; " +
            $"PRAGMA journal_size_limit = {JournalSizeLimitBytes.ToString(CultureInfo.InvariantCulture)};");
        _insert = new NativeStatement(Connection,
            "INSERT INTO segments (id, memory_id, ko, en, ko_hash, en_hash, origin, note, confidence, low_confidence, " +
            "import_id, created_utc, changed_utc, ko_markup, en_markup, created_by, changed_by, change_seq, fields) " +
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12, ?13, ?14, ?15, ?15, ?16, ?17);");
        _readPair = new NativeStatement(Connection, "SELECT ko, en, ko_hash, en_hash FROM segments WHERE id = ?1;");
        _overwrite = new NativeStatement(Connection,
            "UPDATE segments SET ko = ?2, en = ?3, ko_hash = ?4, en_hash = ?5, origin = ?6, note = ?7, confidence = ?8, " +
            "low_confidence = ?9, import_id = ?10, changed_utc = ?11, ko_markup = ?12, en_markup = ?13, changed_by = ?14, change_seq = ?15, fields = ?16 WHERE id = ?1;");
        _delete = new NativeStatement(Connection, "DELETE FROM segments WHERE id = ?1;");
        _tombstone = new NativeStatement(Connection, "INSERT INTO segment_tombstones (change_seq, id) VALUES (?1, ?2);");
        _scanKeys = new NativeStatement(Connection,
            "SELECT id, ko_hash, en_hash FROM segments INDEXED BY segments_by_memory WHERE memory_id = ?1;");
    }

    public SqliteConnection Connection { get; }

    /// <summary>
    /// Applies <paramref name="pairs"/> in order inside the current transaction. The caller has validated them and
    /// commits the transaction, then calls <see cref="Committed"/> with the returned generation. <paramref name="author"/>
    /// is recorded as the creator of the segments inserted and the changer of those overwritten.
    /// </summary>
    public BatchResult Apply(SqliteTransaction transaction, long memoryId, long importId, UpdatePolicy policy, SegmentSide sourceSide,
        IReadOnlyList<SegmentInput> pairs, string now, string author)
    {
        var generation = (long)Scalar(transaction, "SELECT generation FROM memories WHERE id = $id;", ("$id", memoryId))!;
        var keys = KeysOf(memoryId);
        if (keys.Generation != generation)
            keys.Clear();
        keys.Generation = generation;
        var sources = keys.Get(sourceSide) ?? Build(keys, memoryId, sourceSide);
        var targetSide = sourceSide == SegmentSide.Korean ? SegmentSide.English : SegmentSide.Korean;
        var targets = keys.Get(targetSide);

        var nextId = (long)Scalar(transaction,
            "SELECT max((SELECT value FROM store_state WHERE name = 'last_segment_id'), coalesce((SELECT max(id) FROM segments), 0)) + 1;")!;
        var firstId = nextId;
        // The batch's number in the change log (see migration 007): stamped on every row it writes, taken from the
        // counter only if it writes one.
        var changeSeq = (long)Scalar(transaction, "SELECT value FROM store_state WHERE name = 'change_seq';")! + 1;

        _insert.Bind(2, memoryId);
        // A pair added on its own (AddSegment) belongs to no import: NULL, which the foreign key lets through.
        if (importId == 0)
            _insert.BindNull(11);
        else
            _insert.Bind(11, importId);
        _insert.Bind(12, now);
        _insert.Bind(15, author);
        _insert.Bind(16, changeSeq);
        var result = new BatchResult(pairs.Count);
        var korean = sourceSide == SegmentSide.Korean;
        foreach (var pair in pairs)
        {
            var source = korean ? pair.Korean : pair.English;
            var target = korean ? pair.English : pair.Korean;
            var sourceHash = TextHash.Compute(source);
            var targetHash = TextHash.Compute(target);

            _candidates.Clear();
            _matches.Clear();
            sources.Find(sourceHash, _candidates);
            if (_candidates.Count > 0 && FindSameSource(source, target, korean))
            {
                result.SkippedDuplicates++;
                continue;
            }

            if (_matches.Count == 0 || policy == UpdatePolicy.AddAlternative)
            {
                var id = nextId++;
                Insert(id, pair, korean ? sourceHash : targetHash, korean ? targetHash : sourceHash);
                sources.Add(sourceHash, id);
                targets?.Add(targetHash, id);
                result.Add(id, pair);
            }
            else if (policy == UpdatePolicy.KeepExisting)
            {
                result.KeptExisting++;
            }
            else
            {
                Overwrite(transaction, pair, korean, sourceHash, targetHash, sources, targets, importId, now, author, changeSeq, result);
            }
        }

        if (nextId != firstId)
            Scalar(transaction, "UPDATE store_state SET value = $last WHERE name = 'last_segment_id';", ("$last", nextId - 1));
        if (result.Added.Count > 0 || result.Updated.Count > 0 || result.RemovedCount > 0)
        {
            Scalar(transaction, "UPDATE store_state SET value = $seq WHERE name = 'change_seq';", ("$seq", changeSeq));
            result.ChangeSequence = changeSeq;
        }
        Scalar(transaction, "UPDATE memories SET generation = $next WHERE id = $id;", ("$next", generation + 1), ("$id", memoryId));
        result.Generation = generation + 1;
        return result;
    }

    /// <summary>
    /// Changes one pair's texts inside the current transaction (a reviewer's correction): the pair becomes trusted (confidence 1,
    /// not low-confidence), a changed side loses its inline tags, and the hash tables follow. The caller commits and
    /// reports it like a batch. Returns null when the pair is not in the memory.
    /// </summary>
    /// <exception cref="SegmentConflictException">The pair is at another version.</exception>
    /// <exception cref="DuplicateSegmentException">The memory holds the new pair already.</exception>
    public (long ChangeSequence, long Generation)? Edit(SqliteTransaction transaction, long memoryId, long id, string? korean, string? english,
        IReadOnlyList<FieldValue>? fields, long expectedVersion, string now, string author)
    {
        if (ReadForEdit(transaction, memoryId, id) is not { } row)
            return null;
        if (row.Version != expectedVersion)
            throw new SegmentConflictException($"Segment {id} has changed since version {expectedVersion} (it is at version {row.Version}): read it again and redo the edit on what it says now.", row.Version);
        var newKorean = korean ?? row.Korean;
        var newEnglish = english ?? row.English;
        var koreanHash = TextHash.Compute(newKorean);
        var englishHash = TextHash.Compute(newEnglish);
        var keys = Tables(transaction, memoryId, out var generation);
        var koreanKeys = keys.Get(SegmentSide.Korean) ?? Build(keys, memoryId, SegmentSide.Korean);
        _candidates.Clear();
        _matches.Clear();
        koreanKeys.Find(koreanHash, _candidates);
        _candidates.Remove(id);
        if (_candidates.Count > 0 && FindSameSource(newKorean, newEnglish, sourceIsKorean: true))
            throw new DuplicateSegmentException($"The memory already holds this pair as another segment; delete segment {id} instead of making it a copy.");

        var changeSeq = NextChangeSequence(transaction);
        Archive(transaction, id, now, author, deleted: false);
        Scalar(transaction,
            "UPDATE segments SET ko = $ko, en = $en, ko_hash = $koHash, en_hash = $enHash, confidence = 1, low_confidence = 0, " +
            "ko_markup = CASE WHEN $koChanged THEN '' ELSE ko_markup END, en_markup = CASE WHEN $enChanged THEN '' ELSE en_markup END, " +
            "fields = CASE WHEN $setFields THEN $fields ELSE fields END, changed_utc = $now, changed_by = $author, change_seq = $seq WHERE id = $id;",
            ("$setFields", fields is not null), ("$fields", fields is null ? "" : FieldsColumn.Write(fields)), ("$ko", newKorean), ("$en", newEnglish), ("$koHash", koreanHash), ("$enHash", englishHash),
            ("$koChanged", korean is not null && korean != row.Korean), ("$enChanged", english is not null && english != row.English),
            ("$now", now), ("$author", author), ("$seq", changeSeq), ("$id", id));
        koreanKeys.Remove(row.KoreanHash, id);
        koreanKeys.Add(koreanHash, id);
        if (keys.Get(SegmentSide.English) is { } englishKeys)
        {
            englishKeys.Remove(row.EnglishHash, id);
            englishKeys.Add(englishHash, id);
        }
        return (changeSeq, Finish(transaction, memoryId, generation));
    }

    /// <summary>Deletes one pair inside the current transaction, leaving its tombstone in the change log. Returns null when it is not in the memory.</summary>
    /// <exception cref="SegmentConflictException">The pair is at another version.</exception>
    public (long ChangeSequence, long Generation)? Delete(SqliteTransaction transaction, long memoryId, long id, long expectedVersion, string now, string author)
    {
        if (ReadForEdit(transaction, memoryId, id) is not { } row)
            return null;
        if (row.Version != expectedVersion)
            throw new SegmentConflictException($"Segment {id} has changed since version {expectedVersion} (it is at version {row.Version}): read it again before deleting it.", row.Version);
        var keys = Tables(transaction, memoryId, out var generation);
        var changeSeq = NextChangeSequence(transaction);
        Archive(transaction, id, now, author, deleted: true);
        Scalar(transaction, "DELETE FROM segments WHERE id = $id;", ("$id", id));
        Scalar(transaction, "INSERT INTO segment_tombstones (change_seq, id) VALUES ($seq, $id);", ("$seq", changeSeq), ("$id", id));
        keys.Get(SegmentSide.Korean)?.Remove(row.KoreanHash, id);
        keys.Get(SegmentSide.English)?.Remove(row.EnglishHash, id);
        return (changeSeq, Finish(transaction, memoryId, generation));
    }

    // The pair as it stands goes to the history before a commit replaces or deletes it.
    private void Archive(SqliteTransaction transaction, long id, string now, string author, bool deleted) =>
        Scalar(transaction,
            "INSERT OR REPLACE INTO segment_history (segment_id, version, memory_id, ko, en, changed_utc, changed_by, replaced_utc, replaced_by, deleted, fields) " +
            "SELECT id, change_seq, memory_id, ko, en, changed_utc, changed_by, $now, $author, $deleted, fields FROM segments WHERE id = $id;",
            ("$now", now), ("$author", author), ("$deleted", deleted), ("$id", id));

    private EditedRow? ReadForEdit(SqliteTransaction transaction, long memoryId, long id)
    {
        using var command = Connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT ko, en, ko_hash, en_hash, change_seq FROM segments WHERE id = $id AND memory_id = $memory;";
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$memory", memoryId);
        using var reader = command.ExecuteReader();
        return reader.Read() ? new EditedRow(reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4)) : null;
    }

    // The memory's hash tables as of the transaction's generation (dropped if another writer moved it on).
    private MemoryKeys Tables(SqliteTransaction transaction, long memoryId, out long generation)
    {
        generation = (long)Scalar(transaction, "SELECT generation FROM memories WHERE id = $id;", ("$id", memoryId))!;
        var keys = KeysOf(memoryId);
        if (keys.Generation != generation)
            keys.Clear();
        keys.Generation = generation;
        return keys;
    }

    /// <summary>Takes the next number of the change log for the transaction's commit (see migration 007).</summary>
    public long NextChangeSequence(SqliteTransaction transaction)
    {
        var changeSeq = (long)Scalar(transaction, "SELECT value FROM store_state WHERE name = 'change_seq';")! + 1;
        Scalar(transaction, "UPDATE store_state SET value = $seq WHERE name = 'change_seq';", ("$seq", changeSeq));
        return changeSeq;
    }

    // Every write to a memory moves its generation on (the index snapshots and the hash tables key on it).
    private long Finish(SqliteTransaction transaction, long memoryId, long generation)
    {
        Scalar(transaction, "UPDATE memories SET generation = $next WHERE id = $id;", ("$next", generation + 1), ("$id", memoryId));
        return generation + 1;
    }

    /// <summary>The batch's transaction committed: the tables now describe <paramref name="generation"/>.</summary>
    public void Committed(long memoryId, long generation) => KeysOf(memoryId).Generation = generation;

    /// <summary>The batch's transaction rolled back (or never started): the tables may hold its pairs, so drop them.</summary>
    public void Forget(long memoryId)
    {
        if (_keys.TryGetValue(memoryId, out var keys))
            keys.Clear();
    }

    public object? Scalar(SqliteTransaction? transaction, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = Connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        return command.ExecuteScalar();
    }

    public void Dispose()
    {
        _insert.Dispose();
        _readPair.Dispose();
        _overwrite.Dispose();
        _delete.Dispose();
        _tombstone.Dispose();
        _scanKeys.Dispose();
        Connection.Dispose();
    }

    private void Execute(string sql)
    {
        using var command = Connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private MemoryKeys KeysOf(long memoryId)
    {
        if (!_keys.TryGetValue(memoryId, out var keys))
            _keys[memoryId] = keys = new MemoryKeys();
        return keys;
    }

    // Reads the memory's hashes of one side from the covering index segments_by_memory: ~25 bytes a row, so a
    // million-segment memory costs a few hundred milliseconds once per process.
    private SourceKeyTable Build(MemoryKeys keys, long memoryId, SegmentSide side)
    {
        var table = new SourceKeyTable();
        var column = side == SegmentSide.Korean ? 1 : 2;
        _scanKeys.Bind(1, memoryId);
        while (_scanKeys.Read())
            table.Add(_scanKeys.GetInt64(column), _scanKeys.GetInt64(0));
        keys.Set(side, table);
        return table;
    }

    /// <summary>
    /// Reads the candidates in <see cref="_candidates"/>: true when one of them is the pair itself; otherwise those
    /// whose source text really equals <paramref name="source"/> are left in <see cref="_matches"/>.
    /// </summary>
    private bool FindSameSource(string source, string target, bool sourceIsKorean)
    {
        var sourceBytes = Utf8(source, ref _sourceUtf8);
        var targetBytes = Utf8(target, ref _targetUtf8);
        var (sourceColumn, targetColumn) = sourceIsKorean ? (0, 1) : (1, 0);
        foreach (var id in _candidates)
        {
            _readPair.Bind(1, id);
            if (!_readPair.Read())
                continue;
            try
            {
                if (!_readPair.GetUtf8(sourceColumn).SequenceEqual(sourceBytes))
                    continue; // a hash collision
                if (_readPair.GetUtf8(targetColumn).SequenceEqual(targetBytes))
                    return true;
                _matches.Add(new Existing(id, _readPair.GetInt64(2), _readPair.GetInt64(3)));
            }
            finally
            {
                _readPair.Reset();
            }
        }
        return false;
    }

    private void Overwrite(SqliteTransaction transaction, SegmentInput pair, bool sourceIsKorean, long sourceHash, long targetHash,
        SourceKeyTable sources, SourceKeyTable? targets, long importId, string now, string author, long changeSeq, BatchResult result)
    {
        var oldest = _matches[0];
        foreach (var match in _matches)
        {
            if (match.Id < oldest.Id)
                oldest = match;
        }

        Archive(transaction, oldest.Id, now, author, deleted: false);
        _overwrite.Bind(1, oldest.Id);
        _overwrite.Bind(2, pair.Korean);
        _overwrite.Bind(3, pair.English);
        _overwrite.Bind(4, sourceIsKorean ? sourceHash : targetHash);
        _overwrite.Bind(5, sourceIsKorean ? targetHash : sourceHash);
        _overwrite.Bind(6, pair.Origin);
        _overwrite.Bind(7, pair.Note);
        _overwrite.Bind(8, pair.Confidence);
        _overwrite.Bind(9, pair.LowConfidence ? 1 : 0);
        _overwrite.Bind(10, importId);
        _overwrite.Bind(11, now);
        _overwrite.Bind(12, pair.KoreanMarkup);
        _overwrite.Bind(13, pair.EnglishMarkup);
        _overwrite.Bind(14, author);
        _overwrite.Bind(15, changeSeq);
        _overwrite.Bind(16, FieldsColumn.Write(pair.Fields));
        _overwrite.Execute();
        if (targets is not null)
        {
            targets.Remove(sourceIsKorean ? oldest.EnglishHash : oldest.KoreanHash, oldest.Id);
            targets.Add(targetHash, oldest.Id);
        }
        result.Update(oldest.Id, pair);

        foreach (var match in _matches)
        {
            if (match.Id == oldest.Id)
                continue;
            Archive(transaction, match.Id, now, author, deleted: true);
            _delete.Bind(1, match.Id);
            _delete.Execute();
            _tombstone.Bind(1, changeSeq);
            _tombstone.Bind(2, match.Id);
            _tombstone.Execute();
            sources.Remove(sourceHash, match.Id);
            targets?.Remove(sourceIsKorean ? match.EnglishHash : match.KoreanHash, match.Id);
            result.Remove(match.Id);
        }
    }

    private void Insert(long id, SegmentInput pair, long koreanHash, long englishHash)
    {
        _insert.Bind(1, id);
        _insert.Bind(3, pair.Korean);
        _insert.Bind(4, pair.English);
        _insert.Bind(5, koreanHash);
        _insert.Bind(6, englishHash);
        // Bindings outlive the statement's reset, and a batch mostly repeats its metadata (one origin, no note, no
        // markup): rebinding only what changed saves six of eleven native calls per row.
        ref var bound = ref _insertBound;
        if (!string.Equals(bound.Origin, pair.Origin, StringComparison.Ordinal))
            _insert.Bind(7, bound.Origin = pair.Origin);
        if (!string.Equals(bound.Note, pair.Note, StringComparison.Ordinal))
            _insert.Bind(8, bound.Note = pair.Note);
        if (bound.Confidence != pair.Confidence)
            _insert.Bind(9, bound.Confidence = pair.Confidence);
        if (bound.LowConfidence != pair.LowConfidence)
            _insert.Bind(10, (bound.LowConfidence = pair.LowConfidence) == true ? 1 : 0);
        if (!string.Equals(bound.KoreanMarkup, pair.KoreanMarkup, StringComparison.Ordinal))
            _insert.Bind(13, bound.KoreanMarkup = pair.KoreanMarkup);
        if (!string.Equals(bound.EnglishMarkup, pair.EnglishMarkup, StringComparison.Ordinal))
            _insert.Bind(14, bound.EnglishMarkup = pair.EnglishMarkup);
        // A batch's pairs mostly share their fields (one file, one journal) or have none: the same list object
        // (or both empty) is not written out again.
        if (!ReferenceEquals(bound.Fields, pair.Fields) && !(bound.Fields is { Count: 0 } && pair.Fields.Count == 0))
            _insert.Bind(17, FieldsColumn.Write(bound.Fields = pair.Fields));
        _insert.Execute();
    }

    // What the insert statement's metadata parameters hold; null (or NaN) before the first bind.
    private struct BoundMetadata
    {
        public string? Origin;
        public string? Note;
        public double Confidence;
        public bool? LowConfidence;
        public string? KoreanMarkup;
        public string? EnglishMarkup;
        public IReadOnlyList<FieldValue>? Fields;
    }

    private static ReadOnlySpan<byte> Utf8(string text, ref byte[] buffer)
    {
        var needed = Encoding.UTF8.GetByteCount(text);
        if (buffer.Length < needed)
            buffer = new byte[Math.Max(needed, buffer.Length * 2)];
        return buffer.AsSpan(0, Encoding.UTF8.GetBytes(text, buffer));
    }

    private readonly record struct Existing(long Id, long KoreanHash, long EnglishHash);

    private readonly record struct EditedRow(string Korean, string English, long KoreanHash, long EnglishHash, long Version);
}
