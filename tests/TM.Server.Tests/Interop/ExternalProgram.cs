using System.Diagnostics;
using Xunit.Abstractions;

namespace TM.Server.Tests.Interop;

/// <summary>Runs a program nobody here wrote (python3, node, curl) against the server and returns what it printed.</summary>
internal static class ExternalProgram
{
    /// <summary>
    /// Runs <paramref name="program"/> and fails the test, with everything it printed and <paramref name="howToInstall"/>,
    /// when it cannot start or exits with anything but 0.
    /// </summary>
    public static async Task<string> RunAsync(
        ITestOutputHelper output, string program, IEnumerable<string> arguments, string howToInstall,
        string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        // The server is on loopback: a proxy set in the environment must not catch the calls.
        start.Environment["no_proxy"] = "127.0.0.1,localhost";
        start.Environment["NO_PROXY"] = "127.0.0.1,localhost";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            start.Environment[name] = value;

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"{program} could not be started ({e.Message}). {howToInstall}", e);
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(timeout.Token);
            output.WriteLine(await stdout);
            output.WriteLine(await stderr);
            Assert.True(process.ExitCode == 0,
                $"{program} {string.Join(' ', start.ArgumentList)} exited with {process.ExitCode}:\n{await stdout}\n{await stderr}\n{howToInstall}");
            return await stdout;
        }
    }
}
