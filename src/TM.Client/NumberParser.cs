using System.CommandLine.Parsing;
using System.Globalization;
using System.Numerics;

namespace TM.Client;

/// <summary>
/// Parsers for numeric options that check the range as they parse. A range check in a validator is not enough:
/// System.CommandLine runs validators on values it could not convert, and reading such a value (<c>--max abc</c>)
/// throws instead of reporting a usage error.
/// </summary>
internal static class NumberParser
{
    /// <summary>
    /// A parser for an option taking one number (invariant culture) for which <paramref name="isValid"/> holds;
    /// anything else is a usage error that says <paramref name="rule"/>, e.g. <c>--max must be between 1 and 100.</c>
    /// </summary>
    public static Func<ArgumentResult, T?> For<T>(Func<T, bool> isValid, string rule)
        where T : struct, INumber<T>
    {
        ArgumentNullException.ThrowIfNull(isValid);
        ArgumentNullException.ThrowIfNull(rule);
        var styles = typeof(T) == typeof(double) || typeof(T) == typeof(float) || typeof(T) == typeof(decimal) ? NumberStyles.Float : NumberStyles.Integer;
        return result =>
        {
            var token = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Join(' ', result.Tokens.Select(t => t.Value));
            if (T.TryParse(token, styles, CultureInfo.InvariantCulture, out var value) && isValid(value))
            {
                return value;
            }

            result.AddError($"{rule} '{token}' is not.");
            return null;
        };
    }
}
