using TM.Protos.V1;

namespace TM.Benchmarks;

/// <summary>The bulk import of the synthetic TMX file into a fresh server, and what it cost the server in memory.</summary>
/// <param name="Response">The server's final answer: every batch committed.</param>
/// <param name="FileBytes">Size of the TMX file sent.</param>
/// <param name="Elapsed">From the first byte sent to the final answer.</param>
/// <param name="EmptyServerStart">From the process start of the empty server to its first answered Lookup: the cold start without a memory to load.</param>
/// <param name="EmptyServerRss">VmRSS of the started server before the import: the runtime, Kestrel, an empty index.</param>
/// <param name="PeakRss">Largest VmRSS sampled (every 100 ms) during the import.</param>
/// <param name="HighWaterMark">The kernel's VmHWM after the import (updated lazily, so it can trail <paramref name="PeakRss"/>).</param>
/// <param name="Samples">RSS samples taken.</param>
/// <param name="ServerCpu">CPU time the server used during the import: what the import costs independently of other load on the machine.</param>
/// <param name="StoredSegments">Segments the memory holds afterwards (GetStats).</param>
internal sealed record ImportMeasurement(
    ImportTmxResponse Response, long FileBytes, TimeSpan Elapsed, TimeSpan EmptyServerStart, long EmptyServerRss, long PeakRss, long HighWaterMark, int Samples, TimeSpan ServerCpu, long StoredSegments)
{
    /// <summary>Units read per second, each durable when counted: the answer comes after the last commit.</summary>
    public double UnitsPerSecond => Response.UnitsRead / Elapsed.TotalSeconds;

    /// <summary>The best estimate of the server's peak RSS during the import: the larger of the sampled peak and VmHWM.</summary>
    public long PeakMemory => Math.Max(PeakRss, HighWaterMark);
}
