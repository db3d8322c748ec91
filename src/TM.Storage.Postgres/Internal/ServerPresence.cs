using System.Globalization;
using Npgsql;

namespace TM.Storage.Postgres.Internal;

/// <summary>
/// An open store's presence in the database, which tells every server sharing it which imports are running: a session
/// advisory lock on a number of this store's own (from the sequence server_ids), held on a connection of its own while
/// the store is open. PostgreSQL releases it when the session ends, however it ends, so an import whose owner died
/// reads as interrupted at once (<see cref="RunningStatus"/>).
/// </summary>
internal sealed class ServerPresence : IDisposable
{
    /// <summary>The first key of the presence locks (the second is the server's number): "TM" in ASCII.</summary>
    private const int LockClass = 0x544D;

    /// <summary>
    /// SQL for an imports row <c>i</c>'s status as other servers must see it: 'running' only while its owner's presence
    /// lock is held (in this database: the lock table is the cluster's), else 'interrupted'.
    /// </summary>
    public static readonly string RunningStatus =
        "CASE WHEN i.status = 'running' AND NOT EXISTS (SELECT 1 FROM pg_locks l WHERE l.locktype = 'advisory' AND l.granted " +
        "AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database()) " +
        $"AND l.classid = {LockClass.ToString(CultureInfo.InvariantCulture)} AND l.objsubid = 2 AND l.objid::bigint = i.owner) " +
        "THEN 'interrupted' ELSE i.status END";

    private readonly NpgsqlDataSource _dataSource;
    private readonly Lock _gate = new();
    private NpgsqlConnection? _connection;

    public ServerPresence(NpgsqlDataSource dataSource)
    {
        _dataSource = dataSource;
        using (var connection = dataSource.OpenConnection())
            Id = (long)Sql.Scalar(connection, null, "SELECT nextval('server_ids');")!;
        lock (_gate)
            Hold();
    }

    /// <summary>This store's number, recorded as the owner of the imports it begins or resumes.</summary>
    public long Id { get; }

    /// <summary>
    /// Makes sure the lock is held, taking it again on a new connection when the old one broke (the database restarted
    /// meanwhile): called before this store writes as an import's owner.
    /// </summary>
    public void Ensure()
    {
        lock (_gate)
        {
            try
            {
                if (_connection is not null)
                {
                    Sql.Scalar(_connection, null, "SELECT 1;");
                    return;
                }
            }
            catch (Exception e) when (e is NpgsqlException or IOException or InvalidOperationException)
            {
                Drop();
            }
            Hold();
        }
    }

    private void Hold()
    {
        var connection = _dataSource.OpenConnection();
        try
        {
            Sql.Scalar(connection, null, $"SELECT pg_advisory_lock({LockClass.ToString(CultureInfo.InvariantCulture)}, @id);", ("id", checked((int)Id)));
            _connection = connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private void Drop()
    {
        var connection = _connection;
        _connection = null;
        try
        {
            connection?.Dispose();
        }
        catch (Exception e) when (e is NpgsqlException or IOException)
        {
            // A broken connection may fail to close politely; its session, and the lock, are gone either way.
        }
    }

    /// <summary>Releases the lock: the imports this store ran read as interrupted from now on.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            try
            {
                // Explicitly: a pooled connection is only reset when it is next opened.
                if (_connection is not null)
                    Sql.Scalar(_connection, null, "SELECT pg_advisory_unlock_all();");
            }
            catch (Exception e) when (e is NpgsqlException or IOException or InvalidOperationException)
            {
                // The session is gone, and its locks with it.
            }
            Drop();
        }
    }
}
