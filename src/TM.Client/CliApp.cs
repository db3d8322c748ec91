using System.CommandLine;
using System.CommandLine.Invocation;
using TM.Client.Commands;

namespace TM.Client;

/// <summary>
/// The <c>tm</c> command line: builds the commands and runs one. Callable in-process, so functional tests can run
/// <c>tm match …</c> against a real server and read what a user would see.
/// </summary>
public static class CliApp
{
    /// <summary>Runs <c>tm</c> on the process console, as the executable does.</summary>
    /// <returns>The exit code; see <see cref="ExitCodes"/>.</returns>
    public static Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var context = new CliContext(Console.Out, Console.Error, Environment.GetEnvironmentVariable, httpHandler: null);
        return RunAsync(args, context, handleProcessTermination: true, CancellationToken.None);
    }

    /// <summary>
    /// Runs <c>tm</c> with output captured in <paramref name="stdout"/> and <paramref name="stderr"/>. Writers that
    /// are not the console get plain text (no ANSI codes) at 120 columns, or <c>COLUMNS</c>.
    /// </summary>
    /// <param name="args">The arguments after <c>tm</c>, e.g. <c>["match", "안녕하세요", "--server", url]</c>.</param>
    /// <param name="stdout">Receives tables, reports and <c>--json</c> documents.</param>
    /// <param name="stderr">Receives errors, warnings and usage messages.</param>
    /// <param name="cancellationToken">Cancels the command as Ctrl+C would.</param>
    /// <returns>The exit code; see <see cref="ExitCodes"/>.</returns>
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default) =>
        RunAsync(args, stdout, stderr, httpHandler: null, cancellationToken);

    /// <summary>
    /// Like <see cref="RunAsync(string[], TextWriter, TextWriter, CancellationToken)"/>, sending every call through
    /// <paramref name="httpHandler"/> (e.g. an in-memory test server's handler) instead of a socket. The handler is
    /// not disposed. <c>--server</c> still gives the address put on requests.
    /// </summary>
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, HttpMessageHandler? httpHandler, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        var context = new CliContext(stdout, stderr, Environment.GetEnvironmentVariable, httpHandler);
        return RunAsync(args, context, handleProcessTermination: false, cancellationToken);
    }

    /// <summary>
    /// Like <see cref="RunAsync(string[], TextWriter, TextWriter, CancellationToken)"/>, <c>tm</c> seeing
    /// <paramref name="environment"/> on top of the process's variables (<c>EDITOR</c> for <c>tm edit</c>, <c>COLUMNS</c>),
    /// without changing them for code running alongside. A variable given as "" counts as unset.
    /// </summary>
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(environment);
        var context = new CliContext(stdout, stderr, name => environment.GetValueOrDefault(name) ?? Environment.GetEnvironmentVariable(name), httpHandler: null);
        return RunAsync(args, context, handleProcessTermination: false, cancellationToken);
    }

    /// <summary>Runs one command line against <paramref name="context"/>.</summary>
    internal static async Task<int> RunAsync(string[] args, CliContext context, bool handleProcessTermination, CancellationToken cancellationToken)
    {
        // No response files: "@" starts user names and handles in sentences a translator looks up, not file paths.
        var parseResult = BuildRootCommand(context).Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        var configuration = new InvocationConfiguration
        {
            Output = context.StdOut,
            Error = context.StdErr,
            // In-process runs must not hook the host process's Ctrl+C; they are cancelled through the token instead.
            ProcessTerminationTimeout = handleProcessTermination ? TimeSpan.FromSeconds(2) : null,
        };

        var exitCode = await parseResult.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);

        // System.CommandLine reports parse errors with 1, which tm reserves for errors from the server.
        return parseResult.Action is ParseErrorAction ? ExitCodes.Usage : exitCode;
    }

    /// <summary>The root command with every subcommand, writing through <paramref name="context"/>.</summary>
    internal static RootCommand BuildRootCommand(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var common = new CommonOptions();
        var root = new RootCommand("tm: Korean-English translation memory client. Looks up fuzzy matches, searches, imports and previews alignments on a TM server.")
        {
            new MatchCommand(context, common),
            new ConcordanceCommand(context, common),
            new ImportCommand(context, common),
            new ExportCommand(context, common),
            new ImportsCommand(context, common),
            new AlignCommand(context, common),
            new AnalyzeCommand(context, common),
            new PretranslateCommand(context, common),
            new StatsCommand(context, common),
            new HealthCommand(context, common),
            new MemoriesCommand(context, common),
            new SegmentCommand(context, common),
            new TermsCommand(context, common),
            new EditCommand(context, common),
            new KeysCommand(context, common),
            new BackupCommand(context, common),
        };
        common.AddTo(root);
        return root;
    }
}
