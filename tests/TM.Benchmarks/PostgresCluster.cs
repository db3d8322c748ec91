using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace TM.Benchmarks;

/// <summary>
/// The PostgreSQL server the <c>perf --store postgres</c> replicas share: a throwaway cluster that
/// <c>tests/postgres-cluster</c> starts in a temporary folder (and this object stops and deletes on disposal, also after
/// a failure), or a database the caller names by its connection string, left as it is.
/// </summary>
/// <remarks>
/// For the throwaway cluster the CPU time of PostgreSQL's processes is read from <c>/proc</c>: with COPY and the change
/// log, an import costs the database about as much as the server, and the server's own CPU time alone would hide it.
/// </remarks>
internal sealed class PostgresCluster : IDisposable
{
    private const long ClockTicksPerSecond = 100;
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(2);

    private readonly string? _directory;
    private bool _disposed;

    private PostgresCluster(string connectionString, string? directory)
    {
        ConnectionString = connectionString;
        _directory = directory;
    }

    /// <summary>The Npgsql connection string the servers get with <c>--store</c>.</summary>
    public string ConnectionString { get; }

    /// <summary>Whether this benchmark started the cluster (and can read its processes' CPU time).</summary>
    public bool IsThrowaway => _directory is not null;

    /// <summary>Where the throwaway cluster lives; null for a database named by the caller.</summary>
    public string? Directory => _directory;

    /// <summary>Starts a throwaway cluster with <c>tests/postgres-cluster start</c> in a new temporary folder.</summary>
    /// <exception cref="InvalidOperationException">The script failed (PostgreSQL not installed, no free port); the message holds its output.</exception>
    public static PostgresCluster StartThrowaway(Action<string> log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var directory = System.IO.Directory.CreateTempSubdirectory("tm-bench-pg-").FullName;
        try
        {
            var connectionString = RunScript("start", directory).Trim();
            log($"PostgreSQL: a throwaway cluster in {directory}: {connectionString}");
            return new PostgresCluster(connectionString, directory);
        }
        catch
        {
            StopQuietly(directory);
            throw;
        }
    }

    /// <summary>Uses the database <paramref name="connectionString"/> names, which should be empty: the benchmark imports into its default memory.</summary>
    public static PostgresCluster Existing(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return new PostgresCluster(connectionString, null);
    }

    /// <summary>
    /// CPU time, user and system, PostgreSQL's processes have used so far: the postmaster with the children it has
    /// reaped (exited backends) and the children that still run. Null for a database this benchmark did not start.
    /// </summary>
    public TimeSpan? CpuTime()
    {
        if (_directory is null || PostmasterId() is not { } postmaster)
            return null;
        long ticks = 0;
        foreach (var entry in System.IO.Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(entry), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || ReadStat(pid) is not { } stat)
                continue;
            if (pid == postmaster)
                ticks += stat.User + stat.System + stat.ChildrenUser + stat.ChildrenSystem;
            else if (stat.Parent == postmaster)
                ticks += stat.User + stat.System;
        }
        return TimeSpan.FromSeconds((double)ticks / ClockTicksPerSecond);
    }

    /// <summary>The server's version and the size of the database on disk (<c>pg_database_size</c>).</summary>
    public async Task<(string Version, long DatabaseBytes)> DescribeAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT current_setting('server_version'), pg_database_size(current_database())", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetString(0), reader.GetInt64(1));
    }

    /// <summary>Stops and deletes the throwaway cluster; a database named by the caller is left alone.</summary>
    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        // The servers' pooled connections would otherwise outlive the cluster in this process only; harmless, but closed.
        NpgsqlConnection.ClearAllPools();
        if (_directory is not null)
            StopQuietly(_directory);
    }

    private int? PostmasterId()
    {
        // The first line of postmaster.pid is the postmaster's process id.
        var pidFile = Path.Combine(_directory!, "data", "postmaster.pid");
        try
        {
            var first = File.ReadLines(pidFile).FirstOrDefault();
            return int.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    // /proc/<pid>/stat: "pid (comm) state ppid … utime stime cutime cstime …" (fields 4, 14-17; proc(5)); the command
    // name may hold spaces and parentheses, so fields are counted after its last ')'. Times are in clock ticks,
    // 100 per second on Linux (USER_HZ).
    private static (int Parent, long User, long System, long ChildrenUser, long ChildrenSystem)? ReadStat(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        // fields[0] is field 3 (state).
        long Field(int number) => long.Parse(fields[number - 3], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return ((int)Field(4), Field(14), Field(15), Field(16), Field(17));
    }

    private static string RunScript(string action, string directory)
    {
        var script = Path.Combine(RepositoryPaths.Root, "tests", "postgres-cluster");
        var start = new ProcessStartInfo(script) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(action);
        start.ArgumentList.Add(directory);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{script} could not be started.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(ScriptTimeout))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{script} {action} did not finish within {Units.Seconds(ScriptTimeout)}.");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{script} {action} failed (exit code {process.ExitCode}): {errors.Result.Trim()}");
        return output.Result;
    }

    private static void StopQuietly(string directory)
    {
        try
        {
            RunScript("stop", directory);
        }
        catch (InvalidOperationException e)
        {
            // A cluster left running is worth a line, not a second failure on top of the first.
            Console.Error.WriteLine($"could not stop the PostgreSQL cluster in {directory}: {e.Message}");
        }
    }
}
