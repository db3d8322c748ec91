using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using TM.Storage.Internal;

namespace TM.Storage;

/// <summary>
/// The durable store: one SQLite file in WAL mode holding memories, segment pairs and the record of
/// imports. It is the source of truth; in-memory indexes are rebuilt from it at start.
/// </summary>
/// <remarks>
/// Safe for concurrent use. Reads run in parallel on pooled connections; writes are serialised
/// here because SQLite admits one writer at a time anyway, and waiting on a semaphore is cheaper
/// than spinning on SQLITE_BUSY.
/// </remarks>
public sealed class SegmentStore : IDisposable
{
    /// <summary>The name under which the default memory (the empty name in the API) is stored.</summary>
    public const string DefaultMemoryName = "default";

    private readonly string _connectionString;
    private readonly SemaphoreSlim _writeGate = new(1, 1);

    private SegmentStore(string connectionString) => _connectionString = connectionString;

    /// <summary>The database file's path.</summary>
    public string Path { get; private init; } = "";

    /// <summary>Opens (creating if needed) the database at <paramref name="path"/> and brings its schema up to date.</summary>
    public static SegmentStore Open(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
            Directory.CreateDirectory(directory);
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        };
        var store = new SegmentStore(builder.ToString()) { Path = System.IO.Path.GetFullPath(path) };
        using var connection = store.OpenConnection();
        // WAL is a property of the file: set once, every later connection inherits it.
        Scalar(connection, null, "PRAGMA journal_mode = WAL;");
        SchemaMigrator.Migrate(connection);
        return store;
    }

    /// <summary>Maps the API's memory name (empty = default) to the stored name.</summary>
    public static string NormalizeMemoryName(string? name) =>
        string.IsNullOrWhiteSpace(name) ? DefaultMemoryName : name.Trim();

    /// <summary>Finds a memory by name; null when it does not exist.</summary>
    public MemoryInfo? FindMemory(string? name)
    {
        var normalized = NormalizeMemoryName(name);
        using var connection = OpenConnection();
        var id = Scalar(connection, null, "SELECT id FROM memories WHERE name = $name;", ("$name", normalized));
        return id is null ? null : new MemoryInfo((long)id, normalized);
    }

    /// <summary>Returns the memory with this name, creating it when it does not exist.</summary>
    public MemoryInfo GetOrCreateMemory(string? name)
    {
        var normalized = NormalizeMemoryName(name);
        _writeGate.Wait();
        try
        {
            using var connection = OpenWriteConnection();
            return new MemoryInfo(EnsureMemory(connection, null, normalized), normalized);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>Lists every memory, oldest first.</summary>
    public IReadOnlyList<MemoryInfo> ListMemories()
    {
        using var connection = OpenConnection();
        using var command = Command(connection, null, "SELECT id, name FROM memories ORDER BY id;");
        using var reader = command.ExecuteReader();
        var memories = new List<MemoryInfo>();
        while (reader.Read())
            memories.Add(new MemoryInfo(reader.GetInt64(0), reader.GetString(1)));
        return memories;
    }

    /// <summary>
    /// Stores pairs in one transaction: all of them or, if anything fails, none. Pairs the memory
    /// already holds are skipped and counted, so re-importing the same input adds nothing.
    /// </summary>
    /// <param name="memory">Memory name; empty means the default. Created when missing.</param>
    /// <param name="kind">How the pairs arrived, recorded with the import.</param>
    /// <param name="importName">A name for the import (file or document name), recorded with it.</param>
    /// <param name="pairs">The pairs, in order.</param>
    public ImportOutcome AddSegments(string? memory, ImportKind kind, string importName, IReadOnlyList<SegmentInput> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentNullException.ThrowIfNull(importName);
        var memoryName = NormalizeMemoryName(memory);
        var now = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        _writeGate.Wait();
        try
        {
            using var connection = OpenWriteConnection();
            using var transaction = connection.BeginTransaction();
            var memoryId = EnsureMemory(connection, transaction, memoryName);
            var importId = (long)Scalar(connection, transaction,
                "INSERT INTO imports (memory_id, kind, name, pairs_stored, pairs_skipped, created_utc) " +
                "VALUES ($memory, $kind, $name, 0, 0, $now) RETURNING id;",
                ("$memory", memoryId), ("$kind", KindName(kind)),
                ("$name", importName), ("$now", now))!;

            using var insert = Command(connection, transaction,
                "INSERT INTO segments (memory_id, ko, en, pair_hash, origin, note, confidence, low_confidence, import_id, created_utc, ko_markup, en_markup) " +
                "VALUES ($memory, $ko, $en, $hash, $origin, $note, $confidence, $low, $import, $now, $koMarkup, $enMarkup) " +
                "ON CONFLICT (memory_id, pair_hash) DO NOTHING RETURNING id;");
            var ko = insert.Parameters.Add("$ko", SqliteType.Text);
            var en = insert.Parameters.Add("$en", SqliteType.Text);
            var hash = insert.Parameters.Add("$hash", SqliteType.Blob);
            var origin = insert.Parameters.Add("$origin", SqliteType.Text);
            var note = insert.Parameters.Add("$note", SqliteType.Text);
            var confidence = insert.Parameters.Add("$confidence", SqliteType.Real);
            var low = insert.Parameters.Add("$low", SqliteType.Integer);
            var koMarkup = insert.Parameters.Add("$koMarkup", SqliteType.Text);
            var enMarkup = insert.Parameters.Add("$enMarkup", SqliteType.Text);
            insert.Parameters.AddWithValue("$memory", memoryId);
            insert.Parameters.AddWithValue("$import", importId);
            insert.Parameters.AddWithValue("$now", now);
            insert.Prepare();

            var added = new List<StoredSegment>(pairs.Count);
            var skipped = 0;
            foreach (var pair in pairs)
            {
                ko.Value = pair.Korean;
                en.Value = pair.English;
                hash.Value = PairHash.Compute(pair.Korean, pair.English);
                origin.Value = pair.Origin;
                note.Value = pair.Note;
                confidence.Value = pair.Confidence;
                low.Value = pair.LowConfidence ? 1 : 0;
                koMarkup.Value = pair.KoreanMarkup;
                enMarkup.Value = pair.EnglishMarkup;
                if (insert.ExecuteScalar() is long id)
                    added.Add(new StoredSegment(id, pair.Korean, pair.English, pair.Origin, pair.Note, pair.Confidence, pair.LowConfidence, pair.KoreanMarkup, pair.EnglishMarkup));
                else
                    skipped++;
            }

            Scalar(connection, transaction, "UPDATE imports SET pairs_stored = $stored, pairs_skipped = $skipped WHERE id = $id;",
                ("$stored", added.Count), ("$skipped", skipped), ("$id", importId));
            transaction.Commit();
            return new ImportOutcome(importId, memoryId, added, skipped);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>Streams every segment of a memory in id order, for building the in-memory index.</summary>
    public IEnumerable<StoredSegment> ReadAll(long memoryId)
    {
        using var connection = OpenConnection();
        using var command = Command(connection, null, SelectColumns + " WHERE memory_id = $memory ORDER BY id;", ("$memory", memoryId));
        using var reader = command.ExecuteReader();
        while (reader.Read())
            yield return ReadSegment(reader);
    }

    /// <summary>Reads segments by id; ids that do not exist are left out. The result follows the order of <paramref name="ids"/>.</summary>
    public IReadOnlyList<StoredSegment> GetSegments(IReadOnlyList<long> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
            return [];
        using var connection = OpenConnection();
        var sql = new StringBuilder(SelectColumns).Append(" WHERE id IN (");
        using var command = connection.CreateCommand();
        for (var i = 0; i < ids.Count; i++)
        {
            sql.Append(i == 0 ? "$p" : ", $p").Append(i.ToString(CultureInfo.InvariantCulture));
            command.Parameters.AddWithValue("$p" + i.ToString(CultureInfo.InvariantCulture), ids[i]);
        }
        command.CommandText = sql.Append(");").ToString();
        var byId = new Dictionary<long, StoredSegment>(ids.Count);
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var segment = ReadSegment(reader);
                byId[segment.Id] = segment;
            }
        }
        var ordered = new List<StoredSegment>(byId.Count);
        foreach (var id in ids)
            if (byId.TryGetValue(id, out var segment))
                ordered.Add(segment);
        return ordered;
    }

    /// <summary>
    /// Finds segments whose text contains <paramref name="term"/> (case-insensitive for Latin letters).
    /// </summary>
    /// <param name="memoryId">The memory to search.</param>
    /// <param name="term">The term; must not be empty.</param>
    /// <param name="side">The side to search, or null for both.</param>
    /// <param name="maxHits">The most hits to return.</param>
    public ConcordanceResult Concordance(long memoryId, string term, SegmentSide? side, int maxHits)
    {
        ArgumentException.ThrowIfNullOrEmpty(term);
        ArgumentOutOfRangeException.ThrowIfNegative(maxHits);
        using var connection = OpenConnection();
        // Trigram FTS answers substrings of three characters or more from its index; a shorter term
        // has no trigram, so it is found by scanning (fine up to ~10^5 segments; see README).
        string where;
        if (term.Length >= 3)
        {
            var column = side switch { SegmentSide.Korean => "ko : ", SegmentSide.English => "en : ", _ => "" };
            where = "s.id IN (SELECT rowid FROM segments_fts WHERE segments_fts MATCH $match)";
            var match = column + "\"" + term.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            return RunConcordance(connection, where, memoryId, maxHits, ("$match", match));
        }
        where = side switch
        {
            SegmentSide.Korean => "instr(lower(s.ko), lower($term)) > 0",
            SegmentSide.English => "instr(lower(s.en), lower($term)) > 0",
            _ => "(instr(lower(s.ko), lower($term)) > 0 OR instr(lower(s.en), lower($term)) > 0)",
        };
        return RunConcordance(connection, where, memoryId, maxHits, ("$term", term));
    }

    /// <summary>Counts per memory: all memories when <paramref name="memory"/> is null, else that one (empty = default).</summary>
    public IReadOnlyList<MemoryStatistics> GetStatistics(string? memory)
    {
        using var connection = OpenConnection();
        using var command = Command(connection, null,
            "SELECT m.name, " +
            "(SELECT count(*) FROM segments WHERE memory_id = m.id), " +
            "(SELECT count(*) FROM imports WHERE memory_id = m.id), " +
            "(SELECT count(DISTINCT ko) FROM segments WHERE memory_id = m.id), " +
            "(SELECT count(DISTINCT en) FROM segments WHERE memory_id = m.id) " +
            "FROM memories m WHERE $name IS NULL OR m.name = $name ORDER BY m.id;",
            ("$name", memory is null ? DBNull.Value : NormalizeMemoryName(memory)));
        using var reader = command.ExecuteReader();
        var stats = new List<MemoryStatistics>();
        while (reader.Read())
            stats.Add(new MemoryStatistics(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4)));
        return stats;
    }

    /// <summary>The recorded imports, oldest first: of every memory when <paramref name="memory"/> is null, else of that one (empty = default).</summary>
    public IReadOnlyList<ImportRecord> ListImports(string? memory)
    {
        using var connection = OpenConnection();
        using var command = Command(connection, null,
            "SELECT i.id, m.name, i.kind, i.name, i.pairs_stored, i.pairs_skipped, i.created_utc " +
            "FROM imports i JOIN memories m ON m.id = i.memory_id WHERE $name IS NULL OR m.name = $name ORDER BY i.id;",
            ("$name", memory is null ? DBNull.Value : NormalizeMemoryName(memory)));
        using var reader = command.ExecuteReader();
        var imports = new List<ImportRecord>();
        while (reader.Read())
        {
            var created = DateTimeOffset.Parse(reader.GetString(6), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
            imports.Add(new ImportRecord(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetInt32(4), reader.GetInt32(5), created));
        }
        return imports;
    }

    /// <summary>Runs SQLite's own consistency check; returns "ok" when the file is sound.</summary>
    public string CheckIntegrity()
    {
        using var connection = OpenConnection();
        return Convert.ToString(Scalar(connection, null, "PRAGMA integrity_check;"), CultureInfo.InvariantCulture) ?? "";
    }

    /// <summary>Releases the pooled connections to the file.</summary>
    public void Dispose()
    {
        using (var connection = new SqliteConnection(_connectionString))
            SqliteConnection.ClearPool(connection);
        _writeGate.Dispose();
    }

    private const string SelectColumns = "SELECT s.id, s.ko, s.en, s.origin, s.note, s.confidence, s.low_confidence, s.ko_markup, s.en_markup FROM segments s";

    // The kind column is TEXT, so a new kind needs no migration.
    private static string KindName(ImportKind kind) => kind switch
    {
        ImportKind.Document => "document",
        ImportKind.Tmx => "tmx",
        _ => "segments",
    };

    private ConcordanceResult RunConcordance(SqliteConnection connection, string where, long memoryId, int maxHits, (string Name, object Value) termParameter)
    {
        var total = Convert.ToInt32(Scalar(connection, null,
            $"SELECT count(*) FROM segments s WHERE s.memory_id = $memory AND {where};",
            ("$memory", memoryId), termParameter), CultureInfo.InvariantCulture);
        using var command = Command(connection, null,
            $"{SelectColumns} WHERE s.memory_id = $memory AND {where} ORDER BY s.id LIMIT $limit;",
            ("$memory", memoryId), termParameter, ("$limit", maxHits));
        using var reader = command.ExecuteReader();
        var hits = new List<StoredSegment>();
        while (reader.Read())
            hits.Add(ReadSegment(reader));
        return new ConcordanceResult(hits, total);
    }

    private static StoredSegment ReadSegment(SqliteDataReader reader) => new(
        reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
        reader.GetDouble(5), reader.GetInt64(6) != 0, reader.GetString(7), reader.GetString(8));

    private SqliteConnection OpenConnection()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    // Write settings are per connection and only writers need them; reads skip the round trip (it was most of
    // a lookup's SQLite time). In WAL mode NORMAL survives a killed process (the OS keeps the WAL); only a
    // power cut can lose the last commits, which FULL would cost an fsync per commit to prevent.
    private SqliteConnection OpenWriteConnection()
    {
        var connection = OpenConnection();
        Scalar(connection, null, "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;");
        return connection;
    }

    private static long EnsureMemory(SqliteConnection connection, SqliteTransaction? transaction, string name)
    {
        var existing = Scalar(connection, transaction, "SELECT id FROM memories WHERE name = $name;", ("$name", name));
        if (existing is long id)
            return id;
        return (long)Scalar(connection, transaction,
            "INSERT INTO memories (name, created_utc) VALUES ($name, $now) RETURNING id;",
            ("$name", name), ("$now", DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture)))!;
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        return command;
    }

    private static object? Scalar(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        return command.ExecuteScalar();
    }
}
