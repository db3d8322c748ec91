using System.CommandLine;
using System.CommandLine.Parsing;

namespace TM.Server.Hosting.CommandLine;

/// <summary>
/// The server's command line, parsed by System.CommandLine from the options of <see cref="ServerOptionTable"/>, each
/// falling back to its environment variable. Strict: an unknown option, a missing or bad value is an error naming the
/// option, never a default taken in silence.
/// </summary>
public static class ServerCommandLine
{
    /// <summary>
    /// Reads the server's options from <paramref name="args"/>, then <paramref name="environment"/>, then the defaults.
    /// </summary>
    /// <param name="args">The command line, e.g. <c>["--port", "0", "--data-dir", dir, "--no-seeds"]</c>.</param>
    /// <param name="environment">Reads an environment variable (<c>TM_PORT</c>, …); null or empty means unset.</param>
    /// <param name="output">Where <c>--help</c> (and <c>--version</c>) write.</param>
    /// <returns>The options; null when the arguments asked for <c>--help</c> or <c>--version</c>, which was written to <paramref name="output"/>.</returns>
    /// <exception cref="ArgumentException">An unknown option or argument, a missing or bad value: one line naming the option.</exception>
    public static ServerOptions? Parse(IReadOnlyList<string> args, Func<string, string?> environment, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(output);
        var bindings = ServerOptionTable.Create();
        var root = new RootCommand("TM server: a Korean-English translation memory over gRPC and HTTP/JSON. Each option also reads the environment variable shown.");
        // No [suggest] or other directives: the server takes options only.
        root.Directives.Clear();
        foreach (var binding in bindings)
            root.Options.Add(binding.Option);
        // No response files: an argument starting with @ is a value (a password, a path), not a file to expand.
        var result = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (result.Errors.Count > 0)
            throw new ArgumentException($"{FirstError(result, bindings).TrimEnd('.')} (see --help).");
        if (result.Action is not null)
        {
            result.Invoke(new InvocationConfiguration { Output = output });
            return null;
        }
        var options = new ServerOptions();
        foreach (var binding in bindings)
            options = binding.Apply(options, result, environment);
        return options.Validate();
    }

    // The first error is the one to fix; the ones after it are often its echoes (--prot 5392: '--prot' and then '5392').
    // A word after a flag that is neither true nor false is left unmatched by System.CommandLine and reported without
    // the flag's name; it is reported here as the flag's bad value instead.
    private static string FirstError(ParseResult result, IReadOnlyList<OptionBinding> bindings)
    {
        var tokens = result.Tokens;
        for (var i = 1; i < tokens.Count; i++)
        {
            if (tokens[i].Type == TokenType.Argument && tokens[i - 1].Type == TokenType.Option
                && result.UnmatchedTokens.Contains(tokens[i].Value)
                && bindings.FirstOrDefault(b => b.IsFlag && b.Option.Name == tokens[i - 1].Value) is { } flag)
                return $"{flag.Option.Name}: '{tokens[i].Value}' is not true or false.";
        }
        return result.Errors[0].Message;
    }
}
