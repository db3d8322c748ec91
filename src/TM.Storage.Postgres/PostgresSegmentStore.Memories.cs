using Npgsql;
using TM.Storage.Internal;
using TM.Storage.Postgres.Internal;

namespace TM.Storage.Postgres;

/// <content>Memories: found, created, renamed, deleted, with settings of their own.</content>
public sealed partial class PostgresSegmentStore
{
    private const string SettingsColumns = "description, min_score, penalty_multiple_translations, penalty_aligned, penalty_low_confidence, fields, penalty_fields";

    /// <summary>Finds a memory by name; null when it does not exist.</summary>
    public MemoryInfo? FindMemory(string? name)
    {
        var normalized = SegmentStore.NormalizeMemoryName(name);
        using var connection = _dataSource.OpenConnection();
        return Sql.Scalar(connection, null, "SELECT id FROM memories WHERE name = @name;", ("name", normalized)) is long id
            ? new MemoryInfo(id, normalized)
            : null;
    }

    /// <summary>Returns the memory with this name, creating it when it does not exist.</summary>
    public MemoryInfo GetOrCreateMemory(string? name)
    {
        var normalized = SegmentStore.NormalizeMemoryName(name);
        using var connection = _dataSource.OpenConnection();
        return new MemoryInfo(EnsureMemory(connection, null, normalized), normalized);
    }

    /// <summary>Lists every memory, oldest first.</summary>
    public IReadOnlyList<MemoryInfo> ListMemories()
    {
        using var connection = _dataSource.OpenConnection();
        using var command = Sql.Command(connection, null, "SELECT id, name FROM memories ORDER BY id;");
        using var reader = command.ExecuteReader();
        var memories = new List<MemoryInfo>();
        while (reader.Read())
            memories.Add(new MemoryInfo(reader.GetInt64(0), reader.GetString(1)));
        return memories;
    }

    /// <summary>Creates an empty memory with <paramref name="settings"/>.</summary>
    /// <param name="name">Its name (empty = the default memory's).</param>
    /// <param name="settings">Its description and Lookup defaults.</param>
    /// <exception cref="MemoryExistsException">A memory has that name.</exception>
    public MemoryInfo CreateMemory(string? name, MemorySettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var normalized = SegmentStore.NormalizeMemoryName(name);
        using var connection = _dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        if (Sql.Scalar(connection, transaction,
            "INSERT INTO memories (name, created_utc) VALUES (@name, @now) ON CONFLICT (name) DO NOTHING RETURNING id;",
            ("name", normalized), ("now", DateTime.UtcNow)) is not long id)
            throw new MemoryExistsException($"There is a memory called '{normalized}' already; change its settings with UpdateMemory, or choose another name.");
        WriteSettings(connection, transaction, id, settings);
        transaction.Commit();
        return new MemoryInfo(id, normalized);
    }

    /// <summary>
    /// Deletes a memory with its pairs, import records and termbase, in one transaction; every pair leaves a delete in the
    /// change log (so the servers' indexes let it go).
    /// </summary>
    /// <param name="memoryId">The memory.</param>
    /// <returns>The change log's last id after the delete, or null when there is no such memory.</returns>
    /// <exception cref="ArgumentException">It is the default memory, which always exists.</exception>
    public long? DeleteMemory(long memoryId)
    {
        using var connection = _dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        if (Sql.Scalar(connection, transaction, "SELECT name FROM memories WHERE id = @id FOR UPDATE;", ("id", memoryId)) is not string name)
            return null;
        if (name == SegmentStore.DefaultMemoryName)
            throw new ArgumentException($"The memory '{SegmentStore.DefaultMemoryName}' always exists and cannot be deleted; delete its segments one by one, or restore a backup.");
        var changeSeq = ChangeLog.AppendDeletesOf(connection, transaction, memoryId);
        foreach (var table in (string[])["segment_history", "segments", "imports", "terms"])
            Sql.Scalar(connection, transaction, $"DELETE FROM {table} WHERE memory_id = @id;", ("id", memoryId));
        Sql.Scalar(connection, transaction, "DELETE FROM memories WHERE id = @id;", ("id", memoryId));
        transaction.Commit();
        return changeSeq;
    }

