using System.CommandLine;
using System.CommandLine.Parsing;

namespace TM.Server.Hosting.CommandLine;

/// <summary>
/// One option of the server's command line: the System.CommandLine option, the environment variable it falls back to,
/// and where its value goes in <see cref="ServerOptions"/>. The rows of <see cref="ServerOptionTable"/> are made with
/// <see cref="Number"/>, <see cref="Value"/> and <see cref="Flag"/>.
/// </summary>
internal abstract class OptionBinding
{
    protected OptionBinding(string? variable) => Variable = variable;

    /// <summary>The option as System.CommandLine parses it (name, help, arity, and a parser that refuses bad values).</summary>
    public abstract Option Option { get; }

    /// <summary>The environment variable read when the option is not on the command line; null for none.</summary>
    public string? Variable { get; }

    /// <summary>True for an option that may stand alone (<c>--no-seeds</c>) or take <c>true</c>/<c>false</c>.</summary>
    public abstract bool IsFlag { get; }

    /// <summary>
    /// Returns <paramref name="options"/> with this option's value from the command line, else from its environment
    /// variable (an empty variable counts as unset), else as it was.
    /// </summary>
    /// <exception cref="ArgumentException">The environment variable holds a value the option does not take; the message names both.</exception>
    public abstract ServerOptions Apply(ServerOptions options, ParseResult commandLine, Func<string, string?> environment);

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static OptionBinding Number(string name, string? variable, int min, int max, Func<ServerOptions, int, ServerOptions> apply, string helpName, string description, bool hidden = false) =>
        new OptionBinding<int>(name, variable, OptionValues.Number(min, max), apply, helpName, description, hidden);

    /// <summary>A non-empty string: a path, an address, a password.</summary>
    public static OptionBinding Value(string name, string? variable, Func<ServerOptions, string, ServerOptions> apply, string helpName, string description, bool hidden = false) =>
        new OptionBinding<string>(name, variable, OptionValues.Text, apply, helpName, description, hidden);

    /// <summary><c>true</c> or <c>false</c>; the option alone means <c>true</c>.</summary>
    public static OptionBinding Flag(string name, string? variable, Func<ServerOptions, bool, ServerOptions> apply, string description, bool hidden = false) =>
        new OptionBinding<bool>(name, variable, OptionValues.Boolean, apply, "true|false", description, hidden);
}
