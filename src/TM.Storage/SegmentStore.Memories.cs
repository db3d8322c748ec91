using System.Globalization;
using Microsoft.Data.Sqlite;
using TM.Storage.Internal;

namespace TM.Storage;

/// <content>Memories as objects: created on purpose, with settings of their own.</content>
public sealed partial class SegmentStore
{
    private const long IncrementalAutoVacuum = 2;
    private const long FreeBytesWorthReleasing = 64L * 1024 * 1024;
    private const string SettingsColumns = "description, min_score, penalty_multiple_translations, penalty_aligned, penalty_low_confidence, fields, penalty_fields";

    /// <summary>Creates an empty memory with <paramref name="settings"/>.</summary>
    /// <param name="name">Its name (empty = the default memory's).</param>
    /// <param name="settings">Its description and Lookup defaults.</param>
    /// <exception cref="MemoryExistsException">A memory has that name.</exception>
    public MemoryInfo CreateMemory(string? name, MemorySettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var normalized = NormalizeMemoryName(name);
        _writeGate.Wait();
        try
        {
            using var transaction = _writer.Connection.BeginTransaction();
            if (_writer.Scalar(transaction, "SELECT id FROM memories WHERE name = $name;", ("$name", normalized)) is long)
                throw new MemoryExistsException($"There is a memory called '{normalized}' already; change its settings with UpdateMemory, or choose another name.");
            var id = EnsureMemory(transaction, normalized);
            WriteSettings(transaction, id, settings);
            transaction.Commit();
            return new MemoryInfo(id, normalized);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>
    /// Deletes a memory with its pairs, import records and termbase, in one transaction; every pair leaves its tombstone in the
    /// change log (so the search index lets it go) under one change sequence.
    /// </summary>
    /// <param name="memoryId">The memory.</param>
    /// <returns>The change sequence of the delete, or null when there is no such memory.</returns>
    /// <exception cref="ArgumentException">It is the default memory, which always exists.</exception>
    public long? DeleteMemory(long memoryId)
    {
        _writeGate.Wait();
        try
        {
            using var transaction = _writer.Connection.BeginTransaction();
            if (_writer.Scalar(transaction, "SELECT name FROM memories WHERE id = $id;", ("$id", memoryId)) is not string name)
                return null;
            if (name == DefaultMemoryName)
                throw new ArgumentException($"The memory '{DefaultMemoryName}' always exists and cannot be deleted; delete its segments one by one, or restore a backup.");
            var changeSeq = _writer.NextChangeSequence(transaction);
            _writer.Scalar(transaction, "INSERT INTO segment_tombstones (change_seq, id) SELECT $seq, id FROM segments WHERE memory_id = $id;",
                ("$seq", changeSeq), ("$id", memoryId));
            _writer.Scalar(transaction, "DELETE FROM segment_history WHERE memory_id = $id;", ("$id", memoryId));
            _writer.Scalar(transaction, "DELETE FROM segments WHERE memory_id = $id;", ("$id", memoryId));
            _writer.Scalar(transaction, "DELETE FROM imports WHERE memory_id = $id;", ("$id", memoryId));
            _writer.Scalar(transaction, "DELETE FROM terms WHERE memory_id = $id;", ("$id", memoryId));
            _writer.Scalar(transaction, "DELETE FROM memories WHERE id = $id;", ("$id", memoryId));
            transaction.Commit();
            _writer.Forget(memoryId);
            ReleaseFreePages();
            return changeSeq;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>
    /// Gives the file's free pages back to the file system when they are many: at least a quarter of the file, or
    /// <see cref="FreeBytesWorthReleasing"/>. Fewer are left for the next writes to reuse. The caller holds the write gate.
    /// </summary>
    /// <remarks>
    /// SQLite keeps the pages a delete frees inside the file: deleting a memory of 1,000,000 pairs beside one of 2,000
    /// left a 654 MiB file with 653 MiB of free pages (the delete-memory benchmark). Only a file created with incremental
    /// auto-vacuum can return them without rewriting itself; Open creates every new file so. An older file keeps them
    /// for later imports: switching it over takes a full VACUUM, which rewrites the whole file while every writer
    /// waits, too long to do unasked; a backup (VACUUM INTO) leaves them out and a restore gives the smaller file.
    /// </remarks>
    private void ReleaseFreePages()
    {
        if (Convert.ToInt64(_writer.Scalar(null, "PRAGMA auto_vacuum;"), CultureInfo.InvariantCulture) != IncrementalAutoVacuum)
            return;
        var free = Convert.ToInt64(_writer.Scalar(null, "PRAGMA freelist_count;"), CultureInfo.InvariantCulture);
        var pages = Convert.ToInt64(_writer.Scalar(null, "PRAGMA page_count;"), CultureInfo.InvariantCulture);
        var pageSize = Convert.ToInt64(_writer.Scalar(null, "PRAGMA page_size;"), CultureInfo.InvariantCulture);
        if (free * 4 < pages && free * pageSize < FreeBytesWorthReleasing)
            return;
        // Stepped to the end (not ExecuteScalar, which would free one page): each step moves a page from the end of
        // the file into a free one; the file shrinks at the next checkpoint.
        using var command = _writer.Connection.CreateCommand();
        command.CommandText = "PRAGMA incremental_vacuum;";
        command.ExecuteNonQuery();
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
        _writeGate.Wait();
        try
        {
            using var transaction = _writer.Connection.BeginTransaction();
            if (_writer.Scalar(transaction, "SELECT name FROM memories WHERE id = $id;", ("$id", memoryId)) is not string oldName)
                return;
            if (oldName == DefaultMemoryName)
                throw new ArgumentException($"The memory '{DefaultMemoryName}' keeps its name: it is where calls that name no memory go.");
            if (_writer.Scalar(transaction, "SELECT id FROM memories WHERE name = $name;", ("$name", newName)) is long)
                throw new MemoryExistsException($"There is a memory called '{newName}' already; choose another name.");
            _writer.Scalar(transaction, "UPDATE memories SET name = $name WHERE id = $id;", ("$name", newName), ("$id", memoryId));
            var scoped = new List<(string Key, string Memories)>();
            using (var command = _writer.Connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = "SELECT name, memories FROM api_keys WHERE memories <> '';";
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    var names = reader.GetString(1).Split('\n');
                    if (Array.IndexOf(names, oldName) >= 0)
                        scoped.Add((reader.GetString(0), string.Join('\n', names.Select(n => n == oldName ? newName : n))));
                }
            }
            foreach (var (key, memories) in scoped)
                _writer.Scalar(transaction, "UPDATE api_keys SET memories = $memories WHERE name = $key;", ("$memories", memories), ("$key", key));
            transaction.Commit();
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>Replaces a memory's settings.</summary>
    public void SetSettings(long memoryId, MemorySettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _writeGate.Wait();
        try
        {
            using var transaction = _writer.Connection.BeginTransaction();
            WriteSettings(transaction, memoryId, settings);
            transaction.Commit();
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>A memory's settings; <see cref="MemorySettings.None"/> for a memory that does not exist.</summary>
    public MemorySettings GetSettings(long memoryId)
    {
        using var connection = OpenConnection();
        using var command = Command(connection, null, $"SELECT {SettingsColumns} FROM memories WHERE id = $id;", ("$id", memoryId));
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadSettings(reader) : MemorySettings.None;
    }

    /// <summary>When a memory was created; null for one that does not exist.</summary>
    public DateTimeOffset? GetCreated(long memoryId)
    {
        using var connection = OpenConnection();
        return Scalar(connection, null, "SELECT created_utc FROM memories WHERE id = $id;", ("$id", memoryId)) is string created ? ParseTime(created) : null;
    }

    private void WriteSettings(SqliteTransaction transaction, long memoryId, MemorySettings settings) =>
        _writer.Scalar(transaction,
            "UPDATE memories SET description = $description, min_score = $minScore, penalty_multiple_translations = $multiple, " +
            "penalty_aligned = $aligned, penalty_low_confidence = $low, fields = $fields, penalty_fields = $penaltyFields WHERE id = $id;",
            ("$description", settings.Description), ("$minScore", (object?)settings.MinScore ?? DBNull.Value),
            ("$multiple", (object?)settings.MultipleTranslationsPenalty ?? DBNull.Value), ("$aligned", (object?)settings.AlignedPenalty ?? DBNull.Value),
            ("$low", (object?)settings.LowConfidencePenalty ?? DBNull.Value), ("$fields", FieldsColumn.Write(settings.Fields)),
            ("$penaltyFields", FieldsColumn.Write(settings.FieldPenalties)), ("$id", memoryId));

    private static MemorySettings ReadSettings(SqliteDataReader reader) => new()
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
