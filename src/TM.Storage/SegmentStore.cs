using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Data.Sqlite;
using TM.Storage.Internal;

namespace TM.Storage;

/// <summary>
/// The durable store: one SQLite file in WAL mode holding memories, segment pairs and the record of
/// imports. It is the source of truth; in-memory indexes are rebuilt from it at start.
/// </summary>
/// <remarks>
/// <para>
/// Safe for concurrent use. Reads run in parallel on pooled connections; writes go through one connection
/// kept open for the store's life (its prepared statements and page cache serve every batch) and are
/// serialised here, because SQLite admits one writer at a time anyway and waiting on a semaphore is cheaper
/// than spinning on SQLITE_BUSY.
/// </para>
/// <para>
/// One store per file: <see cref="Open"/> takes imports still marked running for the leftovers of a process
/// that died. Another process writing the same file is detected (the memory's generation) and costs the
/// store a rebuild of its hash table of that memory's texts, never a wrong answer.
/// </para>
/// </remarks>
public sealed partial class SegmentStore : ISegmentStore
{
    /// <summary>The name under which the default memory (the empty name in the API) is stored.</summary>
    public const string DefaultMemoryName = "default";

    private readonly string _connectionString;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly SegmentWriter _writer;
    private readonly SegmentReaders _readers;
    private readonly ConcurrentDictionary<long, (long Generation, long Korean, long English)> _distinctCounts = new();
    private bool _disposed;

    private SegmentStore(string connectionString)
    {
        _connectionString = connectionString;
        _writer = new SegmentWriter(connectionString);
        _readers = new SegmentReaders(connectionString);
    }

    /// <summary>The database file's path.</summary>
    public string Path { get; private init; } = "";

