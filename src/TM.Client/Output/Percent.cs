using System.Globalization;

namespace TM.Client.Output;

/// <summary>Formats match scores the way CAT tools show them.</summary>
internal static class Percent
{
    /// <summary>
    /// A 0..100 score as a whole percentage, rounded down: 99.6 shows as <c>99%</c>, because <c>100%</c> promises
    /// an exact match and a translator skips checking those.
    /// </summary>
    public static string Score(double score)
    {
        var clamped = double.IsNaN(score) ? 0 : Math.Clamp(score, 0, 100);
        return Math.Floor(clamped).ToString("0", CultureInfo.InvariantCulture) + "%";
    }

    /// <summary>A threshold as given, without trailing zeros: 50 → <c>50%</c>, 72.5 → <c>72.5%</c>.</summary>
    public static string Threshold(double score) => score.ToString("0.##", CultureInfo.InvariantCulture) + "%";
}
