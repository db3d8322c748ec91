using System.Globalization;

namespace TM.Interchange.Internal;

/// <summary>The TMX date form, <c>YYYYMMDDThhmmssZ</c> in UTC, read leniently and written exactly.</summary>
internal static class TmxDates
{
    private const string TmxFormat = "yyyyMMdd'T'HHmmss'Z'";

    // Tools that ignore the TMX form write ISO 8601 instead; accepting it costs nothing and loses nothing.
    private static readonly string[] s_formats =
    [
        TmxFormat,
        "yyyyMMdd'T'HHmmss",
        "yyyy-MM-dd'T'HH:mm:ss'Z'",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
        "yyyy-MM-dd'T'HH:mm:sszzz",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
        "yyyy-MM-dd'T'HH:mm:ss",
        "yyyy-MM-dd HH:mm:ss",
    ];

    /// <summary>Parses a date, truncated to whole seconds in UTC so that writing it back and reading it again gives the same value.</summary>
    public static bool TryParse(string text, out DateTimeOffset value)
    {
        if (DateTimeOffset.TryParseExact(text.Trim(), s_formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out DateTimeOffset parsed))
        {
            long ticks = parsed.UtcTicks;
            value = new DateTimeOffset(ticks - (ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
            return true;
        }

        value = default;
        return false;
    }

    public static string Format(DateTimeOffset value) => value.UtcDateTime.ToString(TmxFormat, CultureInfo.InvariantCulture);
}
