using System.Globalization;

namespace TM.Benchmarks;

/// <summary>Formats figures for the tables: durations, sizes, rates and fractions, always in the invariant culture.</summary>
internal static class Units
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>A duration given in microseconds, in µs below a millisecond, ms below a second, else s.</summary>
    public static string Duration(double microseconds) => microseconds switch
    {
        < 10 => microseconds.ToString("0.00", Invariant) + " µs",
        < 1_000 => microseconds.ToString("0", Invariant) + " µs",
        < 10_000 => (microseconds / 1_000).ToString("0.00", Invariant) + " ms",
        < 1_000_000 => (microseconds / 1_000).ToString("0.0", Invariant) + " ms",
        _ => (microseconds / 1_000_000).ToString("0.00", Invariant) + " s",
    };

    public static string Seconds(TimeSpan elapsed) => elapsed.TotalSeconds.ToString("0.00", Invariant) + " s";

    public static string Bytes(double bytes) => bytes switch
    {
        < 10_240 => bytes.ToString("0", Invariant) + " B",
        < 10_485_760 => (bytes / 1024).ToString("0.0", Invariant) + " KiB",
        _ => (bytes / 1_048_576).ToString("0.0", Invariant) + " MiB",
    };

    public static string Percent(double fraction) => (fraction * 100).ToString("0.0", Invariant) + " %";

    public static string Fraction(int part, int whole) =>
        whole == 0 ? "—" : $"{Percent((double)part / whole)} ({part.ToString(Invariant)}/{whole.ToString(Invariant)})";

    public static string Count(long value) => value.ToString("N0", Invariant);

    public static string PerSecond(double value) => value.ToString("N0", Invariant) + "/s";

    public static string Factor(double value) => value.ToString(value < 10 ? "0.0" : "0", Invariant) + "×";
}
