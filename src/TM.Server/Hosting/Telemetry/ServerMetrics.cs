using System.Diagnostics.Metrics;
using Grpc.Core;
using TM.Storage;

namespace TM.Server.Hosting.Telemetry;

/// <summary>
/// The server's own instruments, on one <see cref="Meter"/> named <see cref="MeterName"/>: every call's duration and
/// final status, each index search, concordance search and committed import batch. Created once per server; the
/// record methods are called on the hot paths and allocate nothing.
/// </summary>
/// <remarks>
/// <para>
/// Instruments only cost something while a listener is attached (the OpenTelemetry SDK, when the server has
/// <c>--metrics-port</c>); without one each record is an early return. With the SDK listening, recording a call's
/// duration costs 0.10 µs and a lookup's two records 0.16 µs, and nothing is allocated (tests/TM.Benchmarks
/// <c>telemetry</c>, results/telemetry.md; a lookup costs ~150 µs of server CPU).
/// </para>
/// <para>
/// Tag values are strings the server already holds (the memory's name, a method name cached per method, constant
/// status and language names), so no measurement boxes or formats anything. Memory names are the only open-ended
/// tag: memories are few and made by importing into them, which the deployment controls.
/// </para>
/// </remarks>
public sealed class ServerMetrics
{
    /// <summary>The name of the server's <see cref="Meter"/>, which a metrics listener subscribes to.</summary>
    public const string MeterName = "TM.Server";

    // Seconds. Lookups take 0.15-3 ms of server time and imports minutes, so the buckets span 0.1 ms to 5 min,
    // about three per decade; the SDK's default boundaries (0 to 10,000) are meant for milliseconds.
    private static readonly IReadOnlyList<double> CallBuckets =
        [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300];

    // The index search alone: 0.05-2.5 ms at a million segments (README, scale), seconds only if something is wrong.
    private static readonly IReadOnlyList<double> SearchBuckets =
        [0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1];

    // Matches per lookup: 5 by default, at most RequestLimits.MaxLookupResults (100); 0 is worth its own bucket.
    private static readonly IReadOnlyList<int> MatchBuckets = [0, 1, 2, 3, 5, 10, 20, 50, 100];

    private readonly Histogram<double> _callDuration;
    private readonly Histogram<double> _searchDuration;
    private readonly Histogram<int> _matches;
    private readonly Histogram<double> _concordanceDuration;
    private readonly Counter<long> _importUnits;
    private readonly Counter<long> _importPairs;
    private readonly Counter<long> _importBatches;

    /// <summary>Creates the meter through the server's factory, so it belongs to this server (and tests can run several).</summary>
    /// <param name="meterFactory">The host's meter factory.</param>
    public ServerMetrics(IMeterFactory meterFactory)
    {
        Meter = meterFactory.Create(MeterName);
        // The name and unit follow OpenTelemetry's RPC conventions, so dashboards made for them work unchanged.
        _callDuration = Meter.CreateHistogram("rpc.server.call.duration", "s",
            "Duration of each gRPC or HTTP/JSON call the server answered, by method and final gRPC status.",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = CallBuckets });
        _searchDuration = Meter.CreateHistogram("tm.lookup.duration", "s",
            "Duration of the fuzzy index search of each lookup (without the store read of its hits), by memory and query language.",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SearchBuckets });
        _matches = Meter.CreateHistogram("tm.lookup.matches", "{match}",
            "Matches the index search of each lookup found, by memory and query language.",
            tags: null, advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = MatchBuckets });
        _concordanceDuration = Meter.CreateHistogram("tm.concordance.duration", "s",
            "Duration of each concordance search, by memory.",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = CallBuckets });
        _importUnits = Meter.CreateCounter<long>("tm.import.units", "{unit}",
            "Units committed by imports (a file's translation units, or the pairs of a stream or a document), by memory and import kind.");
        _importPairs = Meter.CreateCounter<long>("tm.import.pairs", "{pair}",
            "Pairs committed by imports, by memory, import kind and outcome (stored, duplicate, updated, kept_existing).");
        _importBatches = Meter.CreateCounter<long>("tm.import.batches", "{batch}",
            "Import transactions committed, by memory and import kind.");
    }

    /// <summary>The meter every instrument of the server is on (the catalog's gauges too).</summary>
    public Meter Meter { get; }

    /// <summary>Records a call that ended with <paramref name="status"/> after <paramref name="elapsed"/>.</summary>
    /// <param name="method">The method as <c>package.Service/Method</c> (the gRPC path without its leading slash).</param>
    /// <param name="status">The status the client was answered with.</param>
    /// <param name="elapsed">From the call entering the interceptors to its handler's end (streams included).</param>
    public void CallEnded(string method, StatusCode status, TimeSpan elapsed) =>
        _callDuration.Record(elapsed.TotalSeconds,
            new KeyValuePair<string, object?>("rpc.method", method),
            new KeyValuePair<string, object?>("rpc.response.status_code", GrpcStatusNames.Of(status)));

    /// <summary>Records one fuzzy index search and the matches it found (before the store drops any removed since).</summary>
    public void IndexSearched(string memory, SegmentSide side, TimeSpan elapsed, int matches)
    {
        var lang = side == SegmentSide.Korean ? "ko" : "en";
        _searchDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("lang", lang), new KeyValuePair<string, object?>("memory", memory));
        _matches.Record(matches, new KeyValuePair<string, object?>("lang", lang), new KeyValuePair<string, object?>("memory", memory));
    }

    /// <summary>Records one concordance search.</summary>
    public void ConcordanceSearched(string memory, TimeSpan elapsed) =>
        _concordanceDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("memory", memory));

    /// <summary>Records one committed import transaction: its units, and its pairs by outcome.</summary>
    /// <param name="memory">The memory written to.</param>
    /// <param name="kind">The import's kind.</param>
    /// <param name="units">Units the transaction moved the import past (for a file, skipped units too).</param>
    /// <param name="outcome">What the store did with the transaction's pairs.</param>
    public void BatchCommitted(string memory, ImportKind kind, long units, ImportOutcome outcome)
    {
        var kindName = StoredNames.Of(kind);
        var memoryTag = new KeyValuePair<string, object?>("memory", memory);
        var kindTag = new KeyValuePair<string, object?>("kind", kindName);
        _importBatches.Add(1, kindTag, memoryTag);
        _importUnits.Add(units, kindTag, memoryTag);
        AddPairs(outcome.Added.Count, "stored");
        AddPairs(outcome.SkippedDuplicates, "duplicate");
        AddPairs(outcome.Overwritten, "updated");
        AddPairs(outcome.KeptExisting, "kept_existing");

        void AddPairs(long count, string what)
        {
            if (count > 0)
                _importPairs.Add(count, kindTag, memoryTag, new KeyValuePair<string, object?>("outcome", what));
        }
    }
}
