namespace TM.Benchmarks;

/// <summary>One batch imported through replica A with ImportSegments, and when replica B found all of its pairs.</summary>
/// <param name="Pairs">Pairs in the batch.</param>
/// <param name="Stored">Pairs A stored (the rest were duplicates).</param>
/// <param name="Acknowledgment">From the first pair sent to A's answer (the batch committed).</param>
/// <param name="LastPairDelay">From A's answer until a Lookup on B found the batch's last pair; null when the wait ran out first.</param>
/// <param name="Delay">From A's answer until LookupBatch calls to B had found every pair of the batch; null when the wait ran out first.</param>
/// <param name="Found">Pairs of the batch B found.</param>
/// <param name="Rounds">LookupBatch calls to B it took.</param>
internal sealed record BatchReplication(int Pairs, int Stored, TimeSpan Acknowledgment, TimeSpan? LastPairDelay, TimeSpan? Delay, int Found, int Rounds);
