namespace TM.Benchmarks;

/// <summary>Single pairs added through replica A, each timed until replica B's Lookup found it.</summary>
/// <param name="Sent">Pairs added (AddSegment answered).</param>
/// <param name="Delays">From A's answer to the first Lookup on B that found the pair, for every pair B found; in <see cref="System.Diagnostics.Stopwatch"/> ticks.</param>
/// <param name="FindingLookups">How long the Lookup that found each pair took, in ticks: the measurement's own share of its delay.</param>
/// <param name="Acknowledgments">How long each AddSegment took to answer on A (its commit), in ticks.</param>
/// <param name="NotFound">Pairs B had not found when their wait ran out.</param>
/// <param name="Timeout">The wait for one pair.</param>
/// <param name="Abandoned">Why the phase stopped before sending every pair; null when it sent them all.</param>
internal sealed record ReplicationDelays(int Sent, IReadOnlyList<long> Delays, IReadOnlyList<long> FindingLookups, IReadOnlyList<long> Acknowledgments, int NotFound, TimeSpan Timeout, string? Abandoned)
{
    public Percentiles Delay() => Percentiles.Of(Delays.ToList());

    public Percentiles FindingLookup() => Percentiles.Of(FindingLookups.ToList());

    public Percentiles Acknowledgment() => Percentiles.Of(Acknowledgments.ToList());
}
