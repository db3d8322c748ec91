using System.Globalization;
using Npgsql;
using TM.Storage.Postgres.Internal;

namespace TM.Storage.Postgres;

/// <content>Imports: one record per import, many batches per import, each batch one transaction.</content>
public sealed partial class PostgresSegmentStore
{
    private static readonly string ImportColumns =
        "SELECT i.id, m.name, i.kind, i.name, i.pairs_stored, i.pairs_skipped, i.created_utc, " + ServerPresence.RunningStatus + ", i.policy, i.source_side, " +
        "i.pairs_updated, i.pairs_kept, i.pairs_removed, i.source_position, i.batches, i.updated_utc, i.completed_utc, i.message, i.created_by, " +
        "i.memory_id, i.source_fingerprint FROM imports i JOIN memories m ON m.id = i.memory_id";

    /// <summary>
    /// Stores pairs as one import in one transaction: all of them or, if anything fails, none. Pairs the memory
    /// already holds are skipped and counted; a source the memory holds with another target is stored as another
    /// translation (<see cref="UpdatePolicy.AddAlternative"/>).
    /// </summary>
    /// <param name="memory">Memory name; empty means the default. Created when missing.</param>
    /// <param name="kind">How the pairs arrived, recorded with the import.</param>
    /// <param name="importName">A name for the import (file or document name), recorded with it.</param>
    /// <param name="pairs">The pairs, in order.</param>
    public ImportOutcome AddSegments(string? memory, ImportKind kind, string importName, IReadOnlyList<SegmentInput> pairs)
    {
        ArgumentNullException.ThrowIfNull(importName);
        return AddSegments(memory, new ImportOptions(kind, importName), pairs);
    }

    /// <summary>
    /// Stores pairs as one completed import in one transaction (begin, one batch and complete at once): all of them
    /// or, if anything fails, none, and no import is recorded.
    /// </summary>
    /// <param name="memory">Memory name; empty means the default. Created when missing.</param>
    /// <param name="options">The import's kind, name, update policy and source side.</param>
    /// <param name="pairs">The pairs, applied in order.</param>
    /// <exception cref="ArgumentException">A pair or one of its texts is null, or a text holds a NUL character; nothing is stored.</exception>
    public ImportOutcome AddSegments(string? memory, ImportOptions options, IReadOnlyList<SegmentInput> pairs)
    {
        ImportValidation.Check(options);
        ImportValidation.Check(pairs);
        var memoryName = SegmentStore.NormalizeMemoryName(memory);
        var now = DateTime.UtcNow;
        using var connection = _dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        var memoryId = EnsureMemory(connection, transaction, memoryName);
        BatchWriter.LockMemory(connection, transaction, memoryId);
        var importId = InsertImport(connection, transaction, memoryId, options, ImportStatus.Completed, options.Started is { } started ? Sql.Utc(started) : now);
        var result = BatchWriter.Apply(connection, transaction, memoryId, importId, options.Policy, options.SourceSide, pairs, now, options.CreatedBy);
        Sql.Scalar(connection, transaction,
            "UPDATE imports SET pairs_stored = @stored, pairs_skipped = @skipped, pairs_updated = @updated, pairs_kept = @kept, " +
            "pairs_removed = @removed, batches = 1, completed_utc = @completed, updated_utc = @completed WHERE id = @id;",
            ("stored", result.Added.Count), ("skipped", result.SkippedDuplicates), ("updated", result.Overwritten),
            ("kept", result.KeptExisting), ("removed", result.RemovedCount), ("completed", DateTime.UtcNow), ("id", importId));
        transaction.Commit();
        return Outcome(importId, memoryId, result);
    }

    /// <summary>
    /// Records a new import, <see cref="ImportStatus.Running"/>, into <paramref name="memory"/> (created when missing),
    /// and returns the session to commit its batches with.
    /// </summary>
    /// <param name="memory">Memory name; empty means the default.</param>
    /// <param name="options">The import's kind, name, update policy and source side.</param>
    public ImportSession BeginImport(string? memory, ImportOptions options)
    {
        ImportValidation.Check(options);
        var memoryName = SegmentStore.NormalizeMemoryName(memory);
        using var connection = _dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        _presence.Ensure();
        var memoryId = EnsureMemory(connection, transaction, memoryName);
        var importId = InsertImport(connection, transaction, memoryId, options, ImportStatus.Running, DateTime.UtcNow);
        Sql.Scalar(connection, transaction, "UPDATE imports SET owner = @owner WHERE id = @id;", ("owner", _presence.Id), ("id", importId));
        transaction.Commit();
        return new ImportSession(importId, new MemoryInfo(memoryId, memoryName), options);
    }

