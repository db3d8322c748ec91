using System.Globalization;

namespace TM.Client.Output;

/// <summary>Counts with their noun in the right number: "1 pair", "2 pairs".</summary>
internal static class Counted
{
    /// <summary><paramref name="count"/> followed by <paramref name="singular"/>, or by <paramref name="plural"/> (default: singular + "s").</summary>
    public static string Of(long count, string singular, string? plural = null) =>
        count.ToString("N0", CultureInfo.InvariantCulture) + " " + (count == 1 ? singular : plural ?? singular + "s");
}
