using System.Globalization;

namespace TM.Server.Services;

/// <summary>How the API writes a point in time: RFC 3339 in UTC, to the millisecond (RFC 3339 allows fractions; with whole seconds an import of 0.4 s showed as taking 0.0 s).</summary>
internal static class Timestamps
{
    public static string Rfc3339(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