    /// <summary>
    /// Stores one batch of an import in one transaction, together with the import's counters and
    /// <paramref name="sourcePosition"/>: all or nothing. On success the session's counters include the batch; on
    /// failure nothing of it is stored and the session and the import record stay as they were.
    /// </summary>
    /// <param name="session">The import, from <see cref="BeginImport"/> or <see cref="ResumeImport"/>.</param>
    /// <param name="pairs">The pairs, applied in order under the import's policy; may be empty (to record a position).</param>
    /// <param name="sourcePosition">The caller's position in its input once this batch is consumed, handed back by <see cref="ResumeImport"/>.</param>
    /// <param name="sourceFingerprint">The caller's digest of its input up to <paramref name="sourcePosition"/>; 0 for none.</param>
    /// <exception cref="ArgumentException">A pair or one of its texts is null, or a text holds a NUL character.</exception>
    /// <exception cref="InvalidOperationException">The import is completed or failed (resume a failed one first).</exception>
    public ImportOutcome CommitBatch(ImportSession session, IReadOnlyList<SegmentInput> pairs, long sourcePosition, long sourceFingerprint = 0)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentOutOfRangeException.ThrowIfNegative(sourcePosition);
        ImportValidation.Check(pairs);
        var memoryId = session.Memory.Id;
        // After a restart of the database this store's presence lock is gone: taken again before the import writes on.
        _presence.Ensure();
        using var connection = _dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        BatchWriter.LockMemory(connection, transaction, memoryId);
        var status = Sql.Scalar(connection, transaction, "SELECT status FROM imports WHERE id = @id FOR UPDATE;", ("id", session.ImportId)) as string;
        if (status is not ("running" or "interrupted"))
            throw new InvalidOperationException($"Import {Id(session.ImportId)} is {status ?? "gone"}: it takes no more batches.");
        var result = BatchWriter.Apply(connection, transaction, memoryId, session.ImportId, session.Options.Policy, session.Options.SourceSide, pairs,
            DateTime.UtcNow, session.Options.CreatedBy);
        int stored, skipped, updated, kept, removed, batches;
        using (var update = Sql.Command(connection, transaction,
            "UPDATE imports SET pairs_stored = pairs_stored + @stored, pairs_skipped = pairs_skipped + @skipped, " +
            "pairs_updated = pairs_updated + @updated, pairs_kept = pairs_kept + @kept, pairs_removed = pairs_removed + @removed, " +
            "source_position = @position, source_fingerprint = @fingerprint, batches = batches + 1, updated_utc = @now, status = 'running' WHERE id = @id " +
            "RETURNING pairs_stored, pairs_skipped, pairs_updated, pairs_kept, pairs_removed, batches;",
            ("stored", result.Added.Count), ("skipped", result.SkippedDuplicates), ("updated", result.Overwritten), ("kept", result.KeptExisting),
            ("removed", result.RemovedCount), ("position", sourcePosition), ("fingerprint", sourceFingerprint), ("now", DateTime.UtcNow),
            ("id", session.ImportId)))
        using (var reader = update.ExecuteReader())
        {
            reader.Read();
            (stored, skipped, updated, kept, removed, batches) =
                (reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4), reader.GetInt32(5));
        }
        transaction.Commit();
        session.PairsStored = stored;
        session.PairsSkipped = skipped;
        session.PairsUpdated = updated;
        session.PairsKeptExisting = kept;
        session.PairsRemoved = removed;
        session.Batches = batches;
        session.SourcePosition = sourcePosition;
        session.SourceFingerprint = sourceFingerprint;
        return Outcome(session.ImportId, memoryId, result);
    }

    /// <summary>Ends an import: <see cref="ImportStatus.Completed"/>, or <see cref="ImportStatus.Failed"/> with a message saying why.</summary>
    /// <param name="session">The import.</param>
    /// <param name="status">Completed or Failed.</param>
    /// <param name="message">Why it failed (or a remark on completion); null or empty for none.</param>
    /// <exception cref="InvalidOperationException">The import is already completed or failed.</exception>
    public void CompleteImport(ImportSession session, ImportStatus status, string? message)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (status is not (ImportStatus.Completed or ImportStatus.Failed))
            throw new ArgumentOutOfRangeException(nameof(status), status, "An import is ended as Completed or Failed.");
        using var connection = _dataSource.OpenConnection();
        var changed = Sql.Scalar(connection, null,
            "UPDATE imports SET status = @status, message = @message, completed_utc = @now, updated_utc = @now " +
            "WHERE id = @id AND status IN ('running', 'interrupted') RETURNING id;",
            ("status", StoredNames.Of(status)), ("message", message ?? ""), ("now", DateTime.UtcNow), ("id", session.ImportId));
        if (changed is null)
            throw new InvalidOperationException($"Import {Id(session.ImportId)} is not running: it cannot be ended again.");
    }

    /// <summary>
    /// Takes up an import that did not complete (running, interrupted, or failed), marking it running again. The
    /// session carries the committed counters and <see cref="ImportSession.SourcePosition"/>: the caller carries on from there.
    /// </summary>
    /// <param name="importId">The import to take up.</param>
    /// <param name="resumedBy">Who carries it on: recorded as the creator (or changer) of the segments it writes from now.</param>
    /// <exception cref="KeyNotFoundException">There is no import <paramref name="importId"/>.</exception>
    /// <exception cref="InvalidOperationException">The import is completed.</exception>
    public ImportSession ResumeImport(long importId, string resumedBy = "")
    {
        ArgumentNullException.ThrowIfNull(resumedBy);
        using var connection = _dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        Sql.Scalar(connection, transaction, "SELECT id FROM imports WHERE id = @id FOR UPDATE;", ("id", importId));
        var (record, memoryId, fingerprint) = ReadImports(connection, transaction, " WHERE i.id = @id", ("id", importId)).SingleOrDefault();
        if (record is null)
            throw new KeyNotFoundException($"There is no import {Id(importId)}.");
        if (record.Status == ImportStatus.Completed)
            throw new InvalidOperationException($"Import {Id(importId)} is completed: there is nothing to resume.");
        if (record.Status == ImportStatus.Running && (long)Sql.Scalar(connection, transaction, "SELECT owner FROM imports WHERE id = @id;", ("id", importId))! != _presence.Id)
            throw new InvalidOperationException($"Import {Id(importId)} is running on another server that shares this database: it cannot be resumed while it runs.");
        _presence.Ensure();
        Sql.Scalar(connection, transaction, "UPDATE imports SET status = 'running', owner = @owner, updated_utc = @now WHERE id = @id;",
            ("owner", _presence.Id), ("now", DateTime.UtcNow), ("id", importId));
        transaction.Commit();
        var options = new ImportOptions(StoredNames.ParseKind(record.Kind), record.Name, record.Policy, record.SourceSide) { CreatedBy = resumedBy };
        return new ImportSession(importId, new MemoryInfo(memoryId, record.Memory), options)
        {
            PairsStored = record.PairsStored,
            PairsSkipped = record.PairsSkipped,
            PairsUpdated = record.PairsUpdated,
            PairsKeptExisting = record.PairsKeptExisting,
            PairsRemoved = record.PairsRemoved,
            SourcePosition = record.SourcePosition,
            SourceFingerprint = fingerprint,
            Batches = record.Batches,
        };
    }

    /// <summary>
    /// Deletes an import and its memory, in one transaction, when the memory holds nothing else (no segments, no other
    /// import) and is not the default memory: what a first import that failed before committing leaves behind.
    /// </summary>
    /// <returns>True when both were deleted; false when the memory holds anything else (then nothing changes).</returns>
    public bool DiscardImportWithEmptyMemory(long importId)
    {
        using var connection = _dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        if (Sql.Scalar(connection, transaction, "SELECT memory_id FROM imports WHERE id = @id;", ("id", importId)) is not long memoryId)
            return false;
        var empty = Sql.Scalar(connection, transaction,
            "SELECT name <> @default AND NOT EXISTS (SELECT 1 FROM segments WHERE memory_id = @memory) " +
            "AND NOT EXISTS (SELECT 1 FROM imports WHERE memory_id = @memory AND id <> @id) FROM memories WHERE id = @memory FOR UPDATE;",
            ("default", SegmentStore.DefaultMemoryName), ("memory", memoryId), ("id", importId)) is true;
        if (!empty)
            return false;
        Sql.Scalar(connection, transaction, "DELETE FROM imports WHERE id = @id;", ("id", importId));
        Sql.Scalar(connection, transaction, "DELETE FROM memories WHERE id = @memory;", ("memory", memoryId));
        transaction.Commit();
        return true;
    }

    /// <summary>The import with this id, or null when there is none.</summary>
    public ImportRecord? FindImport(long importId)
    {
        using var connection = _dataSource.OpenConnection();
        return ReadImports(connection, null, " WHERE i.id = @id", ("id", importId)).SingleOrDefault().Record;
    }

    /// <summary>The recorded imports, oldest first: of every memory when <paramref name="memory"/> is null, else of that one (empty = default).</summary>
    public IReadOnlyList<ImportRecord> ListImports(string? memory)
    {
        using var connection = _dataSource.OpenConnection();
        return ReadImports(connection, null, " WHERE @name IS NULL OR m.name = @name ORDER BY i.id",
            ("name", Sql.Typed(NpgsqlTypes.NpgsqlDbType.Text, memory is null ? null : SegmentStore.NormalizeMemoryName(memory))))
            .Select(i => i.Record!).ToList();
    }

    private static List<(ImportRecord? Record, long MemoryId, long Fingerprint)> ReadImports(NpgsqlConnection connection, NpgsqlTransaction? transaction,
        string where, params (string Name, object? Value)[] parameters)
    {
        using var command = Sql.Command(connection, transaction, ImportColumns + where + ";", parameters);
        using var reader = command.ExecuteReader();
        var imports = new List<(ImportRecord?, long, long)>();
        while (reader.Read())
        {
            var record = new ImportRecord(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetInt32(4), reader.GetInt32(5), Sql.Time(reader, 6))
            {
                Status = StoredNames.ParseStatus(reader.GetString(7)),
                Policy = StoredNames.ParsePolicy(reader.GetString(8)),
                SourceSide = StoredNames.ParseSide(reader.GetString(9)),
                PairsUpdated = reader.GetInt32(10),
                PairsKeptExisting = reader.GetInt32(11),
                PairsRemoved = reader.GetInt32(12),
                SourcePosition = reader.GetInt64(13),
                Batches = reader.GetInt32(14),
                Changed = Sql.Time(reader, 15),
                Completed = reader.IsDBNull(16) ? null : Sql.Time(reader, 16),
                Message = reader.GetString(17),
                CreatedBy = reader.GetString(18),
            };
            imports.Add((record, reader.GetInt64(19), reader.GetInt64(20)));
        }
        return imports;
    }

    private static long InsertImport(NpgsqlConnection connection, NpgsqlTransaction transaction, long memoryId, ImportOptions options, ImportStatus status, DateTime created) =>
        (long)Sql.Scalar(connection, transaction,
            "INSERT INTO imports (memory_id, kind, name, created_utc, status, policy, source_side, updated_utc, created_by) " +
            "VALUES (@memory, @kind, @name, @created, @status, @policy, @side, @created, @by) RETURNING id;",
            ("memory", memoryId), ("kind", StoredNames.Of(options.Kind)), ("name", options.Name), ("created", created),
            ("status", StoredNames.Of(status)), ("policy", StoredNames.Of(options.Policy)), ("side", StoredNames.Of(options.SourceSide)),
            ("by", options.CreatedBy))!;

    private static ImportOutcome Outcome(long importId, long memoryId, TM.Storage.Internal.BatchResult result) =>
        new(importId, memoryId, result.Added, result.SkippedDuplicates)
        {
            Updated = result.Updated,
            Removed = result.Removed,
            KeptExisting = result.KeptExisting,
            Overwritten = result.Overwritten,
            ChangeSequence = result.ChangeSequence,
        };

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
