using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using Grpc.Core;
using Grpc.Net.Client;
using TM.Protos.V1;

namespace TM.Server.Tests.Durability;

/// <summary>
/// The real server as a process of its own (<c>dotnet TM.Server.dll</c> from the build output) on a free loopback
/// port, so a test can kill it the way an operator's crash or the OOM killer would: SIGKILL, no shutdown code.
/// </summary>
public sealed partial class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly GrpcChannel _channel;

    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _output;

    private ServerProcess(Process process, string address, System.Collections.Concurrent.ConcurrentQueue<string> output)
    {
        _output = output;
        _process = process;
        Address = address;
        _channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions { MaxSendMessageSize = 16 * 1024 * 1024 });
        Client = new TranslationMemory.TranslationMemoryClient(_channel);
    }

    public string Address { get; }

    public TranslationMemory.TranslationMemoryClient Client { get; }

    /// <summary>The channel, for clients of the other services.</summary>
    public GrpcChannel Channel => _channel;

    public int Id => _process.Id;

    /// <summary>What the server wrote to stdout and stderr so far, for a failing test's output.</summary>
    public string Output => string.Join("\n", _output);

    /// <summary>Starts the server on <paramref name="dataDirectory"/> and returns once it listens.</summary>
    public static async Task<ServerProcess> StartAsync(string dataDirectory, params string[] extraArguments)
    {
        var process = Process.Start(StartInfo(dataDirectory, ["--port", "0", "--data-dir", dataDirectory, "--no-seeds", "true", .. extraArguments]))
            ?? throw new InvalidOperationException("dotnet did not start.");
        var listening = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
                return;
            output.Enqueue(e.Data);
            if (ListeningLine().Match(e.Data) is { Success: true } match)
                listening.TrySetResult(match.Groups[1].Value);
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
                output.Enqueue(e.Data);
        };
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException(
            "The server exited before listening:\n" + string.Join("\n", output)));
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            // A server bound to every address (0.0.0.0) is reached on loopback.
            var address = (await listening.Task.WaitAsync(TimeSpan.FromSeconds(60))).Replace("//0.0.0.0:", "//127.0.0.1:", StringComparison.Ordinal);
            return new ServerProcess(process, address, output);
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Runs the server with exactly <paramref name="arguments"/> (nothing added) in <paramref name="workingDirectory"/>
    /// and waits for it to exit by itself: for command lines that must stop it before it starts.
    /// </summary>
    /// <exception cref="TimeoutException">It was still running after 60 s (it is killed).</exception>
    public static async Task<(int ExitCode, string Out, string Err)> RunToExitAsync(string workingDirectory, params string[] arguments)
    {
        using var process = Process.Start(StartInfo(workingDirectory, arguments)) ?? throw new InvalidOperationException("dotnet did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The server did not exit within 60 s: {await stdout}{await stderr}");
        }
        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>SIGTERM, as systemd or Ctrl+C would: the server shuts down cleanly. Returns its exit code.</summary>
    public async Task<int> StopAsync()
    {
        if (Kill(_process.Id, SigTerm) != 0)
            throw new InvalidOperationException($"kill(SIGTERM) failed for process {_process.Id}: errno {Marshal.GetLastPInvokeError()}.");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: the process ends at once, in the middle of whatever it was doing.</summary>
    public void Kill()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        _channel.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private static ProcessStartInfo StartInfo(string workingDirectory, IEnumerable<string> arguments)
    {
        var serverDll = Path.Combine(AppContext.BaseDirectory, "TM.Server.dll");
        if (!File.Exists(serverDll))
            throw new FileNotFoundException("The server is not in the test's build output.", serverDll);
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(serverDll);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        start.Environment["Logging__Console__FormatterName"] = "simple";
        start.Environment["Logging__Console__FormatterOptions__SingleLine"] = "true";
        return start;
    }

    private const int SigTerm = 15;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    [GeneratedRegex(@"listening on (http://\S+?)(?: |$)")]
    private static partial Regex ListeningLine();
}
