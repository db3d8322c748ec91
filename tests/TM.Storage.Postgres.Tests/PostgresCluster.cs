using System.Diagnostics;

namespace TM.Storage.Postgres.Tests;

/// <summary>
/// A throwaway PostgreSQL cluster of its own, run by tests/postgres-cluster (the script tests/run uses): for the shared
/// test server when none is given, and for the tests that stop PostgreSQL under a running server.
/// </summary>
public sealed class PostgresCluster : IDisposable
{
    private readonly string _script = FindScript();
    private readonly string _directory = Directory.CreateTempSubdirectory("tm-postgres-").FullName;

    /// <summary>Initialises and starts the cluster on a free loopback port.</summary>
    public PostgresCluster()
    {
        ConnectionString = Run("start");
    }

    /// <summary>The connection string of its database tm_test.</summary>
    public string ConnectionString { get; }

    /// <summary>Stops PostgreSQL as an administrator would (fast shutdown: connections are cut), keeping its data.</summary>
    public void Halt() => Run("halt");

    /// <summary>Starts the halted cluster again, on the same port.</summary>
    public void Resume() => Run("resume");

    /// <summary>Stops the cluster and deletes it.</summary>
    public void Dispose() => Run("stop");

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

    private string Run(string action)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])[_script, action, _directory])
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
