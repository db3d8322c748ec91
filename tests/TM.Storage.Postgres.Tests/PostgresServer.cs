namespace TM.Storage.Postgres.Tests;

/// <summary>
/// The PostgreSQL server the tests use: the one TM_TEST_POSTGRES names (tests/run starts it), or else a throwaway
/// cluster started here by tests/postgres-cluster, the script tests/run uses, and stopped when the test process exits.
/// Under CI=true the variable must be set: a CI run never starts its own cluster, and never passes without PostgreSQL.
/// </summary>
public static class PostgresServer
{
    private static readonly Lazy<string> Cluster = new(Start);

    /// <summary>A connection string to a database of the server from which others can be created.</summary>
    public static string ConnectionString => Cluster.Value;

    private static string Start()
    {
        if (Environment.GetEnvironmentVariable("TM_TEST_POSTGRES") is { Length: > 0 } given)
            return given;
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException(
                "TM_TEST_POSTGRES is not set and CI=true: the PostgreSQL store's tests need a server. Run them through tests/run, which starts one.");
        var cluster = new PostgresCluster();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.Dispose();
        return cluster.ConnectionString;
    }
}
