using System.Globalization;

namespace TM.Benchmarks;

/// <summary>Options of the form <c>--name value</c>; anything else is an error a person can act on.</summary>
internal sealed class CommandArguments
{
    private readonly Dictionary<string, string> _values;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    private CommandArguments(Dictionary<string, string> values) => _values = values;

    public static CommandArguments Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
                throw new CommandLineException($"Expected '--name value' pairs, got '{string.Join(' ', args)}'.");
            values[args[i][2..]] = args[i + 1];
        }
        return new CommandArguments(values);
    }

    /// <summary>The integer option <paramref name="name"/>, or <paramref name="fallback"/> when absent.</summary>
    public int GetInt(string name, int fallback, int min = 1, int max = int.MaxValue)
    {
        _read.Add(name);
        if (!_values.TryGetValue(name, out var text))
            return fallback;
        if (!int.TryParse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            throw new CommandLineException($"--{name} '{text}' is not a whole number from {min} to {max}.");
        return value;
    }

    /// <summary>The text option <paramref name="name"/>, or <paramref name="fallback"/> when absent.</summary>
    public string GetString(string name, string fallback)
    {
        _read.Add(name);
        return _values.TryGetValue(name, out var text) ? text : fallback;
    }

    /// <summary>Throws when an option was given that no <see cref="GetInt"/> call asked for (a typo, usually).</summary>
    public void ThrowIfUnknown()
    {
        var unknown = _values.Keys.Where(key => !_read.Contains(key)).ToList();
        if (unknown.Count > 0)
            throw new CommandLineException($"Unknown option(s): {string.Join(", ", unknown.Select(key => "--" + key))}.");
    }
}
