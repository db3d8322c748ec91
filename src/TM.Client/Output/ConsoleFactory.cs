using System.Globalization;
using Spectre.Console;

namespace TM.Client.Output;

/// <summary>Creates the Spectre consoles <c>tm</c> writes through, degrading to plain text when not on a terminal.</summary>
internal static class ConsoleFactory
{
    // Spectre's own default for a non-terminal is 80 columns. A file or a pager is not bound by a window, and a
    // three-column table of Korean sentences at 80 columns wraps every cell into a tower; 120 keeps rows readable
    // and still fits most screens. COLUMNS overrides it.
    private const int RedirectedWidth = 120;

    /// <summary>
    /// A console writing to <paramref name="writer"/>. On an interactive terminal, colours and styles as the
    /// terminal supports them; otherwise (redirected, piped, a test's <see cref="StringWriter"/>) no ANSI codes
    /// at all — Spectre decides ANSI from TERM alone, which would put escape codes into files.
    /// </summary>
    public static IAnsiConsole Create(TextWriter writer, Func<string, string?> getEnvironmentVariable)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(getEnvironmentVariable);
        var output = new AnsiConsoleOutput(writer);
        var terminal = output.IsTerminal;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = output,
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });

        if (!terminal)
        {
            console.Profile.Width = int.TryParse(getEnvironmentVariable("COLUMNS"), NumberStyles.None, CultureInfo.InvariantCulture, out var columns) && columns >= 40
                ? columns
                : RedirectedWidth;
        }

        return console;
    }
}