    /// <summary>
    /// Opens (creating if needed) the database at <paramref name="path"/>, brings its schema up to date and marks
    /// imports left <see cref="ImportStatus.Running"/> by a previous process <see cref="ImportStatus.Interrupted"/>.
    /// </summary>
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
        var connectionString = builder.ToString();
        using (var connection = new SqliteConnection(connectionString))
        {
            connection.Open();
            // A new file gets 16 KiB pages (an existing one keeps its own; the size must be set before WAL mode and the
            // first table): a bulk load writes every page to the WAL and again to the file, one system call each,
            // and 16 KiB took ~15% off the CPU per pair against 4 KiB. 64 KiB was no faster and reads more per lookup.
            // It also gets incremental auto-vacuum (set before the first table, like the page size), so that the pages
            // a deleted memory frees can leave the file (ReleaseFreePages).
            if (Convert.ToInt64(Scalar(connection, null, "PRAGMA page_count;"), CultureInfo.InvariantCulture) == 0)
                Scalar(connection, null, "PRAGMA page_size = 16384; PRAGMA auto_vacuum = INCREMENTAL;");
            // WAL is a property of the file: set once, every later connection inherits it.
            Scalar(connection, null, "PRAGMA journal_mode = WAL;");
            SchemaMigrator.Migrate(connection);
            Scalar(connection, null, "UPDATE imports SET status = 'interrupted', updated_utc = $now WHERE status = 'running';", ("$now", Now()));
        }
        return new SegmentStore(connectionString) { Path = System.IO.Path.GetFullPath(path) };
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
            return new MemoryInfo(EnsureMemory(null, normalized), normalized);
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
        return ids.Count == 0 ? [] : _readers.Read(ids);
    }

    /// <summary>Counts per memory: all memories when <paramref name="memory"/> is null, else that one (empty = default).</summary>
    /// <remarks>
    /// Distinct sentences are counted by their 64-bit hashes, from the covering index segments_by_memory: counting the
    /// texts themselves sorted a million strings per side (about 20 s at a million pairs). Two sentences with one hash
    /// would count once; among a million the chance of any such pair is about 3 in 10^8. The distinct counts are kept
    /// per memory generation, so only the first call after a write pays for them.
    /// </remarks>
    /// <param name="memory">One memory's name (empty = default), or null for all of them.</param>
    /// <param name="searchIndexed">Where the search index stands in the change log: the segments changed after it are
    /// counted as <see cref="MemoryStatistics.ConcordancePending"/>; null to count none.</param>
    public IReadOnlyList<MemoryStatistics> GetStatistics(string? memory, ChangeCursor? searchIndexed = null)
    {
        using var connection = OpenConnection();
        // One read transaction: every count describes the same moment, and the generation tells which.
        using var transaction = connection.BeginTransaction(deferred: true);
        var rows = new List<(long Id, string Name, long Generation, long Segments, long Imports, long Pending)>();
        using (var command = Command(connection, transaction,
            "SELECT m.id, m.name, m.generation, " +
            "(SELECT count(*) FROM segments WHERE memory_id = m.id), " +
            "(SELECT count(*) FROM imports WHERE memory_id = m.id), " +
            "CASE WHEN $seq IS NULL THEN 0 ELSE (SELECT count(*) FROM segments INDEXED BY segments_by_change " +
            "WHERE (change_seq, id) > ($seq, $id) AND memory_id = m.id) END " +
            "FROM memories m WHERE $name IS NULL OR m.name = $name ORDER BY m.id;",
            ("$name", memory is null ? DBNull.Value : NormalizeMemoryName(memory)),
            ("$seq", searchIndexed is { } cursor ? cursor.Sequence : DBNull.Value),
            ("$id", searchIndexed is { } at ? at.SegmentId : DBNull.Value)))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
                rows.Add((reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5)));
        }
        var stats = new List<MemoryStatistics>(rows.Count);
        foreach (var row in rows)
        {
            var (korean, english) = DistinctSentences(connection, transaction, row.Id, row.Generation, row.Segments);
            stats.Add(new MemoryStatistics(row.Name, row.Segments, row.Imports, korean, english, row.Pending));
        }
        return stats;
    }

    // Counted once per generation, which every write moves on, and remembered until then. The hashes are read off
    // the covering index and sorted here: SQLite's count(DISTINCT) built a temporary B-tree per column, 6.9 s at a
    // million pairs, where reading the rows into two arrays of 8 MB and sorting them takes about one second.
    private (long Korean, long English) DistinctSentences(SqliteConnection connection, SqliteTransaction transaction, long memoryId, long generation, long segments)
    {
        if (_distinctCounts.TryGetValue(memoryId, out var known) && known.Generation == generation)
            return (known.Korean, known.English);
        var korean = new long[segments];
        var english = new long[segments];
        var count = 0;
        using (var command = Command(connection, transaction,
            "SELECT ko_hash, en_hash FROM segments INDEXED BY segments_by_memory WHERE memory_id = $id;", ("$id", memoryId)))
        using (var reader = command.ExecuteReader())
        {
            // The count was read in the same transaction, so the rows are exactly that many.
            while (reader.Read())
            {
                korean[count] = reader.GetInt64(0);
                english[count++] = reader.GetInt64(1);
            }
        }
        var counted = (generation, CountDistinct(korean.AsSpan(0, count)), CountDistinct(english.AsSpan(0, count)));
        _distinctCounts[memoryId] = counted;
        return (counted.Item2, counted.Item3);
    }

    private static long CountDistinct(Span<long> values)
    {
        values.Sort();
        long distinct = 0;
        for (var i = 0; i < values.Length; i++)
        {
            if (i == 0 || values[i] != values[i - 1])
                distinct++;
        }
        return distinct;
    }

    /// <summary>
    /// The version of a memory's contents now, for caches kept outside the file (index snapshots). Read in one
    /// transaction, so the counts belong to the generation; a write serialised after it gives a newer version.
    /// </summary>
    /// <exception cref="InvalidOperationException">There is no memory with id <paramref name="memoryId"/>.</exception>
    public MemoryVersion GetVersion(long memoryId)
    {
        using var connection = OpenConnection();
        using var transaction = connection.BeginTransaction(deferred: true);
        using var command = Command(connection, transaction,
            "SELECT (SELECT value FROM store_state WHERE name = 'store_id'), m.generation, " +
            "(SELECT count(*) FROM segments WHERE memory_id = m.id), " +
            "(SELECT coalesce(max(id), 0) FROM segments WHERE memory_id = m.id) " +
            "FROM memories m WHERE m.id = $id;",
            ("$id", memoryId));
        using var reader = command.ExecuteReader();
        if (!reader.Read())
            throw new InvalidOperationException($"There is no memory with id {memoryId}.");
        return new MemoryVersion(reader.GetInt64(0), memoryId, reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
    }

    /// <summary>Runs SQLite's own consistency check; returns "ok" when the file is sound.</summary>
    public string CheckIntegrity()
    {
        using var connection = OpenConnection();
        return Convert.ToString(Scalar(connection, null, "PRAGMA integrity_check;"), CultureInfo.InvariantCulture) ?? "";
    }

    /// <summary>
    /// Moves every committed page from the WAL into the database file, then closes the write connection and every
    /// pooled connection to the file: afterwards the file alone holds everything (no <c>-wal</c> file is needed, and
    /// SQLite deletes it with the last connection). Call it once nothing writes any more (the server disposes the store
    /// after its calls and background jobs have stopped); a write waiting for the store's gate runs first.
    /// </summary>
    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        _readers.Dispose();
        _writeGate.Wait();
        try
        {
            // Pooled connections stay open for the store's life, so SQLite's own checkpoint on the last close never
            // came: after a clean stop tm.db was a 16 KB file with no tables and every pair sat in tm.db-wal. TRUNCATE
            // also empties the WAL file. A reader in a transaction (none once the server has stopped) would leave part
            // of the WAL in place, still correct: SQLite replays it at the next open.
            _writer.Scalar(null, "PRAGMA wal_checkpoint(TRUNCATE);");
        }
        catch (SqliteException)
        {
            // Same as above: the WAL keeps what the file does not have yet.
        }
        finally
        {
            _writer.Dispose();
            _writeGate.Release();
        }
        using (var connection = new SqliteConnection(_connectionString))
            SqliteConnection.ClearPool(connection);
        _writeGate.Dispose();
    }

    private const string SelectColumns = "SELECT s.id, s.ko, s.en, s.origin, s.note, s.confidence, s.low_confidence, s.ko_markup, s.en_markup, s.fields FROM segments s";

    // Times are stored as ISO 8601 in UTC to the tick (2026-01-31T09:15:02.1234567Z); ParseTime also reads a time
    // written with whole seconds (2026-01-31T09:15:02Z).
    private static string Now() => Time(DateTimeOffset.UtcNow);

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    /// <summary>A stored time, or null for the empty text of "never".</summary>
    internal static DateTimeOffset? ParseOptionalTime(string text) => text.Length == 0 ? null : ParseTime(text);

    internal static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    // Columns 0-8 as in SelectColumns; the fields column where the query puts it.
    private static StoredSegment ReadSegment(SqliteDataReader reader, int fieldsColumn = 9) => new(
        reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
        reader.GetDouble(5), reader.GetInt64(6) != 0, reader.GetString(7), reader.GetString(8))
    {
        Fields = FieldsColumn.ReadValues(reader.GetString(fieldsColumn)),
    };

    private SqliteConnection OpenConnection()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    // Runs on the write connection; the caller holds the write gate.
    private long EnsureMemory(SqliteTransaction? transaction, string name)
    {
        var existing = _writer.Scalar(transaction, "SELECT id FROM memories WHERE name = $name;", ("$name", name));
        if (existing is long id)
            return id;
        return (long)_writer.Scalar(transaction,
            "INSERT INTO memories (name, created_utc) VALUES ($name, $now) RETURNING id;",
            ("$name", name), ("$now", Now()))!;
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
