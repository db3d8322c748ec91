using TM.Client.Output;

namespace TM.Client.Import;

/// <summary>Picks how a running import is shown: a live bar when the output is a terminal, plain lines otherwise.</summary>
internal static class ImportProgressViews
{
    /// <summary>
    /// A view for one file. Progress goes where the report goes, stdout; with <c>--json</c> it goes to stderr, so
    /// stdout holds only the JSON document.
    /// </summary>
    public static async Task<IImportProgressView> CreateAsync(CliContext context, bool json, string label)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(label);
        var (console, writer) = json ? (context.Error, context.StdErr) : (context.Out, context.StdOut);
        if (console.Profile.Out.IsTerminal && console.Profile.Capabilities.Ansi)
        {
            // The shared consoles are made non-interactive (no prompts); Spectre draws a live bar only on an interactive one.
            var live = ConsoleFactory.Create(writer, context.GetEnvironmentVariable);
            live.Profile.Capabilities.Interactive = true;
            return await LiveImportProgressView.StartAsync(live, label, TimeProvider.System).ConfigureAwait(false);
        }

        return new PlainImportProgressView(writer, label, TimeProvider.System, PlainImportProgressView.DefaultInterval);
    }
}
