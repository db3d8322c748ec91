using TM.Storage.Internal;

namespace TM.Storage;

/// <content>Reviewers' corrections: one segment edited or deleted at a time, guarded by its version.</content>
public sealed partial class SegmentStore
{
    /// <summary>
    /// Changes the texts of one segment of <paramref name="memoryId"/>, if it is still at <paramref name="expectedVersion"/>:
    /// in one transaction, recorded in the change log as its own commit, by <paramref name="author"/>. The pair becomes
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
    /// <exception cref="SegmentConflictException">The segment changed since that version.</exception>
    /// <exception cref="DuplicateSegmentException">The memory holds the new pair already.</exception>
    public SegmentEdit? UpdateSegment(long memoryId, long id, string? korean, string? english, long expectedVersion, string author,
        IReadOnlyList<FieldValue>? fields = null)
    {
        ArgumentNullException.ThrowIfNull(author);
        if (korean is { Length: 0 } || english is { Length: 0 })
            throw new ArgumentException("A side of a pair cannot be empty.");
        return Write(memoryId, transaction => _writer.Edit(transaction, memoryId, id, korean, english, fields, expectedVersion, Now(), author), () => id, deleted: false);
    }

    /// <summary>
    /// Adds one pair to <paramref name="memoryId"/> outside any import (a translator typing it in), as its own commit,
    /// created by <paramref name="author"/>. An alternative translation of a stored source is kept beside it.
    /// </summary>
    /// <returns>The pair as stored, and the commit's change sequence.</returns>
    /// <exception cref="DuplicateSegmentException">The memory holds the pair already.</exception>
    public SegmentEdit AddSegment(long memoryId, SegmentInput pair, string author)
    {
        ArgumentNullException.ThrowIfNull(pair);
        ArgumentNullException.ThrowIfNull(author);
        if (pair.Korean.Length == 0 || pair.English.Length == 0)
            throw new ArgumentException("A side of a pair cannot be empty.");
        long id = 0;
        var edit = Write(memoryId, transaction =>
        {
            var result = _writer.Apply(transaction, memoryId, importId: 0, UpdatePolicy.AddAlternative, SegmentSide.Korean, [pair], Now(), author);
            if (result.Added.Count == 0)
                throw new DuplicateSegmentException("The memory holds this pair already; find it with Lookup or Concordance and edit it there if it needs a change.");
            id = result.Added[0].Id;
            return (result.ChangeSequence, result.Generation);
        }, () => id, deleted: false);
        return edit!;
    }

    /// <summary>Deletes one segment of <paramref name="memoryId"/>, if it is still at <paramref name="expectedVersion"/>.</summary>
    /// <param name="memoryId">The memory the segment must be in.</param>
    /// <param name="id">The segment.</param>
    /// <param name="expectedVersion">The version the caller read.</param>
    /// <returns>The delete, or null when the memory has no such segment.</returns>
    /// <exception cref="SegmentConflictException">The segment changed since that version.</exception>
    /// <param name="author">The API key's name; empty when the server has no keys.</param>
    public SegmentEdit? DeleteSegment(long memoryId, long id, long expectedVersion, string author = "") =>
        Write(memoryId, transaction => _writer.Delete(transaction, memoryId, id, expectedVersion, Now(), author), () => id, deleted: true);

    /// <summary>
    /// Records that a translator used segment <paramref name="id"/> of <paramref name="memoryId"/> (a CAT tool confirms an
    /// accepted match): its usage count goes up by one. Not a change of content: the version and the memory's generation stay.
    /// </summary>
    /// <returns>The segment as it stands now, or null when the memory has no such segment.</returns>
    public SegmentRecord? ConfirmUse(long memoryId, long id)
    {
        _writeGate.Wait();
        try
        {
            var changed = _writer.Scalar(null,
                "UPDATE segments SET usage_count = usage_count + 1, last_used_utc = $now WHERE id = $id AND memory_id = $memory RETURNING id;",
                ("$now", Now()), ("$id", id), ("$memory", memoryId));
            if (changed is null)
                return null;
        }
        finally
        {
            _writeGate.Release();
        }
        return GetRecords([id]) is [var record] ? record : null;
    }

    /// <summary>The previous versions of a segment, newest first: what it said before each edit, overwrite or delete.</summary>
    /// <param name="id">The segment (it may be deleted by now).</param>
    public IReadOnlyList<SegmentVersion> GetHistory(long id)
    {
        using var connection = OpenConnection();
        using var command = Command(connection, null,
            "SELECT version, ko, en, changed_utc, changed_by, replaced_utc, replaced_by, deleted, fields FROM segment_history " +
            "WHERE segment_id = $id ORDER BY version DESC;", ("$id", id));
        using var reader = command.ExecuteReader();
        var versions = new List<SegmentVersion>();
        while (reader.Read())
        {
            versions.Add(new SegmentVersion(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), ParseTime(reader.GetString(3)),
                reader.GetString(4), ParseTime(reader.GetString(5)), reader.GetString(6), reader.GetInt64(7) != 0)
            {
                Fields = FieldsColumn.ReadValues(reader.GetString(8)),
            });
        }
        return versions;
    }

    // The segment's id is asked for after the change ran: an added pair has one only then.
    private SegmentEdit? Write(long memoryId, Func<Microsoft.Data.Sqlite.SqliteTransaction, (long ChangeSequence, long Generation)?> change, Func<long> id, bool deleted)
    {
        _writeGate.Wait();
        try
        {
            (long ChangeSequence, long Generation)? done;
            using (var transaction = _writer.Connection.BeginTransaction())
            {
                done = change(transaction);
                if (done is null)
                    return null;
                transaction.Commit();
            }
            _writer.Committed(memoryId, done.Value.Generation);
            var record = deleted ? null : GetRecords([id()]) is [var edited] ? edited : null;
            return new SegmentEdit(memoryId, record, done.Value.ChangeSequence);
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
}
