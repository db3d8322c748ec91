using System.Globalization;

namespace TM.Server.Web;

/// <summary>The pages' way of showing the API's RFC 3339 timestamps: to the minute, in UTC, as ISO dates read in both languages.</summary>
public static class Dates
{
    /// <summary><c>2026-12-07 14:40 UTC</c> for a timestamp; the text as it is when it is no timestamp; "—" for none.</summary>
    public static string Short(string? rfc3339)
    {
        if (string.IsNullOrEmpty(rfc3339))
            return "—";
        return DateTimeOffset.TryParse(rfc3339, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)
            : rfc3339;
    }
}
