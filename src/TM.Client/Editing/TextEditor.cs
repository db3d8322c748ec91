using System.Diagnostics;

namespace TM.Client.Editing;

/// <summary>The user's text editor, chosen and started the way git chooses and starts it.</summary>
internal static class TextEditor
{
    /// <summary>
    /// The editor's command line: <c>VISUAL</c>, then <c>EDITOR</c>, then <c>editor</c> when it is on <c>PATH</c>
    /// (Debian's link to the system's choice), else <c>vi</c> (<c>notepad</c> on Windows). This is git's order without
    /// its own <c>GIT_EDITOR</c> and <c>core.editor</c>; like git, <c>VISUAL</c> is passed over when <c>TERM</c> is
    /// <c>dumb</c>, because it names a full-screen editor. An empty variable counts as unset.
    /// </summary>
    public static string Resolve(Func<string, string?> getEnvironmentVariable)
    {
        ArgumentNullException.ThrowIfNull(getEnvironmentVariable);
        var visual = getEnvironmentVariable("TERM") == "dumb" ? null : getEnvironmentVariable("VISUAL");
        if (!string.IsNullOrWhiteSpace(visual))
        {
            return visual;
        }

        var editor = getEnvironmentVariable("EDITOR");
        if (!string.IsNullOrWhiteSpace(editor))
        {
            return editor;
        }

        if (OperatingSystem.IsWindows())
        {
            return "notepad";
        }

        var path = getEnvironmentVariable("PATH") ?? "";
        return path.Split(':', StringSplitOptions.RemoveEmptyEntries).Any(directory => File.Exists(Path.Combine(directory, "editor"))) ? "editor" : "vi";
    }

    /// <summary>
    /// Runs <paramref name="editor"/> on <paramref name="file"/> with the terminal handed over (nothing redirected)
    /// and waits for it to close.
    /// </summary>
    /// <returns>The editor's exit code.</returns>
    /// <exception cref="System.ComponentModel.Win32Exception">The shell could not be started.</exception>
    public static async Task<int> RunAsync(string editor, string file, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(editor);
        ArgumentException.ThrowIfNullOrEmpty(file);
        var start = new ProcessStartInfo { UseShellExecute = false };
        if (OperatingSystem.IsWindows())
        {
            // cmd reads the rest of its line as a command line, which is what EDITOR holds there.
            start.FileName = "cmd.exe";
            start.Arguments = $"/c {editor} \"{file}\"";
        }
        else
        {
            // EDITOR and VISUAL hold shell command lines, not program names: "code --wait", "vim -c 'set tw=0'", a path
            // with quoted spaces. Git, crontab and less give them to sh; splitting them here would be a second, partial
            // shell. The file goes in as "$@", so its path is never parsed at all.
            start.FileName = "/bin/sh";
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(editor + " \"$@\"");
            start.ArgumentList.Add(editor);
            start.ArgumentList.Add(file);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"'{start.FileName}' did not start.");
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        return process.ExitCode;
    }
}
