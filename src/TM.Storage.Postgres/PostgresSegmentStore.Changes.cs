using TM.Storage.Postgres.Internal;

namespace TM.Storage.Postgres;

/// <content>The ordered change log the servers sharing the database follow.</content>
public sealed partial class PostgresSegmentStore
{
    /// <summary>The channel every commit that changes segments NOTIFYs, with its last change id as the payload.</summary>
    public const string ChangeChannel = ChangeLog.Channel;

    /// <summary>The id of the last change committed; 0 before the first.</summary>
    public long ChangeSequence()
    {
        using var connection = _dataSource.OpenConnection();
        return ChangeLog.Last(connection, null);
    }

    /// <summary>The database's random identity, which another database does not share.</summary>
    public long StoreId()
    {
        using var connection = _dataSource.OpenConnection();
        return (long)Sql.Scalar(connection, null, "SELECT value FROM store_state WHERE name = 'store_id';")!;
    }

    /// <summary>
    /// Up to <paramref name="limit"/> entries of the change log after <paramref name="afterId"/>, in order. Entries
    /// commit in id order, so reading on from the last id returned misses nothing; 0 reads from the start.
    /// </summary>
    /// <param name="afterId">The last id already read; 0 for none.</param>
    /// <param name="limit">The most entries to return.</param>
    public IReadOnlyList<ChangeLogEntry> ReadChanges(long afterId, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(afterId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        using var connection = _dataSource.OpenConnection();
        using var command = Sql.Command(connection, null,
            "SELECT id, memory_id, segment_id, kind FROM changes WHERE id > @after ORDER BY id LIMIT @limit;", ("after", afterId), ("limit", limit));
        using var reader = command.ExecuteReader();
        var entries = new List<ChangeLogEntry>();
        while (reader.Read())
        {
            var kind = reader.GetString(3) switch
            {
                "add" => ChangeKind.Add,
                "update" => ChangeKind.Update,
                _ => ChangeKind.Delete,
            };
            entries.Add(new ChangeLogEntry(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), kind));
        }
        return entries;
    }
}