    /// <summary>
    /// Renames a memory, and the memory in every API key scoped to it, in one transaction: its pairs, imports and
    /// settings stay as they are (they refer to its id).
    /// </summary>
    /// <exception cref="ArgumentException">It is the default memory, which keeps its name.</exception>
    /// <exception cref="MemoryExistsException">Another memory has <paramref name="newName"/>.</exception>
    public void RenameMemory(long memoryId, string newName)
    {
        ArgumentNullException.ThrowIfNull(newName);
        using var connection = _dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        if (Sql.Scalar(connection, transaction, "SELECT name FROM memories WHERE id = @id FOR UPDATE;", ("id", memoryId)) is not string oldName)
            return;
        if (oldName == SegmentStore.DefaultMemoryName)
            throw new ArgumentException($"The memory '{SegmentStore.DefaultMemoryName}' keeps its name: it is where calls that name no memory go.");
        if (Sql.Scalar(connection, transaction, "SELECT id FROM memories WHERE name = @name;", ("name", newName)) is long)
            throw new MemoryExistsException($"There is a memory called '{newName}' already; choose another name.");
        try
        {
            Sql.Scalar(connection, transaction, "UPDATE memories SET name = @name WHERE id = @id;", ("name", newName), ("id", memoryId));
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // Another server took the name between the check and the update.
            throw new MemoryExistsException($"There is a memory called '{newName}' already; choose another name.");
        }
        // Keys name their memories one per line; the line that is the old name becomes the new one.
        Sql.Scalar(connection, transaction,
            "UPDATE api_keys SET memories = array_to_string(array(" +
            "SELECT CASE WHEN line = @old THEN @new ELSE line END FROM unnest(string_to_array(memories, E'\\n')) WITH ORDINALITY AS l(line, n) ORDER BY n), E'\\n') " +
            "WHERE @old = ANY(string_to_array(memories, E'\\n'));",
            ("old", oldName), ("new", newName));
        transaction.Commit();
    }

    /// <summary>Replaces a memory's settings.</summary>
    public void SetSettings(long memoryId, MemorySettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        using var connection = _dataSource.OpenConnection();
        WriteSettings(connection, null, memoryId, settings);
    }

    /// <summary>A memory's settings; <see cref="MemorySettings.None"/> for a memory that does not exist.</summary>
    public MemorySettings GetSettings(long memoryId)
    {
        using var connection = _dataSource.OpenConnection();
        using var command = Sql.Command(connection, null, $"SELECT {SettingsColumns} FROM memories WHERE id = @id;", ("id", memoryId));
        using var reader = command.ExecuteReader();
        if (!reader.Read())
            return MemorySettings.None;
        return new MemorySettings
        {
            Description = reader.GetString(0),
            MinScore = reader.IsDBNull(1) ? null : reader.GetDouble(1),
            MultipleTranslationsPenalty = reader.IsDBNull(2) ? null : reader.GetDouble(2),
            AlignedPenalty = reader.IsDBNull(3) ? null : reader.GetDouble(3),
            LowConfidencePenalty = reader.IsDBNull(4) ? null : reader.GetDouble(4),
            Fields = FieldsColumn.ReadDefinitions(reader.GetString(5)),
            FieldPenalties = FieldsColumn.ReadPenalties(reader.GetString(6)),
        };
    }

    /// <summary>When a memory was created; null for one that does not exist.</summary>
    public DateTimeOffset? GetCreated(long memoryId)
    {
        using var connection = _dataSource.OpenConnection();
        return Sql.Scalar(connection, null, "SELECT created_utc FROM memories WHERE id = @id;", ("id", memoryId)) is DateTime created
            ? new DateTimeOffset(DateTime.SpecifyKind(created, DateTimeKind.Utc))
            : null;
    }

    private static void WriteSettings(NpgsqlConnection connection, NpgsqlTransaction? transaction, long memoryId, MemorySettings settings) =>
        Sql.Scalar(connection, transaction,
            "UPDATE memories SET description = @description, min_score = @minScore, penalty_multiple_translations = @multiple, " +
            "penalty_aligned = @aligned, penalty_low_confidence = @low, fields = @fields, penalty_fields = @penaltyFields WHERE id = @id;",
            ("description", settings.Description), ("minScore", Double(settings.MinScore)), ("multiple", Double(settings.MultipleTranslationsPenalty)),
            ("aligned", Double(settings.AlignedPenalty)), ("low", Double(settings.LowConfidencePenalty)), ("fields", FieldsColumn.Write(settings.Fields)),
            ("penaltyFields", FieldsColumn.Write(settings.FieldPenalties)), ("id", memoryId));

    private static NpgsqlParameter Double(double? value) => Sql.Typed(NpgsqlTypes.NpgsqlDbType.Double, value);

    // The memory's id, inserting it when missing. A server inserting the same name at once makes the insert wait and
    // do nothing; the SELECT after it (a statement of its own, so a snapshot of its own) then sees that server's row.
    private static long EnsureMemory(NpgsqlConnection connection, NpgsqlTransaction? transaction, string name) =>
        Sql.Scalar(connection, transaction,
            "INSERT INTO memories (name, created_utc) VALUES (@name, @now) ON CONFLICT (name) DO NOTHING RETURNING id;",
            ("name", name), ("now", DateTime.UtcNow)) as long?
        ?? (long)Sql.Scalar(connection, transaction, "SELECT id FROM memories WHERE name = @name;", ("name", name))!;
}
