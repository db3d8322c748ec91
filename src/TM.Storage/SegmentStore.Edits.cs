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
    /// <returns>The edit, or null when the memory has no such segment.</returns>
    /// <exception cref="SegmentConflictException">The segment changed since that version.</exception>
    /// <exception cref="DuplicateSegmentException">The memory holds the new pair already.</exception>
    public SegmentEdit? UpdateSegment(long memoryId, long id, string? korean, string? english, long expectedVersion, string author)
    {
        ArgumentNullException.ThrowIfNull(author);
        if (korean is { Length: 0 } || english is { Length: 0 })
            throw new ArgumentException("A side of a pair cannot be empty.");
        return Write(memoryId, transaction => _writer.Edit(transaction, memoryId, id, korean, english, expectedVersion, Now(), author), id, deleted: false);
    }

    /// <summary>Deletes one segment of <paramref name="memoryId"/>, if it is still at <paramref name="expectedVersion"/>.</summary>
    /// <param name="memoryId">The memory the segment must be in.</param>
    /// <param name="id">The segment.</param>
    /// <param name="expectedVersion">The version the caller read.</param>
    /// <returns>The delete, or null when the memory has no such segment.</returns>
    /// <exception cref="SegmentConflictException">The segment changed since that version.</exception>
    /// <param name="author">The API key's name; empty when the server has no keys.</param>
    public SegmentEdit? DeleteSegment(long memoryId, long id, long expectedVersion, string author = "") =>
        Write(memoryId, transaction => _writer.Delete(transaction, memoryId, id, expectedVersion, Now(), author), id, deleted: true);

    /// <summary>The previous versions of a segment, newest first: what it said before each edit, overwrite or delete.</summary>
    /// <param name="id">The segment (it may be deleted by now).</param>
    public IReadOnlyList<SegmentVersion> GetHistory(long id)
    {
        using var connection = OpenConnection();
        using var command = Command(connection, null,
            "SELECT version, ko, en, changed_utc, changed_by, replaced_utc, replaced_by, deleted FROM segment_history " +
            "WHERE segment_id = $id ORDER BY version DESC;", ("$id", id));
        using var reader = command.ExecuteReader();
        var versions = new List<SegmentVersion>();
        while (reader.Read())
        {
            versions.Add(new SegmentVersion(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), ParseTime(reader.GetString(3)),
                reader.GetString(4), ParseTime(reader.GetString(5)), reader.GetString(6), reader.GetInt64(7) != 0));
        }
        return versions;
    }

    private SegmentEdit? Write(long memoryId, Func<Microsoft.Data.Sqlite.SqliteTransaction, (long ChangeSequence, long Generation)?> change, long id, bool deleted)
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
            var record = deleted ? null : GetRecords([id]) is [var edited] ? edited : null;
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
