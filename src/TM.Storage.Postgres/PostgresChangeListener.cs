using Npgsql;
using TM.Storage.Postgres.Internal;

namespace TM.Storage.Postgres;

/// <summary>
/// LISTENs on <see cref="PostgresSegmentStore.ChangeChannel"/> on a connection of its own, so a replica learns of
/// another server's commit within a round trip instead of at its next poll; reconnects after the database went away.
/// For one follower at a time.
/// </summary>
public sealed class PostgresChangeListener : IChangeListener
{
    private readonly NpgsqlDataSource _dataSource;
    private NpgsqlConnection? _connection;
    private bool _announced;

    internal PostgresChangeListener(NpgsqlDataSource dataSource)
    {
        _dataSource = dataSource;
    }

    /// <inheritdoc />
    public async Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (_connection is null)
        {
            // Not listening, so commits may have gone by unannounced: true, and the follower reads the log.
            if (!await TryListenAsync(cancellationToken))
                await Task.Delay(timeout, cancellationToken);
            return true;
        }
        _announced = false;
        try
        {
            // Npgsql raises Notification from inside the wait; other asynchronous messages (a parameter change) also end it.
            var any = await _connection.WaitAsync(timeout, cancellationToken);
            return any && _announced;
        }
        catch (Exception e) when (e is NpgsqlException or IOException or InvalidOperationException)
        {
            // The server restarted or the connection broke: listen again on the next wait; read the log now.
            Drop();
            return true;
        }
    }

    private async Task<bool> TryListenAsync(CancellationToken cancellationToken)
    {
        NpgsqlConnection? connection = null;
        try
        {
            connection = await _dataSource.OpenConnectionAsync(cancellationToken);
            connection.Notification += (_, _) => _announced = true;
            await using var command = new NpgsqlCommand($"LISTEN {ChangeLog.Channel};", connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
            _connection = connection;
            return true;
        }
        catch (Exception e) when (e is NpgsqlException or IOException or TimeoutException)
        {
            if (connection is not null)
                await connection.DisposeAsync();
            return false;
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
            // A broken connection may fail to close politely; it is gone either way.
        }
    }

    /// <inheritdoc />
    public void Dispose() => Drop();
}
