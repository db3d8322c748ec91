using System.Diagnostics;

namespace TM.Benchmarks;

/// <summary>A latency distribution in microseconds, by the nearest-rank method (every reported value was observed).</summary>
internal readonly record struct Percentiles(int Count, double P50, double P90, double P99, double Max, double Mean)
{
    public static Percentiles Of(IReadOnlyCollection<long> stopwatchTicks)
    {
        if (stopwatchTicks.Count == 0)
            return default;
        var sorted = stopwatchTicks.ToArray();
        Array.Sort(sorted);
        double ToMicroseconds(long ticks) => ticks * 1_000_000.0 / Stopwatch.Frequency;
        double At(double fraction) => ToMicroseconds(sorted[Math.Max(0, (int)Math.Ceiling(fraction * sorted.Length) - 1)]);
        return new Percentiles(sorted.Length, At(0.50), At(0.90), At(0.99), ToMicroseconds(sorted[^1]), ToMicroseconds((long)sorted.Average()));
    }
}
