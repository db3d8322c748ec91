using Npgsql;
using TM.Storage.Internal;
using TM.Storage.Postgres.Internal;

namespace TM.Storage.Postgres;

/// <content>Reviewers' corrections: one segment added, edited or deleted at a time, guarded by its version.</content>
public sealed partial class PostgresSegmentStore
{
    /// <summary>
    /// Changes the texts of one segment of <paramref name="memoryId"/>, if it is still at <paramref name="expectedVersion"/>:
    /// in one transaction, logged in the change log as its own commit, by <paramref name="author"/>. The pair becomes
    /// trusted (a person checked it), and a changed side loses its inline tags (the new text is plain).
    /// </summary>
    /// <param name="memoryId">The memory the segment must be in.</param>
    /// <param name="id">The segment.</param>
    /// <param name="korean">The new Korean side; null to keep it.</param>
    /// <param name="english">The new English side; null to keep it.</param>
    /// <param name="expectedVersion">The version the caller read (<see cref="SegmentRecord.Version"/>).</param>
    /// <param name="author">The API key's name; empty when the server has no keys.</param>
    /// <param name="fields">The pair's new field values, replacing all of its old ones (empty to clear them); null to keep them.</param>
    /// <returns>The edit, or null when the memory has no such segment.</returns>
    /// <exception cref="ArgumentException">A new side is empty or holds a NUL character.</exception>
    /// <exception cref="SegmentConflictException">The segment changed since that version.</exception>
    /// <exception cref="DuplicateSegmentException">The memory holds the new pair already.</exception>
    public SegmentEdit? UpdateSegment(long memoryId, long id, string? korean, string? english, long expectedVersion, string author,
        IReadOnlyList<FieldValue>? fields = null)
    {
        ArgumentNullException.ThrowIfNull(author);
        if (korean is { Length: 0 } || english is { Length: 0 })
            throw new ArgumentException("A side of a pair cannot be empty.");
        ImportValidation.CheckText(korean, nameof(korean));
        ImportValidation.CheckText(english, nameof(english));
        var changeSeq = Write(memoryId, (connection, transaction) =>
        {
            if (ReadForEdit(connection, transaction, memoryId, id) is not { } row)
                return null;
            if (row.Version != expectedVersion)
                throw new SegmentConflictException($"Segment {id} has changed since version {expectedVersion} (it is at version {row.Version}): read it again and redo the edit on what it says now.", row.Version);
            var newKorean = korean ?? row.Korean;
            var newEnglish = english ?? row.English;
            var koreanHash = TextHash.Compute(newKorean);
            if (Sql.Scalar(connection, transaction,
                "SELECT EXISTS (SELECT 1 FROM segments WHERE memory_id = @memory AND ko_hash = @hash AND ko = @ko AND en = @en AND id <> @id);",
                ("memory", memoryId), ("hash", koreanHash), ("ko", newKorean), ("en", newEnglish), ("id", id)) is true)
                throw new DuplicateSegmentException($"The memory already holds this pair as another segment; delete segment {id} instead of making it a copy.");
            var seq = ChangeLog.Append(connection, transaction, memoryId, [id], ["update"]);
            var now = DateTime.UtcNow;
            Archive(connection, transaction, id, now, author, deleted: false);
            Sql.Scalar(connection, transaction,
                "UPDATE segments SET ko = @ko, en = @en, ko_hash = @koHash, en_hash = @enHash, confidence = 1, low_confidence = false, " +
                "ko_markup = CASE WHEN @koChanged THEN '' ELSE ko_markup END, en_markup = CASE WHEN @enChanged THEN '' ELSE en_markup END, " +
                "fields = CASE WHEN @setFields THEN @fields ELSE fields END, changed_utc = @now, changed_by = @author, change_seq = @seq WHERE id = @id;",
                ("setFields", fields is not null), ("fields", fields is null ? "" : FieldsColumn.Write(fields)), ("ko", newKorean), ("en", newEnglish),
                ("koHash", koreanHash), ("enHash", TextHash.Compute(newEnglish)),
                ("koChanged", korean is not null && korean != row.Korean), ("enChanged", english is not null && english != row.English),
                ("now", now), ("author", author), ("seq", seq), ("id", id));
            return seq;
        });
        return changeSeq is { } done ? new SegmentEdit(memoryId, GetRecords([id]) is [var record] ? record : null, done) : null;
    }

