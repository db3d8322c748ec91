using System.CommandLine;

namespace TM.Client;

/// <summary>
/// The options every command shares; one instance per root command. They are recursive options of the root, so
/// they may stand before or after the command (<c>tm --server URL match …</c>, <c>tm match … --server URL</c>),
/// are listed once in <c>tm --help</c> and again in each command's help.
/// </summary>
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
        Recursive = true,
    };

    /// <summary>
    /// <c>--memory</c>: the empty string means the server's default memory. Global like the others, although
    /// <c>health</c> has no memory: <c>tm --memory glossary stats</c> is as natural to type as <c>tm --server URL
    /// stats</c>, and keeping it per command would answer that with "Unrecognized command or argument". The price is
    /// that <c>tm health --help</c> lists it too, so its description says where it does not apply, and
    /// <see cref="RejectMemory"/> makes it a usage error on <c>health</c> rather than silently ignored.
    /// </summary>
    public Option<string> Memory { get; } = new("--memory")
    {
        Description = "Translation memory to use, for every command but health [default: the default memory]",
        HelpName = "name",
        DefaultValueFactory = _ => "",
        Recursive = true,
    };

    /// <summary>
    /// <c>--key-file</c>: a file whose first line is the API key; null when not given, so <see cref="ServerConnection"/>
    /// can fall back to TM_KEY. There is no option taking the key itself: a command line shows in <c>ps</c> and in the
    /// shell's history.
    /// </summary>
    public Option<FileInfo?> KeyFile { get; } = new("--key-file")
    {
        Description = $"File holding the API key (its first line) [default: ${ServerConnection.KeyVariable}; none on a server without keys]",
        HelpName = "file",
        Recursive = true,
    };

    /// <summary><c>--json</c>: one JSON document on stdout instead of tables.</summary>
    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Print one JSON document (camelCase) on stdout instead of tables",
        Recursive = true,
    };

    /// <summary><c>--timeout</c>: seconds per call; null means the command's own default.</summary>
    public Option<double?> Timeout { get; } = new("--timeout")
    {
        Description = "Seconds to wait for the server per call [default: 30 for lookups, longer for alignment and import]",
        HelpName = "seconds",
        Recursive = true,
    };

    /// <summary>Adds the shared options to <paramref name="root"/>, from where they reach every command.</summary>
    public void AddTo(RootCommand root)
    {
        ArgumentNullException.ThrowIfNull(root);
        root.Add(Server);
        root.Add(KeyFile);
        root.Add(Memory);
        root.Add(Timeout);
        root.Add(Json);
    }

    /// <summary>Makes <c>--memory</c>, wherever it stands, a usage error for <paramref name="command"/>, which has no memory.</summary>
    public void RejectMemory(Command command, string why)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentException.ThrowIfNullOrEmpty(why);
        command.Validators.Add(result =>
        {
            if (result.GetResult(Memory) is { Implicit: false })
            {
                result.AddError($"--memory does not apply to {command.Name}: {why}");
            }
        });
    }
}
