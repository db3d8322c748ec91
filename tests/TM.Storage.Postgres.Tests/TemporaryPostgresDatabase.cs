using Npgsql;

namespace TM.Storage.Postgres.Tests;

/// <summary>A database of its own on the test server (tm_test_ and a random suffix), dropped on disposal.</summary>
public sealed class TemporaryPostgresDatabase : IDisposable
{
    private readonly string _name = "tm_test_" + Guid.NewGuid().ToString("N")[..12];

    public TemporaryPostgresDatabase()
    {
        Execute($"CREATE DATABASE {_name};");
        ConnectionString = new NpgsqlConnectionStringBuilder(PostgresServer.ConnectionString) { Database = _name }.ConnectionString;
    }

    /// <summary>The connection string of the new database.</summary>
    public string ConnectionString { get; }

    public PostgresSegmentStore Open() => PostgresSegmentStore.Open(ConnectionString);

    /// <summary>Runs SQL in the new database.</summary>
    public object? Scalar(string sql)
    {
        using var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        return command.ExecuteScalar();
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        Execute($"DROP DATABASE IF EXISTS {_name} WITH (FORCE);");
    }

    private static void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(PostgresServer.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
