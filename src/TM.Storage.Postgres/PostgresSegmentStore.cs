using Npgsql;
using TM.Storage.Internal;
using TM.Storage.Postgres.Internal;

namespace TM.Storage.Postgres;

/// <summary>
/// The store on PostgreSQL: memories, segment pairs and the record of imports in one database that any number of
/// servers share, with the behaviour of the SQLite <see cref="SegmentStore"/> (same methods, same results, same
/// exceptions), and an ordered change log the servers follow (<see cref="ReadChanges(long, int)"/>).
/// </summary>
/// <remarks>
/// Safe for concurrent use, within one process and across servers: every call takes a pooled connection of its own,
/// and writers to one memory queue on the memory's row lock (see BatchWriter) instead of on a gate in this process.
/// </remarks>
public sealed partial class PostgresSegmentStore : ISharedSegmentStore
{
    /// <summary>Rows per query of <see cref="ReadAll"/>: large enough that a round trip costs little per row, small enough to bound memory.</summary>
    private const int ReadAllPage = 10_000;

    private const string SelectColumns =
        "SELECT s.id, s.ko, s.en, s.origin, s.note, s.confidence, s.low_confidence, s.ko_markup, s.en_markup, s.fields FROM segments s";

    private readonly NpgsqlDataSource _dataSource;

    private PostgresSegmentStore(NpgsqlDataSource dataSource)
    {
        _dataSource = dataSource;
    }

    /// <summary>
    /// Opens the store in the database <paramref name="connectionString"/> names (an Npgsql connection string:
    /// <c>Host=…;Port=…;Username=…;Password=…;Database=…</c>), brings its schema up to date (once, whichever server
    /// gets there first) and marks imports left <see cref="ImportStatus.Running"/> <see cref="ImportStatus.Interrupted"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The connection string is empty or malformed.</exception>
    /// <exception cref="NpgsqlException">The database cannot be reached.</exception>
    public static PostgresSegmentStore Open(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var dataSource = NpgsqlDataSource.Create(connectionString);
        try
        {
            using (var connection = dataSource.OpenConnection())
            {
                PostgresSchemaMigrator.Migrate(connection);
                Sql.Scalar(connection, null, "UPDATE imports SET status = 'interrupted', updated_utc = @now WHERE status = 'running';", ("now", DateTime.UtcNow));
            }
            return new PostgresSegmentStore(dataSource);
        }
        catch
        {
            dataSource.Dispose();
            throw;
        }
    }

    /// <summary>Streams every segment of a memory in id order, for building the in-memory index.</summary>
    /// <remarks>Read in pages by id (keyset), each its own query, so a slow consumer holds no transaction or cursor open.</remarks>
    public IEnumerable<StoredSegment> ReadAll(long memoryId) =>
        ReadPages(SelectColumns + " WHERE s.memory_id = @memory AND s.id > @after ORDER BY s.id LIMIT @limit;", memoryId,
            reader => ReadSegment(reader, fieldsColumn: 9), segment => segment.Id);

    /// <summary>Streams every segment of a memory with what the store records about it, in id order (for an export).</summary>
    /// <remarks>Read in pages by id, as <see cref="ReadAll"/>.</remarks>
    public IEnumerable<SegmentRecord> ReadAllRecords(long memoryId) =>
        ReadPages(RecordQuery.Of("", "WHERE s.memory_id = @memory AND s.id > @after ORDER BY s.id LIMIT @limit;"), memoryId,
            ReadRecord, record => record.Segment.Id);

    /// <summary>Reads segments by id; ids that do not exist are left out. The result follows the order of <paramref name="ids"/>.</summary>
    public IReadOnlyList<StoredSegment> GetSegments(IReadOnlyList<long> ids) =>
        ReadByIds(ids, SelectColumns + " WHERE s.id = ANY(@ids);", reader => ReadSegment(reader, fieldsColumn: 9), segment => segment.Id);

    /// <summary>The segments with these ids and all the store records about them, in the order of <paramref name="ids"/>; ids that do not exist are left out.</summary>
    public IReadOnlyList<SegmentRecord> GetRecords(IReadOnlyList<long> ids) =>
        ReadByIds(ids, RecordQuery.Of("", "WHERE s.id = ANY(@ids);"), ReadRecord, record => record.Segment.Id);

