using System.Globalization;

namespace TM.Server.Hosting.CommandLine;

/// <summary>The kinds of value the server's options take.</summary>
internal static class OptionValues
{
    /// <summary><c>true</c> or <c>false</c> (any case); the flag alone is <c>true</c>.</summary>
    public static OptionValue<bool> Boolean { get; } = new("true or false", bool.TryParse, Alone: true);

    /// <summary>Any text but an empty or blank one.</summary>
    public static OptionValue<string> Text { get; } = new("a non-empty value", (string text, out string value) =>
    {
        value = text;
        return !string.IsNullOrWhiteSpace(text);
    });

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>, digits only.</summary>
    public static OptionValue<int> Number(int min, int max) =>
        new(max == int.MaxValue ? $"a whole number of at least {min}" : $"a number from {min} to {max}",
            (string text, out int value) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max);
}