    /// <summary>
    /// Adds one pair to <paramref name="memoryId"/> outside any import (a translator typing it in), as its own commit,
    /// created by <paramref name="author"/>. An alternative translation of a stored source is kept beside it.
    /// </summary>
    /// <returns>The pair as stored, and the commit's change sequence.</returns>
    /// <exception cref="ArgumentException">A side is empty or holds a NUL character.</exception>
    /// <exception cref="DuplicateSegmentException">The memory holds the pair already.</exception>
    /// <exception cref="InvalidOperationException">There is no memory <paramref name="memoryId"/> (it has been deleted).</exception>
    public SegmentEdit AddSegment(long memoryId, SegmentInput pair, string author)
    {
        ArgumentNullException.ThrowIfNull(pair);
        ArgumentNullException.ThrowIfNull(author);
        if (pair.Korean.Length == 0 || pair.English.Length == 0)
            throw new ArgumentException("A side of a pair cannot be empty.");
        ImportValidation.Check([pair]);
        using var connection = _dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        var result = BatchWriter.Apply(connection, transaction, memoryId, importId: 0, UpdatePolicy.AddAlternative, SegmentSide.Korean, [pair], DateTime.UtcNow, author);
        if (result.Added.Count == 0)
            throw new DuplicateSegmentException("The memory holds this pair already; find it with Lookup or Concordance and edit it there if it needs a change.");
        transaction.Commit();
        return new SegmentEdit(memoryId, GetRecords([result.Added[0].Id]) is [var record] ? record : null, result.ChangeSequence);
    }

    /// <summary>Deletes one segment of <paramref name="memoryId"/>, if it is still at <paramref name="expectedVersion"/>.</summary>
    /// <param name="memoryId">The memory the segment must be in.</param>
    /// <param name="id">The segment.</param>
    /// <param name="expectedVersion">The version the caller read.</param>
    /// <param name="author">The API key's name; empty when the server has no keys.</param>
    /// <returns>The delete, or null when the memory has no such segment.</returns>
    /// <exception cref="SegmentConflictException">The segment changed since that version.</exception>
    public SegmentEdit? DeleteSegment(long memoryId, long id, long expectedVersion, string author = "")
    {
        ArgumentNullException.ThrowIfNull(author);
        var changeSeq = Write(memoryId, (connection, transaction) =>
        {
            if (ReadForEdit(connection, transaction, memoryId, id) is not { } row)
                return null;
            if (row.Version != expectedVersion)
                throw new SegmentConflictException($"Segment {id} has changed since version {expectedVersion} (it is at version {row.Version}): read it again before deleting it.", row.Version);
            var seq = ChangeLog.Append(connection, transaction, memoryId, [id], ["delete"]);
            Archive(connection, transaction, id, DateTime.UtcNow, author, deleted: true);
            Sql.Scalar(connection, transaction, "DELETE FROM segments WHERE id = @id;", ("id", id));
            return seq;
        });
        return changeSeq is { } done ? new SegmentEdit(memoryId, null, done) : null;
    }