    /// <summary>Counts per memory: all memories when <paramref name="memory"/> is null, else that one (empty = default).</summary>
    /// <param name="memory">One memory's name (empty = default), or null for all of them.</param>
    /// <param name="searchIndexed">Where the search index stands in the change log: the segments changed after it are
    /// counted as <see cref="MemoryStatistics.ConcordancePending"/>; null to count none.</param>
    /// <remarks>One REPEATABLE READ transaction, so every count describes the same moment.</remarks>
    public IReadOnlyList<MemoryStatistics> GetStatistics(string? memory, ChangeCursor? searchIndexed = null)
    {
        using var connection = _dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction(System.Data.IsolationLevel.RepeatableRead);
        using var command = Sql.Command(connection, transaction,
            "SELECT m.name, " +
            "(SELECT count(*) FROM segments WHERE memory_id = m.id), " +
            "(SELECT count(*) FROM imports WHERE memory_id = m.id), " +
            "(SELECT count(DISTINCT ko_hash) FROM segments WHERE memory_id = m.id), " +
            "(SELECT count(DISTINCT en_hash) FROM segments WHERE memory_id = m.id), " +
            "CASE WHEN @seq IS NULL THEN 0 ELSE (SELECT count(*) FROM segments WHERE (change_seq, id) > (@seq, @id) AND memory_id = m.id) END " +
            "FROM memories m WHERE @name IS NULL OR m.name = @name ORDER BY m.id;",
            ("name", Sql.Typed(NpgsqlTypes.NpgsqlDbType.Text, memory is null ? null : SegmentStore.NormalizeMemoryName(memory))),
            ("seq", Sql.Typed(NpgsqlTypes.NpgsqlDbType.Bigint, searchIndexed?.Sequence)),
            ("id", Sql.Typed(NpgsqlTypes.NpgsqlDbType.Bigint, searchIndexed?.SegmentId)));
        using var reader = command.ExecuteReader();
        var stats = new List<MemoryStatistics>();
        while (reader.Read())
            stats.Add(new MemoryStatistics(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5)));
        return stats;
    }

    /// <summary>
    /// The version of a memory's contents now, for caches kept outside the database (index snapshots). Read in one
    /// statement, so the counts belong to the generation.
    /// </summary>
    /// <exception cref="InvalidOperationException">There is no memory with id <paramref name="memoryId"/>.</exception>
    public MemoryVersion GetVersion(long memoryId)
    {
        using var connection = _dataSource.OpenConnection();
        using var command = Sql.Command(connection, null,
            "SELECT (SELECT value FROM store_state WHERE name = 'store_id'), m.generation, " +
            "(SELECT count(*) FROM segments WHERE memory_id = m.id), " +
            "(SELECT coalesce(max(id), 0) FROM segments WHERE memory_id = m.id) " +
            "FROM memories m WHERE m.id = @id;",
            ("id", memoryId));
        using var reader = command.ExecuteReader();
        if (!reader.Read())
            throw new InvalidOperationException($"There is no memory with id {memoryId}.");
        return new MemoryVersion(reader.GetInt64(0), memoryId, reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
    }

    /// <summary>Closes the store's pooled connections.</summary>
    public void Dispose() => _dataSource.Dispose();

    // One query for all the ids (bound as an array: @ids), then the rows in the order of the ids asked for.
    private List<T> ReadByIds<T>(IReadOnlyList<long> ids, string sql, Func<NpgsqlDataReader, T> read, Func<T, long> idOf)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
            return [];
        var found = new Dictionary<long, T>();
        using (var connection = _dataSource.OpenConnection())
        using (var command = Sql.Command(connection, null, sql, ("ids", ids.Distinct().ToArray())))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var item = read(reader);
                found[idOf(item)] = item;
            }
        }
        var ordered = new List<T>(ids.Count);
        foreach (var id in ids)
        {
            if (found.TryGetValue(id, out var item))
                ordered.Add(item);
        }
        return ordered;
    }

    // A memory's rows in pages of ReadAllPage by id (the query takes @memory, @after and @limit), each page its own query.
    private IEnumerable<T> ReadPages<T>(string sql, long memoryId, Func<NpgsqlDataReader, T> read, Func<T, long> idOf)
    {
        var after = 0L;
        while (true)
        {
            var page = new List<T>(ReadAllPage);
            using (var connection = _dataSource.OpenConnection())
            using (var command = Sql.Command(connection, null, sql, ("memory", memoryId), ("after", after), ("limit", ReadAllPage)))
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                    page.Add(read(reader));
            }
            foreach (var item in page)
                yield return item;
            if (page.Count < ReadAllPage)
                yield break;
            after = idOf(page[^1]);
        }
    }

    // The columns of RecordQuery.
    private static SegmentRecord ReadRecord(NpgsqlDataReader reader) =>
        new(ReadSegment(reader, fieldsColumn: 18), reader.GetInt64(9), reader.GetInt64(10),
            Sql.Time(reader, 11), Sql.Time(reader, 12), reader.GetString(13), reader.GetString(14))
        {
            Version = reader.GetInt64(15),
            UsageCount = reader.GetInt64(16),
            LastUsed = reader.IsDBNull(17) ? null : Sql.Time(reader, 17),
        };

    // Columns 0-8 as in SelectColumns; the fields column where the query puts it.
    private static StoredSegment ReadSegment(NpgsqlDataReader reader, int fieldsColumn) => new(
        reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
        reader.GetDouble(5), reader.GetBoolean(6), reader.GetString(7), reader.GetString(8))
    {
        Fields = FieldsColumn.ReadValues(reader.GetString(fieldsColumn)),
    };
}
