using System.Diagnostics;
using TM.Protos.V1;

namespace TM.Benchmarks;

/// <summary>
/// How long a pair committed through replica A takes to be found by a Lookup on replica B (issue 18): pairs written
/// through A, and B asked again every <see cref="PollInterval"/> until an exact match of the pair comes back, or the
/// wait for it runs out. Every wait is bounded, so a replica that never takes up A's commits ends the phase with a
/// count of pairs not found, not a hung benchmark.
/// </summary>
/// <remarks>
/// A delay is taken when the Lookup that found the pair returned: it includes that Lookup, up to the poll interval
/// before it, and the gRPC round trip (about 1 ms on loopback here), so it is an upper bound by that much.
/// </remarks>
internal sealed class ReplicationProbe
{
    /// <summary>Between two Lookups on B for the same pair.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(5);

    // Three pairs in a row that B never found mean that B does not follow A at all (or has stopped): the phase says so
    // and ends instead of waiting out every remaining pair.
    private const int MissesBeforeGivingUp = 3;
    private const int MaxTextsPerLookupBatch = 1_000;
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(5);

    private readonly TranslationMemory.TranslationMemoryClient _writer;
    private readonly TranslationMemory.TranslationMemoryClient _reader;
    private readonly TimeSpan _timeout;
    private readonly Action<string> _log;

    /// <param name="writer">A client of replica A, which takes the writes.</param>
    /// <param name="reader">A client of replica B, which is asked for them.</param>
    /// <param name="timeout">How long B gets to find one pair (or one batch).</param>
    /// <param name="log">Progress lines.</param>
    public ReplicationProbe(TranslationMemory.TranslationMemoryClient writer, TranslationMemory.TranslationMemoryClient reader, TimeSpan timeout, Action<string> log)
    {
        _writer = writer;
        _reader = reader;
        _timeout = timeout;
        _log = log;
    }

    /// <summary>Adds each pair through A with AddSegment, one at a time, and waits until B finds it before adding the next.</summary>
    public async Task<ReplicationDelays> SinglePairsAsync(IReadOnlyList<CatalogPair> pairs)
    {
        var delays = new List<long>(pairs.Count);
        var findingLookups = new List<long>(pairs.Count);
        var acknowledgments = new List<long>(pairs.Count);
        var notFound = 0;
        var missesInARow = 0;
        string? abandoned = null;
        var sent = 0;
        await using (ProgressTicker.Start(ProgressInterval, () => _log($"  {Volatile.Read(ref sent):N0} of {pairs.Count:N0} pairs sent through A")))
        {
            foreach (var pair in pairs)
            {
                var start = Stopwatch.GetTimestamp();
                await _writer.AddSegmentAsync(new AddSegmentRequest { Ko = pair.Korean, En = pair.English, Origin = pair.Catalog }, deadline: DateTime.UtcNow + CallTimeout);
                var acknowledged = Stopwatch.GetTimestamp();
                acknowledgments.Add(acknowledged - start);
                Interlocked.Increment(ref sent);
                if (sent == 1 && !await FindsAsync(_writer, pair))
                {
                    // A finds what it just committed, or the exact-match test below is wrong and every delay with it.
                    abandoned = $"replica A itself did not find the pair it had just stored ('{pair.Korean}'): the benchmark's exact-match test is wrong";
                    break;
                }

                if (await WaitUntilFoundAsync(pair, acknowledged) is { } found)
                {
                    delays.Add(found.At - acknowledged);
                    findingLookups.Add(found.Lookup);
                    missesInARow = 0;
                    continue;
                }
                notFound++;
                if (++missesInARow == MissesBeforeGivingUp)
                {
                    abandoned = $"replica B found none of the last {MissesBeforeGivingUp} pairs within {Units.Seconds(_timeout)} each: it does not take up A's commits; " +
                        $"stopped after {sent:N0} of {pairs.Count:N0} pairs";
                    break;
                }
            }
        }
        if (abandoned is not null)
            _log($"  {abandoned}");
        return new ReplicationDelays(sent, delays, findingLookups, acknowledgments, notFound, _timeout, abandoned);
    }