    /// <summary>
    /// Records that a translator used segment <paramref name="id"/> of <paramref name="memoryId"/> (a CAT tool confirms an
    /// accepted match): its usage count goes up by one. Not a change of content: the version, the memory's generation
    /// and the change log stay.
    /// </summary>
    /// <returns>The segment as it stands now, or null when the memory has no such segment.</returns>
    public SegmentRecord? ConfirmUse(long memoryId, long id)
    {
        using (var connection = _dataSource.OpenConnection())
        {
            if (Sql.Scalar(connection, null,
                "UPDATE segments SET usage_count = usage_count + 1, last_used_utc = @now WHERE id = @id AND memory_id = @memory RETURNING id;",
                ("now", DateTime.UtcNow), ("id", id), ("memory", memoryId)) is null)
                return null;
        }
        return GetRecords([id]) is [var record] ? record : null;
    }

    /// <summary>The previous versions of a segment, newest first: what it said before each edit, overwrite or delete.</summary>
    /// <param name="id">The segment (it may be deleted by now).</param>
    public IReadOnlyList<SegmentVersion> GetHistory(long id)
    {
        using var connection = _dataSource.OpenConnection();
        using var command = Sql.Command(connection, null,
            "SELECT version, ko, en, changed_utc, changed_by, replaced_utc, replaced_by, deleted, fields FROM segment_history " +
            "WHERE segment_id = @id ORDER BY version DESC;", ("id", id));
        using var reader = command.ExecuteReader();
        var versions = new List<SegmentVersion>();
        while (reader.Read())
        {
            versions.Add(new SegmentVersion(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), Sql.Time(reader, 3),
                reader.GetString(4), Sql.Time(reader, 5), reader.GetString(6), reader.GetBoolean(7))
            {
                Fields = FieldsColumn.ReadValues(reader.GetString(8)),
            });
        }
        return versions;
    }

    // One edit in one transaction behind the memory's row lock (as a batch takes it, so edits and batches into a memory
    // run one at a time). The change returns its change id, or null when the memory has no such segment (nothing is
    // committed then); the memory's generation moves on with every change.
    private long? Write(long memoryId, Func<NpgsqlConnection, NpgsqlTransaction, long?> change)
    {
        using var connection = _dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        if (!BatchWriter.TryLockMemory(connection, transaction, memoryId))
            return null;
        if (change(connection, transaction) is not { } changeSeq)
            return null;
        Sql.Scalar(connection, transaction, "UPDATE memories SET generation = generation + 1 WHERE id = @id;", ("id", memoryId));
        transaction.Commit();
        return changeSeq;
    }

    private static EditedRow? ReadForEdit(NpgsqlConnection connection, NpgsqlTransaction transaction, long memoryId, long id)
    {
        using var command = Sql.Command(connection, transaction,
            "SELECT ko, en, change_seq FROM segments WHERE id = @id AND memory_id = @memory FOR UPDATE;", ("id", id), ("memory", memoryId));
        using var reader = command.ExecuteReader();
        return reader.Read() ? new EditedRow(reader.GetString(0), reader.GetString(1), reader.GetInt64(2)) : null;
    }

    // The pair as it stands goes to the history before a commit replaces or deletes it.
    private static void Archive(NpgsqlConnection connection, NpgsqlTransaction transaction, long id, DateTime now, string author, bool deleted) =>
        Sql.Scalar(connection, transaction,
            "INSERT INTO segment_history (segment_id, version, memory_id, ko, en, changed_utc, changed_by, replaced_utc, replaced_by, deleted, fields) " +
            "SELECT id, change_seq, memory_id, ko, en, changed_utc, changed_by, @now, @author, @deleted, fields FROM segments WHERE id = @id " +
            "ON CONFLICT (segment_id, version) DO UPDATE SET ko = excluded.ko, en = excluded.en, changed_utc = excluded.changed_utc, " +
            "changed_by = excluded.changed_by, replaced_utc = excluded.replaced_utc, replaced_by = excluded.replaced_by, " +
            "deleted = excluded.deleted, fields = excluded.fields;",
            ("now", now), ("author", author), ("deleted", deleted), ("id", id));

    private readonly record struct EditedRow(string Korean, string English, long Version);
}
