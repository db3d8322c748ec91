namespace TM.Server.Web;

/// <summary>The pages' filter fields as the API takes them.</summary>
public static class Filters
{
    /// <summary>
    /// A date input's value (<c>yyyy-mm-dd</c>) as the API's RFC 3339 timestamp, the start of that day in UTC; empty for
    /// none. Anything else goes on unchanged, for the service to refuse with its own message.
    /// </summary>
    public static string Date(string? value) =>
        string.IsNullOrWhiteSpace(value) ? ""
        : value.Length == 10 && DateOnly.TryParseExact(value, "yyyy-MM-dd", out _) ? value + "T00:00:00Z"
        : value;
}
