using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace TM.Benchmarks;

/// <summary>
/// The real TM server as a child process — <c>dotnet TM.Server.dll --port P --data-dir D --no-seeds true</c>, the
/// build that sits next to this benchmark — so that what is measured is what a user runs: its own GC settings
/// (server GC, from the server's runtimeconfig), its own start-up, its own memory, visible in <c>/proc</c>.
/// </summary>
/// <remarks>
/// The server's stdout and stderr are drained into <c>server.log</c> in the data directory (an undrained pipe
/// would block the server once its buffer fills); the last lines are kept for error messages.
/// </remarks>
internal sealed class ServerProcess : IDisposable
{
    private const int SigTerm = 15;
    private const int TailLines = 30;

    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly Queue<string> _tail = new();
    private readonly List<(TimeSpan At, string Line)> _marks = [];
    private readonly Lock _gate = new();
    private bool _disposed;

    private ServerProcess(Process process, StreamWriter log, long startTimestamp, string address)
    {
        _process = process;
        _log = log;
        StartTimestamp = startTimestamp;
        Address = address;
    }

    /// <summary>The server's process id: its <c>/proc/&lt;pid&gt;</c> entry.</summary>
    public int Id => _process.Id;

    /// <summary>The address clients connect to, <c>http://127.0.0.1:P</c>.</summary>
    public string Address { get; }

    /// <summary>The <see cref="Stopwatch"/> timestamp taken just before the process was started.</summary>
    public long StartTimestamp { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>CPU time the server has used so far, user and system, over all its threads.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>
    /// The server's assembly: the one in this benchmark's output folder (the project references TM.Server), or the
    /// <c>TM.Server.dll</c> of another build named by <c>TM_BENCH_SERVER</c>, so that a benchmark that only uses the
    /// public API can measure an earlier version on the same machine (issue 13's "before" figures).
    /// </summary>
    public static string ServerAssembly =>
        Environment.GetEnvironmentVariable("TM_BENCH_SERVER") is { Length: > 0 } other
            ? Path.GetFullPath(other)
            : Path.Combine(AppContext.BaseDirectory, "TM.Server.dll");

    /// <summary>Starts the server on a free loopback port over <paramref name="dataDirectory"/>.</summary>
    public static ServerProcess Start(string dataDirectory, params string[] extraArguments)
    {
        if (!File.Exists(ServerAssembly))
            throw new InvalidOperationException($"{ServerAssembly} is missing; build the benchmark project, which references TM.Server.");
        Directory.CreateDirectory(dataDirectory);
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = dataDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[ServerAssembly, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--host", "127.0.0.1", "--data-dir", dataDirectory, "--no-seeds", "true", .. extraArguments])
            start.ArgumentList.Add(argument);

        var log = new StreamWriter(Path.Combine(dataDirectory, "server.log"), append: true) { AutoFlush = true };
        var startTimestamp = Stopwatch.GetTimestamp();
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started.");
        var server = new ServerProcess(process, log, startTimestamp, $"http://127.0.0.1:{port}");
        process.OutputDataReceived += (_, e) => server.Capture(e.Data);
        process.ErrorDataReceived += (_, e) => server.Capture(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    /// <summary>The first line of the server's output containing <paramref name="text"/>, and when it arrived (from <see cref="StartTimestamp"/>); null when none did.</summary>
    public (TimeSpan At, string Line)? FindOutput(string text)
    {
        lock (_gate)
        {
            foreach (var mark in _marks)
            {
                if (mark.Line.Contains(text, StringComparison.Ordinal))
                    return mark;
            }
        }
        return null;
    }

    /// <summary>The server's last output lines, for an error message.</summary>
    public string Tail()
    {
        lock (_gate)
            return _tail.Count == 0 ? "(the server printed nothing)" : string.Join(Environment.NewLine, _tail);
    }

    /// <summary>Asks the server to stop (SIGTERM, as systemd or Ctrl+C would) and waits; kills it when it does not stop in <paramref name="timeout"/>.</summary>
    /// <returns>How long it took to exit, its exit code, and whether it had to be killed.</returns>
    public async Task<(TimeSpan Elapsed, int ExitCode, bool Killed)> StopAsync(TimeSpan timeout)
    {
        var start = Stopwatch.GetTimestamp();
        if (!_process.HasExited && Kill(_process.Id, SigTerm) != 0)
            throw new InvalidOperationException($"kill(SIGTERM) failed for process {_process.Id}: errno {Marshal.GetLastPInvokeError()}.");
        using var cancellation = new CancellationTokenSource(timeout);
        var killed = false;
        try
        {
            await _process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
            killed = true;
        }
        return (Stopwatch.GetElapsedTime(start), _process.ExitCode, killed);
    }

    /// <summary>Kills the server if it still runs (a benchmark that failed midway), and closes its log.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
                return;
            _disposed = true;
        }
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        _process.Dispose();
        lock (_gate)
            _log.Dispose();
    }

    private void Capture(string? line)
    {
        if (line is null)
            return;
        var at = Stopwatch.GetElapsedTime(StartTimestamp);
        lock (_gate)
        {
            // Output still in the pipe may arrive after Dispose closed the log.
            if (_disposed)
                return;
            _log.WriteLine(line);
            _tail.Enqueue(line);
            if (_tail.Count > TailLines)
                _tail.Dequeue();
            // The lines that date start-up events ("loaded", "listening") are few; keep those, not every request's.
            if (_marks.Count < 200)
                _marks.Add((at, line));
        }
    }

    // Asking the OS for port 0 and releasing it leaves a small window in which another process could take the
    // port; on a benchmark machine that is a risk worth taking, and the server's start fails loudly if it happens.
    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    // Process.Kill sends SIGKILL; a graceful stop needs SIGTERM, which .NET has no managed call for.
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
