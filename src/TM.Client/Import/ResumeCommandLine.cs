using System.Globalization;
using System.Text;

namespace TM.Client.Import;

/// <summary>
/// The command that carries on with an interrupted import, printed for the user to paste: the same file, memory,
/// source language and server, plus <c>--resume</c>. No <c>--policy</c>: a resumed import keeps the policy it started
/// with, and the server refuses a different one. Arguments are quoted for a POSIX shell.
/// </summary>
internal static class ResumeCommandLine
{
    /// <summary><c>tm import &lt;path&gt; --resume &lt;id&gt;</c> with the options the import needs again.</summary>
    /// <param name="path">The file as the user named it.</param>
    /// <param name="importId">The interrupted import.</param>
    /// <param name="memory">The memory; empty (the default memory) is left out.</param>
    /// <param name="sourceLang">The <c>--source-lang</c> value; null or empty when not given.</param>
    /// <param name="server">The <c>--server</c> value; null when not given (TM_SERVER or the default then apply again).</param>
    public static string For(string path, long importId, string memory, string? sourceLang, string? server)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(memory);
        var arguments = new List<string> { "tm", "import", path, "--resume", importId.ToString(CultureInfo.InvariantCulture) };
        if (memory.Length > 0)
        {
            arguments.AddRange(["--memory", memory]);
        }

        if (!string.IsNullOrEmpty(sourceLang))
        {
            arguments.AddRange(["--source-lang", sourceLang]);
        }

        if (server is not null)
        {
            arguments.AddRange(["--server", server]);
        }

        return string.Join(' ', arguments.Select(Quote));
    }

    /// <summary>
    /// <paramref name="argument"/> as a POSIX shell reads it back: unchanged when it holds only characters no shell
    /// treats specially, else in single quotes (a single quote inside becomes <c>'\''</c>).
    /// </summary>
    public static string Quote(string argument)
    {
        ArgumentNullException.ThrowIfNull(argument);
        if (argument.Length > 0 && argument.All(IsPlain))
        {
            return argument;
        }

        var builder = new StringBuilder(argument.Length + 2).Append('\'');
        foreach (var c in argument)
        {
            builder.Append(c == '\'' ? "'\\''" : c.ToString());
        }

        return builder.Append('\'').ToString();
    }

    // Letters of any script are safe in every shell; so are these marks, none of which starts an expansion, a glob or a redirection.
    private static bool IsPlain(char c) => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or ':' or '=' or '+' or ',' or '@' or '%';
}
