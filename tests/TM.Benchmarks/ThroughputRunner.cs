using System.Diagnostics;
using Grpc.Core;
using TM.Protos.V1;

namespace TM.Benchmarks;

/// <summary>
/// Closed-loop load over gRPC: N callers, each sending a Lookup, waiting for the answer and sending the next, for a
/// fixed time; callers share a few channels (HTTP/2 connections) the way the threads of a CAT tool or of a web
/// front-end would. Latency is what the caller sees: serialisation, HTTP/2, the server's work, and the queueing
/// behind other callers.
/// </summary>
/// <remarks>
/// Queries are cycled in a fixed shuffled order, so that any stretch of a run mixes languages and categories as the
/// whole set does (the set lists Korean first: a slow run would otherwise measure only its head); caller c starts at
/// a different offset so that callers do not ask the same thing at the same moment.
/// </remarks>
internal sealed class ThroughputRunner
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    private readonly TranslationMemory.TranslationMemoryClient[] _clients;
    private readonly IReadOnlyList<BenchmarkQuery> _queries;
    private readonly string _memory;
    private readonly int _maxResults;
    private readonly double _minScore;
    private readonly Func<TimeSpan> _serverCpu;
    private readonly int[] _order;

    /// <param name="clients">One client per channel.</param>
    /// <param name="queries">The queries.</param>
    /// <param name="memory">The memory to search; empty for the default one.</param>
    /// <param name="maxResults">k.</param>
    /// <param name="minScore">θ.</param>
    /// <param name="serverCpu">Reads the server's CPU time, to report what a run cost it.</param>
    public ThroughputRunner(
        TranslationMemory.TranslationMemoryClient[] clients, IReadOnlyList<BenchmarkQuery> queries, string memory, int maxResults, double minScore, Func<TimeSpan> serverCpu)
    {
        ArgumentOutOfRangeException.ThrowIfZero(clients.Length);
        ArgumentOutOfRangeException.ThrowIfZero(queries.Count);
        _clients = clients;
        _queries = queries;
        _memory = memory;
        _maxResults = maxResults;
        _minScore = minScore;
        _serverCpu = serverCpu;
        _order = [.. Enumerable.Range(0, queries.Count)];
        new Random(queries.Count).Shuffle(_order);
    }

    /// <summary>Runs <paramref name="callers"/> callers for <paramref name="duration"/>.</summary>
    public async Task<LookupRun> RunAsync(int callers, TimeSpan duration)
    {
        var channels = Math.Min(callers, _clients.Length);
        var outcomes = new Outcomes[callers];
        var cpu = (Server: _serverCpu(), Client: ClientCpu());
        var start = Stopwatch.GetTimestamp();
        var end = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);

        await Task.WhenAll(Enumerable.Range(0, callers).Select(c => Task.Run(async () =>
        {
            var client = _clients[c % channels];
            var mine = outcomes[c] = new Outcomes();
            // Offsets spread by a prime, so that callers walk the query list out of step.
            var position = c * 7919 % _order.Length;
            while (Stopwatch.GetTimestamp() < end)
            {
                await LookupAsync(client, _order[position], mine);
                position = (position + 1) % _order.Length;
            }
        })));

        return Finish(callers, channels, start, cpu, outcomes);
    }

    /// <summary>
    /// Sends every query once, in the set's order, from one caller: the per-query latency table, with every query in
    /// it however slow some are. <paramref name="inspect"/> sees each answer with its query's index.
    /// </summary>
    public async Task<LookupRun> RunEachOnceAsync(Action<int, LookupResponse>? inspect = null)
    {
        var outcomes = new Outcomes();
        var cpu = (Server: _serverCpu(), Client: ClientCpu());
        var start = Stopwatch.GetTimestamp();
        for (var index = 0; index < _queries.Count; index++)
        {
            if (await LookupAsync(_clients[0], index, outcomes) is { } response)
                inspect?.Invoke(index, response);
        }
        return Finish(1, 1, start, cpu, [outcomes]);
    }

    private async Task<LookupResponse?> LookupAsync(TranslationMemory.TranslationMemoryClient client, int index, Outcomes outcomes)
    {
        var query = _queries[index];
        var request = new LookupRequest { Memory = _memory, Text = query.Text, SourceLang = query.Language, MaxResults = _maxResults, MinScore = _minScore };
        var sent = Stopwatch.GetTimestamp();
        try
        {
            var response = await client.LookupAsync(request, deadline: DateTime.UtcNow + CallTimeout);
            outcomes.Samples.Add(new LookupSample(index, Stopwatch.GetTimestamp() - sent, response.Matches.Count));
            return response;
        }
        catch (RpcException e)
        {
            // Counted and reported, never hidden: a benchmark that drops its failures reports a fantasy.
            outcomes.Errors++;
            outcomes.FirstError ??= $"{e.StatusCode}: {e.Status.Detail} (query: {query.Text})";
            return null;
        }
    }

    private LookupRun Finish(int callers, int channels, long start, (TimeSpan Server, TimeSpan Client) cpu, Outcomes[] outcomes) => new(
        callers, channels, Stopwatch.GetElapsedTime(start), [.. outcomes.SelectMany(o => o.Samples)], outcomes.Sum(o => o.Errors),
        outcomes.Select(o => o.FirstError).FirstOrDefault(error => error is not null), _serverCpu() - cpu.Server, ClientCpu() - cpu.Client);

    private static TimeSpan ClientCpu() => Process.GetCurrentProcess().TotalProcessorTime;

    // One caller's results: written by that caller only, read after all have finished.
    private sealed class Outcomes
    {
        public List<LookupSample> Samples { get; } = new(4096);

        public int Errors { get; set; }

        public string? FirstError { get; set; }
    }
}
