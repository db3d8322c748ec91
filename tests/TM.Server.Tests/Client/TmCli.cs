using TM.Client;

namespace TM.Server.Tests.Client;

/// <summary>Runs <c>tm</c> in-process against a server, with output captured as a user redirecting it would see it.</summary>
internal static class TmCli
{
    /// <summary>Runs <c>tm <paramref name="args"/> --server <paramref name="address"/></c>.</summary>
    public static async Task<(int ExitCode, string Out, string Err)> RunAsync(string address, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exitCode = await CliApp.RunAsync([.. args, "--server", address], stdout, stderr);
        return (exitCode, stdout.ToString(), stderr.ToString());
    }

    /// <summary>
    /// Runs <c>tm</c> seeing <paramref name="environment"/> on top of the process's variables (EDITOR for
    /// <c>tm edit</c>), without setting them for the tests running alongside.
    /// </summary>
    public static async Task<(int ExitCode, string Out, string Err)> RunAsync(string address, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exitCode = await CliApp.RunAsync([.. args, "--server", address], stdout, stderr, environment);
        return (exitCode, stdout.ToString(), stderr.ToString());
    }
}
