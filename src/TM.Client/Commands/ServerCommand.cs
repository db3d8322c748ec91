using System.CommandLine;
using System.Text.Json;
using TM.Client.Output;

namespace TM.Client.Commands;

/// <summary>
/// A <c>tm</c> command that makes calls to the server. It owns what every such command repeats: reading the shared
/// options (<c>--memory</c>, <c>--server</c>, <c>--timeout</c>, <c>--json</c>; the root command holds them), the
/// connection with its deadline, and turning a failed call into a message and an exit code
/// (<see cref="ServerConnection.RunAsync"/>). A subclass adds its own arguments and options and implements
/// <see cref="RunAsync"/>.
/// </summary>
internal abstract class ServerCommand : Command
{
    /// <summary>Creates the command with the action that connects and calls <see cref="RunAsync"/>.</summary>
    /// <param name="name">The command's name, e.g. <c>match</c>.</param>
    /// <param name="description">One line for <c>tm --help</c>.</param>
    /// <param name="context">Where the command writes.</param>
    /// <param name="common">The shared options, held by the root command.</param>
    /// <param name="defaultTimeout">Deadline of each call when <c>--timeout</c> is not given.</param>
    /// <param name="withoutMemory">
    /// Null for a command that works on a memory; for one that has none (<c>health</c>), why, for the usage error
    /// that <c>--memory</c> then is.
    /// </param>
    protected ServerCommand(string name, string description, CliContext context, CommonOptions common, TimeSpan defaultTimeout, string? withoutMemory = null)
        : base(name, description)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(common);
        Context = context;
        Common = common;
        if (withoutMemory is not null)
        {
            common.RejectMemory(this, withoutMemory);
        }

        SetAction((parseResult, cancellationToken) => ServerConnection.RunAsync(
            context, parseResult, common, defaultTimeout, connection => RunAsync(parseResult, connection, cancellationToken), cancellationToken));
    }

    /// <summary>Where the command writes.</summary>
    protected CliContext Context { get; }

    /// <summary>The shared options.</summary>
    protected CommonOptions Common { get; }

    /// <summary>Runs the command against an open connection; an <see cref="Grpc.Core.RpcException"/> it lets escape becomes the exit code.</summary>
    /// <returns>The exit code; see <see cref="ExitCodes"/>.</returns>
    protected abstract Task<int> RunAsync(ParseResult parseResult, ServerConnection connection, CancellationToken cancellationToken);

    /// <summary><c>--memory</c>: the empty string for the default memory (or, for listings, all memories).</summary>
    protected string MemoryOf(ParseResult parseResult) => parseResult.GetValue(Common.Memory) ?? "";

    /// <summary>True when <c>--json</c> asks for one JSON document instead of tables.</summary>
    protected bool WantsJson(ParseResult parseResult) => parseResult.GetValue(Common.Json);

    /// <summary>Prints the command's JSON document on stdout.</summary>
    protected void WriteJson(Action<Utf8JsonWriter> write) => JsonOutput.Write(Context.StdOut, write);
}
