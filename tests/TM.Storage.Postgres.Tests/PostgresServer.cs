using System.Diagnostics;

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
        var script = FindScript();
        var directory = Directory.CreateTempSubdirectory("tm-postgres-").FullName;
        var connectionString = Run(script, "start", directory);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Run(script, "stop", directory);
        return connectionString;
    }

    private static string FindScript()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var script = Path.Combine(directory.FullName, "tests", "postgres-cluster");
            if (File.Exists(script))
                return script;
        }
        throw new InvalidOperationException($"tests/postgres-cluster was not found above {AppContext.BaseDirectory}; set TM_TEST_POSTGRES to a PostgreSQL connection string instead.");
    }

    private static string Run(string script, string action, string directory)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])[script, action, directory])
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"tests/postgres-cluster {action} failed ({process.ExitCode}): {error.Result}");
        return output.Trim();
    }
}
