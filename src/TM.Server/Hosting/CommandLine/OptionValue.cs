namespace TM.Server.Hosting.CommandLine;

/// <summary>Reads one value of an option, from the command line or from an environment variable alike.</summary>
/// <param name="Expected">What a valid value is, for error messages: <c>a number from 0 to 65535</c>.</param>
/// <param name="TryParse">Reads the text; false when it is not a valid value.</param>
/// <param name="Alone">
/// The value of the option standing alone: a flag's <c>true</c>. Only flags get there; System.CommandLine refuses any
/// other option without a value before asking for it.
/// </param>
internal sealed record OptionValue<T>(string Expected, OptionValue<T>.Reader TryParse, T? Alone = default)
{
    /// <summary>Reads <paramref name="text"/> into <paramref name="value"/>.</summary>
    public delegate bool Reader(string text, out T value);
}