    /// <summary>
    /// Imports the pairs through A in batches of <paramref name="batchSize"/> (ImportSegments, one transaction each);
    /// after each, asks B for the batch's last pair with single Lookups until found, then checks the whole batch with
    /// LookupBatch until B has found all of it.
    /// </summary>
    /// <remarks>
    /// The last pair first, because a LookupBatch of 500 texts at θ = 100 takes 0.3-0.8 s on this loaded machine (measured at
    /// 2,000 pairs, load average 15): polled alone it would be most of every delay measured.
    /// </remarks>
    /// <returns>One entry per batch sent; fewer than the pairs make when B found nothing of a batch in time (the rest are not sent).</returns>
    public async Task<IReadOnlyList<BatchReplication>> BatchesAsync(IReadOnlyList<CatalogPair> pairs, int batchSize)
    {
        var batches = new List<BatchReplication>();
        foreach (var batch in pairs.Chunk(batchSize))
        {
            var start = Stopwatch.GetTimestamp();
            var response = await SegmentUpload.SendAsync(_writer, batch, "", DateTime.UtcNow + CallTimeout);
            var acknowledged = Stopwatch.GetTimestamp();

            TimeSpan? lastPair = await WaitUntilFoundAsync(batch[^1], acknowledged) is { } found ? Stopwatch.GetElapsedTime(acknowledged, found.At) : null;
            var remaining = batch.ToList();
            var rounds = 0;
            TimeSpan? delay = null;
            while (true)
            {
                rounds++;
                remaining = await NotFoundAsync(_reader, remaining);
                if (remaining.Count == 0)
                {
                    delay = Stopwatch.GetElapsedTime(acknowledged);
                    break;
                }
                if (Stopwatch.GetElapsedTime(acknowledged) > _timeout)
                    break;
                await Task.Delay(PollInterval);
            }
            var result = new BatchReplication(batch.Length, response.PairsStored, Stopwatch.GetElapsedTime(start, acknowledged), lastPair, delay, batch.Length - remaining.Count, rounds);
            batches.Add(result);
            _log($"  batch {batches.Count} of {(pairs.Count + batchSize - 1) / batchSize}: {batch.Length} pairs committed by A in {Units.Seconds(result.Acknowledgment)}; " +
                (lastPair is { } l ? $"its last pair found on B {Units.Duration(l.TotalMicroseconds)} later; " : "") +
                (delay is { } d ? $"all confirmed {Units.Duration(d.TotalMicroseconds)} after A's answer ({rounds} LookupBatch rounds)" : $"B found {result.Found} of them within {Units.Seconds(_timeout)}"));
            if (result.Found == 0)
            {
                _log($"  replica B found nothing of the batch: it does not take up A's commits; the remaining batches are not sent");
                break;
            }
        }
        return batches;
    }

    // Asks B until it finds the pair or the wait runs out; returns when the finding Lookup returned and how long that
    // Lookup took (the part of the delay that is the measurement's own), else null.
    private async Task<(long At, long Lookup)?> WaitUntilFoundAsync(CatalogPair pair, long acknowledged)
    {
        while (true)
        {
            var sent = Stopwatch.GetTimestamp();
            if (await FindsAsync(_reader, pair))
            {
                var at = Stopwatch.GetTimestamp();
                return (at, at - sent);
            }
            if (Stopwatch.GetElapsedTime(acknowledged) > _timeout)
                return null;
            await Task.Delay(PollInterval);
        }
    }

    private static async Task<bool> FindsAsync(TranslationMemory.TranslationMemoryClient client, CatalogPair pair)
    {
        var response = await client.LookupAsync(ExactLookup(pair.Korean), deadline: DateTime.UtcNow + CallTimeout);
        return response.Matches.Any(match => IsThePair(match, pair));
    }

    // The pairs of `pairs` the server does not find yet, asked in LookupBatch calls of up to 1,000 texts (the call's limit).
    private static async Task<List<CatalogPair>> NotFoundAsync(TranslationMemory.TranslationMemoryClient client, List<CatalogPair> pairs)
    {
        var missing = new List<CatalogPair>();
        foreach (var chunk in pairs.Chunk(MaxTextsPerLookupBatch))
        {
            var request = new LookupBatchRequest { SourceLang = "ko", MaxResults = 1, MinScore = 100 };
            request.Texts.AddRange(chunk.Select(pair => pair.Korean));
            var response = await client.LookupBatchAsync(request, deadline: DateTime.UtcNow + CallTimeout);
            for (var i = 0; i < chunk.Length; i++)
            {
                if (!response.Results[i].Matches.Any(match => IsThePair(match, chunk[i])))
                    missing.Add(chunk[i]);
            }
        }
        return missing;
    }

    // Score 100 only: the pair itself, not a near match the memory held before it arrived.
    private static LookupRequest ExactLookup(string korean) => new() { Text = korean, SourceLang = "ko", MaxResults = 1, MinScore = 100 };

    private static bool IsThePair(Match match, CatalogPair pair) => match.Source == pair.Korean && match.Target == pair.English;
}
