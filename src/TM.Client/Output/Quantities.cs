using System.Globalization;

namespace TM.Client.Output;

/// <summary>Sizes, durations and rates as a person reads them in a progress line: <c>48.1 MB</c>, <c>2 min 5 s</c>, <c>12,345</c>.</summary>
internal static class Quantities
{
    /// <summary>A byte count in B, KB, MB or GB (powers of 1,000, one decimal above bytes).</summary>
    public static string Bytes(long bytes)
    {
        string[] units = ["KB", "MB", "GB", "TB"];
        if (bytes < 1000)
        {
            return bytes.ToString(CultureInfo.InvariantCulture) + " B";
        }

        double value = bytes;
        var unit = -1;
        while (value >= 1000 && unit < units.Length - 1)
        {
            value /= 1000;
            unit++;
        }

        return value.ToString("0.0", CultureInfo.InvariantCulture) + " " + units[unit];
    }

    /// <summary>A duration to the second past ten seconds, to the tenth below: <c>0.4 s</c>, <c>42 s</c>, <c>2 min 5 s</c>, <c>1 h 3 min</c>.</summary>
    public static string Duration(TimeSpan duration)
    {
        var seconds = Math.Max(0, duration.TotalSeconds);

        // The unit is chosen on the value as shown, so 9.96 s reads "10 s" like its neighbours, not "10.0 s".
        if (Math.Round(seconds, 1) < 10)
        {
            return seconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";
        }

        var whole = (long)Math.Round(seconds);
        return whole switch
        {
            < 60 => $"{whole} s",
            < 3600 => $"{whole / 60} min {whole % 60} s",
            _ => $"{whole / 3600} h {whole % 3600 / 60} min",
        };
    }

    /// <summary>A rate rounded to a whole number with thousands separators (<c>12,345</c>); 0 for NaN, infinity or less than 0.</summary>
    public static string Rate(double rate) =>
        (double.IsFinite(rate) ? Math.Round(Math.Max(0, rate)) : 0).ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A whole number with thousands separators: <c>12,345</c>.</summary>
    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
