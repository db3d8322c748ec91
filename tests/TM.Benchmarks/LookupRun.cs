namespace TM.Benchmarks;

/// <summary>What one <see cref="ThroughputRunner"/> run measured.</summary>
/// <param name="Callers">Concurrent callers, each sending its next Lookup when the previous one returned.</param>
/// <param name="Channels">Channels (HTTP/2 connections) the callers shared.</param>
/// <param name="Elapsed">Wall time of the run.</param>
/// <param name="Samples">Every answered Lookup.</param>
/// <param name="Errors">Lookups that failed with a gRPC status.</param>
/// <param name="FirstError">The first failure's status and message; null when none failed.</param>
/// <param name="ServerCpu">CPU time the server process used during the run.</param>
/// <param name="ClientCpu">CPU time this process (the clients) used during the run: on a small machine, taken from the server.</param>
internal sealed record LookupRun(
    int Callers, int Channels, TimeSpan Elapsed, IReadOnlyList<LookupSample> Samples, int Errors, string? FirstError, TimeSpan ServerCpu, TimeSpan ClientCpu)
{
    public double PerSecond => Samples.Count / Elapsed.TotalSeconds;

    public Percentiles Latency() => Latency(Samples);

    public static Percentiles Latency(IEnumerable<LookupSample> samples) => Percentiles.Of(samples.Select(sample => sample.Ticks).ToList());
}
