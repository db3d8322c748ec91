using System.Diagnostics;

namespace TM.Benchmarks;

/// <summary>
/// Collects the duration of each operation as raw <see cref="Stopwatch"/> ticks; one recorder per thread
/// (it is not thread-safe), merged at the end. Storing every sample rather than a histogram is fine at
/// these counts (8 bytes × a few thousand) and makes the percentiles exact.
/// </summary>
internal sealed class LatencyRecorder
{
    private readonly List<long> _ticks;

    public LatencyRecorder(int capacity = 1024) => _ticks = new List<long>(capacity);

    public int Count => _ticks.Count;

    /// <summary>Records the time from <paramref name="startTimestamp"/> (<see cref="Stopwatch.GetTimestamp"/>) until now.</summary>
    public void RecordSince(long startTimestamp) => _ticks.Add(Stopwatch.GetTimestamp() - startTimestamp);

    /// <summary>Records a duration measured elsewhere, in <see cref="Stopwatch"/> ticks.</summary>
    public void Record(long elapsedTicks) => _ticks.Add(elapsedTicks);

    public static LatencyRecorder Merge(IEnumerable<LatencyRecorder> recorders)
    {
        var merged = new LatencyRecorder();
        foreach (var recorder in recorders)
            merged._ticks.AddRange(recorder._ticks);
        return merged;
    }

    public Percentiles Summarize() => Percentiles.Of(_ticks);
}
