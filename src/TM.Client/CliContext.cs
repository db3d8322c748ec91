using Spectre.Console;
using TM.Client.Output;

namespace TM.Client;

/// <summary>
/// Where one run of <c>tm</c> writes and what it may read from outside: stdout and stderr (as Spectre consoles
/// and, for JSON, as the raw writer), environment variables, and an optional HTTP handler for in-process tests.
/// </summary>
internal sealed class CliContext
{
    public CliContext(TextWriter stdout, TextWriter stderr, Func<string, string?> getEnvironmentVariable, HttpMessageHandler? httpHandler)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        ArgumentNullException.ThrowIfNull(getEnvironmentVariable);
        StdOut = stdout;
        StdErr = stderr;
        GetEnvironmentVariable = getEnvironmentVariable;
        HttpHandler = httpHandler;
        Out = ConsoleFactory.Create(stdout, getEnvironmentVariable);
        Error = ConsoleFactory.Create(stderr, getEnvironmentVariable);
    }

    /// <summary>Raw stdout, for the JSON document (no markup, no wrapping).</summary>
    public TextWriter StdOut { get; }

    /// <summary>Raw stderr, handed to System.CommandLine for parse errors.</summary>
    public TextWriter StdErr { get; }

    /// <summary>Tables and text for people.</summary>
    public IAnsiConsole Out { get; }

    /// <summary>Errors and warnings.</summary>
    public IAnsiConsole Error { get; }

    /// <summary>Reads an environment variable (the process's, or a test's stand-in).</summary>
    public Func<string, string?> GetEnvironmentVariable { get; }

    /// <summary>Handler the gRPC channel sends through; null for a normal socket connection.</summary>
    public HttpMessageHandler? HttpHandler { get; }

    /// <summary>True when stdout shows colours and styles, false when it is plain text.</summary>
    public bool Ansi => Out.Profile.Capabilities.Ansi;

    /// <summary>A table for <see cref="WriteTable"/>: rounded borders on a terminal, plain ASCII rules otherwise.</summary>
    public Table CreateTable(bool rowSeparators = false) =>
        new() { Border = Ansi ? TableBorder.Rounded : TableBorder.Simple, ShowRowSeparators = rowSeparators };

    /// <summary>
    /// Prints <paramref name="table"/> on stdout. Off a terminal the table is rendered to text first and each line
    /// trimmed: Spectre pads every row to the full width and opens a borderless table with a blank line, which
    /// makes files and diffs of the output noisy.
    /// </summary>
    public void WriteTable(Table table)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (Out.Profile.Out.IsTerminal)
        {
            Out.Write(table);
            return;
        }

        var buffer = new StringWriter();
        var console = ConsoleFactory.Create(buffer, GetEnvironmentVariable);
        console.Profile.Width = Out.Profile.Width;
        console.Write(table);
        var lines = buffer.ToString().Split('\n').Select(line => line.TrimEnd()).ToList();
        var first = lines.FindIndex(line => line.Length > 0);
        var last = lines.FindLastIndex(line => line.Length > 0);
        for (var i = first; i >= 0 && i <= last; i++)
        {
            StdOut.WriteLine(lines[i]);
        }
    }

    /// <summary>Prints one line of <paramref name="markup"/> on stdout.</summary>
    public void WriteLine(string markup) => WriteLine(Out, StdOut, markup);

    /// <summary>Prints one line of <paramref name="markup"/> on stderr.</summary>
    public void WriteErrorLine(string markup) => WriteLine(Error, StdErr, markup);

    /// <summary>Prints <c>Error: message</c> on stderr; <paramref name="message"/> is plain text, not markup.</summary>
    public void WriteError(string message) => WriteErrorLine("[red]Error:[/] " + Markup.Escape(message));

    /// <summary>Prints <c>Warning: message</c> on stderr; <paramref name="message"/> is plain text, not markup.</summary>
    public void WriteWarning(string message) => WriteErrorLine("[yellow]Warning:[/] " + Markup.Escape(message));

    private static void WriteLine(IAnsiConsole console, TextWriter raw, string markup)
    {
        if (console.Profile.Out.IsTerminal)
        {
            console.MarkupLine(markup);
        }
        else
        {
            // Spectre would wrap at the profile width; a message line in a log or a pipe must stay one line for grep.
            raw.WriteLine(Markup.Remove(markup));
        }
    }
}
