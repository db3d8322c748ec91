using System.CommandLine;

namespace TM.Client;

/// <summary>The options every command shares; one instance per root command, added to each command that uses them.</summary>
internal sealed class CommonOptions
{
    private const int MaxTimeoutSeconds = 86_400;

    public CommonOptions()
    {
        Timeout.CustomParser = NumberParser.For<double>(
            seconds => seconds is > 0 and <= MaxTimeoutSeconds, $"--timeout must be a number of seconds greater than 0 and at most {MaxTimeoutSeconds} (a day);");
    }

    /// <summary><c>--server</c>: null when not given, so <see cref="ServerConnection"/> can fall back to TM_SERVER.</summary>
    public Option<string?> Server { get; } = new("--server")
    {
        Description = $"Address of the TM server [default: ${ServerConnection.EnvironmentVariable}, else {ServerConnection.DefaultAddress}]",
        HelpName = "url",
    };

    /// <summary><c>--memory</c>: the empty string means the server's default memory.</summary>
    public Option<string> Memory { get; } = new("--memory")
    {
        Description = "Translation memory to use [default: the default memory]",
        HelpName = "name",
        DefaultValueFactory = _ => "",
    };

    /// <summary><c>--json</c>: one JSON document on stdout instead of tables.</summary>
    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Print one JSON document (camelCase) on stdout instead of tables",
    };

    /// <summary><c>--timeout</c>: seconds per call; null means the command's own default.</summary>
    public Option<double?> Timeout { get; } = new("--timeout")
    {
        Description = "Seconds to wait for the server per call [default: 30 for lookups, longer for alignment and import]",
        HelpName = "seconds",
    };

    /// <summary>Adds the shared options to <paramref name="command"/>; <c>--memory</c> only when the command has a memory.</summary>
    public void AddTo(Command command, bool withMemory)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (withMemory)
        {
            command.Add(Memory);
        }

        command.Add(Server);
        command.Add(Timeout);
        command.Add(Json);
    }
}
