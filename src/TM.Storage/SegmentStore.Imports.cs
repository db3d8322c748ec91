using System.Globalization;
using Microsoft.Data.Sqlite;
using TM.Storage.Internal;

namespace TM.Storage;

// Imports: one record per import, many batches per import, each batch one transaction.
public sealed partial class SegmentStore
{
    private const string ImportColumns =
        "SELECT i.id, m.name, i.kind, i.name, i.pairs_stored, i.pairs_skipped, i.created_utc, i.status, i.policy, i.source_side, " +
        "i.pairs_updated, i.pairs_kept, i.pairs_removed, i.source_position, i.batches, i.updated_utc, i.completed_utc, i.message, i.created_by " +
        "FROM imports i JOIN memories m ON m.id = i.memory_id";

    /// <summary>
    /// Stores pairs as one import in one transaction: all of them or, if anything fails, none. Pairs the memory
    /// already holds are skipped and counted, so re-importing the same input adds nothing; a source the memory
    /// holds with another target is stored as another translation (<see cref="UpdatePolicy.AddAlternative"/>).
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
    /// <exception cref="ArgumentException">A pair or one of its texts is null; nothing is stored.</exception>
    public ImportOutcome AddSegments(string? memory, ImportOptions options, IReadOnlyList<SegmentInput> pairs)
    {
        ImportOptionChecks.Check(options);
        ValidatePairs(pairs);
        var memoryName = NormalizeMemoryName(memory);
        var now = Now();
        _writeGate.Wait();
        long memoryId = 0;
        try
        {
            using var transaction = _writer.Connection.BeginTransaction();
            memoryId = EnsureMemory(transaction, memoryName);
            var importId = InsertImport(transaction, memoryId, options, ImportStatus.Completed, options.Started is { } started ? Time(started) : now);
            var result = _writer.Apply(transaction, memoryId, importId, options.Policy, options.SourceSide, pairs, now, options.CreatedBy);
            // Completed once the pairs are written, not at the instant the import began: the record's two times
            // are how long the import took.
            var completed = Now();
            _writer.Scalar(transaction,
                "UPDATE imports SET pairs_stored = $stored, pairs_skipped = $skipped, pairs_updated = $updated, pairs_kept = $kept, " +
                "pairs_removed = $removed, batches = 1, completed_utc = $completed, updated_utc = $completed WHERE id = $id;",
                ("$stored", result.Added.Count), ("$skipped", result.SkippedDuplicates), ("$updated", result.Overwritten),
                ("$kept", result.KeptExisting), ("$removed", result.RemovedCount), ("$completed", completed), ("$id", importId));
            transaction.Commit();
            _writer.Committed(memoryId, result.Generation);
            return Outcome(importId, memoryId, result);
        }
        catch
        {
            _writer.Forget(memoryId);
            throw;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>
    /// Records a new import, <see cref="ImportStatus.Running"/>, into <paramref name="memory"/> (created when missing),
    /// and returns the session to commit its batches with.
    /// </summary>
    /// <param name="memory">Memory name; empty means the default.</param>
    /// <param name="options">The import's kind, name, update policy and source side.</param>
    public ImportSession BeginImport(string? memory, ImportOptions options)
    {
        ImportOptionChecks.Check(options);
        var memoryName = NormalizeMemoryName(memory);
        var now = Now();
        _writeGate.Wait();
        try
        {
            using var transaction = _writer.Connection.BeginTransaction();
            var memoryId = EnsureMemory(transaction, memoryName);
            var importId = InsertImport(transaction, memoryId, options, ImportStatus.Running, now);
            transaction.Commit();
            return new ImportSession(importId, new MemoryInfo(memoryId, memoryName), options);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>
    /// Stores one batch of an import in one transaction, together with the import's counters and
    /// <paramref name="sourcePosition"/>: all or nothing. On success the session's counters include the batch; on
    /// failure nothing of it is stored and the session and the import record stay as they were.
    /// </summary>
    /// <param name="session">The import, from <see cref="BeginImport"/> or <see cref="ResumeImport"/>.</param>
    /// <param name="pairs">The pairs, applied in order under the import's policy; may be empty (to record a position).</param>
    /// <param name="sourcePosition">
    /// The caller's position in its input once this batch is consumed (units of a file read, bytes, ...): opaque to the
    /// store, handed back by <see cref="ResumeImport"/> as the place to carry on from.
    /// </param>
    /// <param name="sourceFingerprint">
    /// The caller's digest of its input up to <paramref name="sourcePosition"/>, handed back by <see cref="ResumeImport"/>
    /// (<see cref="ImportSession.SourceFingerprint"/>) so that a resumed import can check it reads the same input; 0 for none.
    /// </param>
    /// <exception cref="ArgumentException">A pair or one of its texts is null.</exception>
    /// <exception cref="InvalidOperationException">The import is completed or failed (resume a failed one first).</exception>
    public ImportOutcome CommitBatch(ImportSession session, IReadOnlyList<SegmentInput> pairs, long sourcePosition, long sourceFingerprint = 0)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentOutOfRangeException.ThrowIfNegative(sourcePosition);
        ValidatePairs(pairs);
        var now = Now();
        var memoryId = session.Memory.Id;
        _writeGate.Wait();
        try
        {
            using var transaction = _writer.Connection.BeginTransaction();
            var status = _writer.Scalar(transaction, "SELECT status FROM imports WHERE id = $id;", ("$id", session.ImportId)) as string;
            if (status is not ("running" or "interrupted"))
                throw new InvalidOperationException($"Import {Id(session.ImportId)} is {status ?? "gone"}: it takes no more batches.");
            var result = _writer.Apply(transaction, memoryId, session.ImportId, session.Options.Policy, session.Options.SourceSide, pairs, now, session.Options.CreatedBy);
            using var update = _writer.Connection.CreateCommand();
            update.Transaction = transaction;
            update.CommandText =
                "UPDATE imports SET pairs_stored = pairs_stored + $stored, pairs_skipped = pairs_skipped + $skipped, " +
                "pairs_updated = pairs_updated + $updated, pairs_kept = pairs_kept + $kept, pairs_removed = pairs_removed + $removed, " +
                "source_position = $position, source_fingerprint = $fingerprint, batches = batches + 1, updated_utc = $now, status = 'running' WHERE id = $id " +
                "RETURNING pairs_stored, pairs_skipped, pairs_updated, pairs_kept, pairs_removed, batches;";
            update.Parameters.AddWithValue("$stored", result.Added.Count);
            update.Parameters.AddWithValue("$skipped", result.SkippedDuplicates);
            update.Parameters.AddWithValue("$updated", result.Overwritten);
            update.Parameters.AddWithValue("$kept", result.KeptExisting);
            update.Parameters.AddWithValue("$removed", result.RemovedCount);
            update.Parameters.AddWithValue("$position", sourcePosition);
            update.Parameters.AddWithValue("$fingerprint", sourceFingerprint);
            update.Parameters.AddWithValue("$now", now);
            update.Parameters.AddWithValue("$id", session.ImportId);
            int stored, skipped, updated, kept, removed, batches;
            using (var reader = update.ExecuteReader())
            {
                reader.Read();
                (stored, skipped, updated, kept, removed, batches) =
                    (reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4), reader.GetInt32(5));
            }
            transaction.Commit();
            _writer.Committed(memoryId, result.Generation);
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
        catch
        {
            _writer.Forget(memoryId);
            throw;
        }
        finally
        {
            _writeGate.Release();
        }
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
        var now = Now();
        _writeGate.Wait();
        try
        {
            var changed = _writer.Scalar(null,
                "UPDATE imports SET status = $status, message = $message, completed_utc = $now, updated_utc = $now " +
                "WHERE id = $id AND status IN ('running', 'interrupted') RETURNING id;",
                ("$status", StoredNames.Of(status)), ("$message", message ?? ""), ("$now", now), ("$id", session.ImportId));
            if (changed is null)
                throw new InvalidOperationException($"Import {Id(session.ImportId)} is not running: it cannot be ended again.");
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>
    /// Takes up an import that did not complete (running, interrupted by a crash, or failed), marking it running
    /// again. The session carries the committed counters and <see cref="ImportSession.SourcePosition"/>, the position
    /// passed with its last committed batch: the caller carries on from there.
    /// </summary>
    /// <param name="importId">The import to take up.</param>
    /// <param name="resumedBy">Who carries it on: recorded as the creator (or changer) of the segments it writes from now.</param>
    /// <exception cref="KeyNotFoundException">There is no import <paramref name="importId"/>.</exception>
    /// <exception cref="InvalidOperationException">The import is completed.</exception>
    public ImportSession ResumeImport(long importId, string resumedBy = "")
    {
        ArgumentNullException.ThrowIfNull(resumedBy);
        _writeGate.Wait();
        try
        {
            using var transaction = _writer.Connection.BeginTransaction();
            var record = ReadImports(_writer.Connection, transaction, " WHERE i.id = $id", ("$id", importId)).SingleOrDefault()
                ?? throw new KeyNotFoundException($"There is no import {Id(importId)}.");
            if (record.Status == ImportStatus.Completed)
                throw new InvalidOperationException($"Import {Id(importId)} is completed: there is nothing to resume.");
            var memoryId = (long)_writer.Scalar(transaction,
                "UPDATE imports SET status = 'running', updated_utc = $now WHERE id = $id RETURNING memory_id;", ("$now", Now()), ("$id", importId))!;
            var fingerprint = (long)_writer.Scalar(transaction, "SELECT source_fingerprint FROM imports WHERE id = $id;", ("$id", importId))!;
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
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>
    /// Deletes an import and its memory, in one transaction, when the memory holds nothing else (no segments, no other
    /// import) and is not the default memory: what a first import that failed before committing leaves behind.
    /// </summary>
    /// <returns>True when both were deleted; false when the memory holds anything else (then nothing changes).</returns>
    public bool DiscardImportWithEmptyMemory(long importId)
    {
        _writeGate.Wait();
        try
        {
            using var transaction = _writer.Connection.BeginTransaction();
            if (_writer.Scalar(transaction, "SELECT memory_id FROM imports WHERE id = $id;", ("$id", importId)) is not long memoryId)
                return false;
            var empty = _writer.Scalar(transaction,
                "SELECT name <> $default AND NOT EXISTS (SELECT 1 FROM segments WHERE memory_id = $memory) " +
                "AND NOT EXISTS (SELECT 1 FROM imports WHERE memory_id = $memory AND id <> $id) FROM memories WHERE id = $memory;",
                ("$default", DefaultMemoryName), ("$memory", memoryId), ("$id", importId)) is 1L;
            if (!empty)
                return false;
            _writer.Scalar(transaction, "DELETE FROM imports WHERE id = $id;", ("$id", importId));
            _writer.Scalar(transaction, "DELETE FROM memories WHERE id = $memory;", ("$memory", memoryId));
            transaction.Commit();
            return true;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>The import with this id, or null when there is none.</summary>
    public ImportRecord? FindImport(long importId)
    {
        using var connection = OpenConnection();
        return ReadImports(connection, null, " WHERE i.id = $id", ("$id", importId)).SingleOrDefault();
    }

    /// <summary>The recorded imports, oldest first: of every memory when <paramref name="memory"/> is null, else of that one (empty = default).</summary>
    public IReadOnlyList<ImportRecord> ListImports(string? memory)
    {
        using var connection = OpenConnection();
        return ReadImports(connection, null, " WHERE $name IS NULL OR m.name = $name ORDER BY i.id",
            ("$name", memory is null ? DBNull.Value : NormalizeMemoryName(memory)));
    }

    private static List<ImportRecord> ReadImports(SqliteConnection connection, SqliteTransaction? transaction, string where, params (string Name, object Value)[] parameters)
    {
        using var command = Command(connection, transaction, ImportColumns + where + ";", parameters);
        using var reader = command.ExecuteReader();
        var imports = new List<ImportRecord>();
        while (reader.Read())
        {
            imports.Add(new ImportRecord(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetInt32(4), reader.GetInt32(5), ParseTime(reader.GetString(6)))
            {
                Status = StoredNames.ParseStatus(reader.GetString(7)),
                Policy = StoredNames.ParsePolicy(reader.GetString(8)),
                SourceSide = StoredNames.ParseSide(reader.GetString(9)),
                PairsUpdated = reader.GetInt32(10),
                PairsKeptExisting = reader.GetInt32(11),
                PairsRemoved = reader.GetInt32(12),
                SourcePosition = reader.GetInt64(13),
                Batches = reader.GetInt32(14),
                Changed = ParseTime(reader.GetString(15)),
                Completed = reader.IsDBNull(16) ? null : ParseTime(reader.GetString(16)),
                Message = reader.GetString(17),
                CreatedBy = reader.GetString(18),
            });
        }
        return imports;
    }

    private long InsertImport(SqliteTransaction transaction, long memoryId, ImportOptions options, ImportStatus status, string now) =>
        (long)_writer.Scalar(transaction,
            "INSERT INTO imports (memory_id, kind, name, pairs_stored, pairs_skipped, created_utc, status, policy, source_side, updated_utc, created_by) " +
            "VALUES ($memory, $kind, $name, 0, 0, $now, $status, $policy, $side, $now, $by) RETURNING id;",
            ("$memory", memoryId), ("$kind", StoredNames.Of(options.Kind)), ("$name", options.Name), ("$now", now),
            ("$status", StoredNames.Of(status)), ("$policy", StoredNames.Of(options.Policy)), ("$side", StoredNames.Of(options.SourceSide)),
            ("$by", options.CreatedBy))!;

    private static ImportOutcome Outcome(long importId, long memoryId, BatchResult result) =>
        new(importId, memoryId, result.Added, result.SkippedDuplicates)
        {
            Updated = result.Updated,
            Removed = result.Removed,
            KeptExisting = result.KeptExisting,
            Overwritten = result.Overwritten,
            ChangeSequence = result.ChangeSequence,
        };

    // Checked before the transaction starts, so a bad pair costs no work and names itself; SQLite's NOT NULL
    // would catch it too, half-way through the batch.
    private static void ValidatePairs(IReadOnlyList<SegmentInput> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        for (var i = 0; i < pairs.Count; i++)
        {
            var pair = pairs[i];
            var missing = pair is null ? "" : pair.Korean is null ? ".Korean" : pair.English is null ? ".English"
                : pair.Origin is null ? ".Origin" : pair.Note is null ? ".Note"
                : pair.KoreanMarkup is null ? ".KoreanMarkup" : pair.EnglishMarkup is null ? ".EnglishMarkup" : null;
            if (missing is not null)
                throw new ArgumentException($"pairs[{i.ToString(CultureInfo.InvariantCulture)}]{missing} is null.", nameof(pairs));
        }
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
