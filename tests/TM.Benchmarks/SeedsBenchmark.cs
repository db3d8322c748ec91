using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Grpc.Core;
using Grpc.Net.Client;
using TM.Matching;
using TM.Protos.V1;
using TM.Server.Hosting;
using TM.Server.Memory;
using TM.Storage;

namespace TM.Benchmarks;

/// <summary>
/// Lookup latency as a CAT tool sees it: the real server started in-process on a loopback port with the
/// repository's seeds, called through Grpc.Net.Client, by one client and by several at once; next to
/// it, the in-process cost of the same lookups without the network (catalog) and without SQLite (index).
/// </summary>
internal static class SeedsBenchmark
{
    private const string Command = "seeds";
    private const int WarmupLookups = 300;

    // The server's defaults (RequestLimits): 5 results, score ≥ 50; sent explicitly so the in-process rows match.
    private static readonly MatchOptions Options = new() { MaxResults = 5, MinScore = 50 };

    public static async Task<int> RunAsync(CommandArguments arguments)
    {
        var lookups = arguments.GetInt("lookups", 3_000, min: 100);
        var clientCount = arguments.GetInt("clients", 8, min: 2, max: 256);
        arguments.ThrowIfUnknown();

        var clock = Stopwatch.StartNew();
        void Log(string message) => Console.Error.WriteLine($"[{Command} {clock.Elapsed:mm\\:ss}] {message}");

        var dataDirectory = Directory.CreateTempSubdirectory("tm-bench-seeds-").FullName;
        WebApplication? app = null;
        var channels = new List<GrpcChannel>();
        try
        {
            Log($"starting the server with {RepositoryPaths.Seeds}");
            var startTimestamp = Stopwatch.GetTimestamp();
            // Keeps per-request and start-up logging off stdout, where the tables go (the server's command line takes
            // its own options only; logging reads the ASP.NET Core variables).
            Environment.SetEnvironmentVariable("Logging__LogLevel__Default", "Warning");
            app = await TmServerApp.CreateAsync(
                ["--port", "0", "--host", "127.0.0.1", "--data-dir", dataDirectory, "--seeds-dir", RepositoryPaths.Seeds]);
            await app.StartAsync();
            await TmServerApp.WhenReadyAsync(app);
            var startTime = Stopwatch.GetElapsedTime(startTimestamp);
            var address = TmServerApp.ListeningAddresses(app).Single();

            var catalog = app.Services.GetRequiredService<TranslationMemoryCatalog>();
            var memory = catalog.Find(null) ?? throw new InvalidOperationException("The server has no default memory.");
            var segments = catalog.Store.ReadAll(memory.Info.Id).ToList();
            if (segments.Count == 0)
                throw new InvalidOperationException($"No seed segments were loaded from {RepositoryPaths.Seeds}.");
            var queries = SeedQueries(segments);
            var documents = Directory.GetFiles(RepositoryPaths.Seeds, "*.txt").Length;

            for (var i = 0; i < clientCount; i++)
                channels.Add(GrpcChannel.ForAddress(address));
            var clients = channels.Select(channel => new TranslationMemory.TranslationMemoryClient(channel)).ToArray();
            var stats = await clients[0].GetStatsAsync(new GetStatsRequest());
            var storedPairs = stats.Memories.Sum(m => m.Segments);

            Log($"{segments.Count} seed pairs, {queries.Count} queries; warming up");
            // Every connection is opened and every code path jitted before anything is timed.
            await RunClientsAsync(clients[..1], queries, WarmupLookups);
            await RunClientsAsync(clients, queries, 20);

            Log($"gRPC, 1 client: {lookups:N0} lookups");
            var single = await RunClientsAsync(clients[..1], queries, lookups);
            var perClient = (lookups + clientCount - 1) / clientCount;
            Log($"gRPC, {clientCount} clients: {perClient * clientCount:N0} lookups");
            var concurrent = await RunClientsAsync(clients, queries, perClient);

            Log("in-process: catalog lookup and index search");
            var catalogRun = RunInProcess(queries, lookups, query => catalog.Lookup(memory, query.Text, query.Side, Options).Count);
            var indexRun = RunInProcess(queries, lookups, query => memory.For(query.Side).Search(query.Text, Options).Count);

            var report = new MarkdownReport(Command, "Lookup latency against the seeds — real server, gRPC over loopback");
            report.Paragraph(
                $"The real server (TmServerApp) on {address} with a fresh data directory, started in {Units.Seconds(startTime)} including the import of " +
                $"{documents} seed documents: **{segments.Count} segment pairs loaded** (GetStats: {storedPairs}). {queries.Count} queries derived from them " +
                $"(each Korean and English sentence as is, with a number changed, with a word dropped), cycled; MaxResults 5, MinScore 50. " +
                $"Client and server share the machine's {Environment.ProcessorCount} cores.");

            report.Heading("Latency");
            report.Table(["Path", "Clients", "Lookups", "p50", "p90", "p99", "max", "Throughput"],
            [
                LatencyRow("gRPC Lookup, Grpc.Net.Client over loopback h2c", 1, single.Latency, single.Elapsed),
                LatencyRow("gRPC Lookup, Grpc.Net.Client over loopback h2c", clientCount, concurrent.Latency, concurrent.Elapsed),
                LatencyRow("in-process TranslationMemoryCatalog.Lookup (index + SQLite fetch)", 1, catalogRun.Latency, catalogRun.Elapsed),
                LatencyRow("in-process FuzzyIndex.Search", 1, indexRun.Latency, indexRun.Elapsed),
            ]);
            report.Paragraph(
                $"Throughput is lookups divided by wall time. With {clientCount} clients each has its own channel (its own HTTP/2 connection) and sends its next " +
                "lookup when the previous one returns. The in-process rows run the same queries on the calling thread: the difference to the gRPC rows is " +
                "the cost of the protocol stack (HTTP/2, protobuf, Kestrel, sockets).");

            report.Heading("Queries");
            report.Table(["Lang", "Derived as", "Queries", "With a match ≥ 50", "Mean best score"], QueryRows(queries, memory));
            report.Publish();
            Log("done");
            return 0;
        }
        finally
        {
            foreach (var channel in channels)
                channel.Dispose();
            if (app is not null)
            {
                await app.StopAsync();
                await app.DisposeAsync();
            }
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(dataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind is not worth failing the benchmark for.
            }
        }
    }

    /// <summary>Each seed sentence, Korean and English: as is, with its first number changed, with its middle word dropped.</summary>
    private static List<BenchmarkQuery> SeedQueries(IReadOnlyList<StoredSegment> segments)
    {
        var queries = new List<BenchmarkQuery>();
        for (var i = 0; i < segments.Count; i++)
        {
            foreach (var side in new[] { SegmentSide.Korean, SegmentSide.English })
            {
                var text = side == SegmentSide.Korean ? segments[i].Korean : segments[i].English;
                queries.Add(new BenchmarkQuery(side, text, "as is", i));
                if (ChangeNumber(text) is { } changed)
                    queries.Add(new BenchmarkQuery(side, changed, "number changed", i));
                if (DropWord(text) is { } dropped)
                    queries.Add(new BenchmarkQuery(side, dropped, "word dropped", i));
            }
        }
        return queries;
    }

    /// <summary>1951년 → 1952년: the last digit of the first number moves by one; null when the text has no digit.</summary>
    private static string? ChangeNumber(string text)
    {
        var first = text.AsSpan().IndexOfAnyInRange('0', '9');
        if (first < 0)
            return null;
        var last = first;
        while (last + 1 < text.Length && char.IsAsciiDigit(text[last + 1]))
            last++;
        var chars = text.ToCharArray();
        chars[last] = chars[last] == '9' ? '8' : (char)(chars[last] + 1);
        return new string(chars);
    }

    /// <summary>The text without its middle space-separated word (an eojeol in Korean); null under three words.</summary>
    private static string? DropWord(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 3)
            return null;
        return string.Join(' ', words.Where((_, i) => i != words.Length / 2));
    }

    private static async Task<(LatencyRecorder Latency, TimeSpan Elapsed)> RunClientsAsync(
        TranslationMemory.TranslationMemoryClient[] clients, IReadOnlyList<BenchmarkQuery> queries, int lookupsPerClient)
    {
        var recorders = clients.Select(_ => new LatencyRecorder(lookupsPerClient)).ToArray();
        var start = Stopwatch.GetTimestamp();
        // Clients start at different queries so they do not ask the same thing at the same moment.
        await Task.WhenAll(clients.Select((client, c) => Task.Run(() => RunClientAsync(client, queries, c * 17, lookupsPerClient, recorders[c]))));
        return (LatencyRecorder.Merge(recorders), Stopwatch.GetElapsedTime(start));
    }

    private static async Task RunClientAsync(TranslationMemory.TranslationMemoryClient client, IReadOnlyList<BenchmarkQuery> queries, int offset, int lookups, LatencyRecorder recorder)
    {
        for (var i = 0; i < lookups; i++)
        {
            var query = queries[(offset + i) % queries.Count];
            var request = new LookupRequest { Text = query.Text, SourceLang = query.Language, MaxResults = Options.MaxResults, MinScore = Options.MinScore };
            var start = Stopwatch.GetTimestamp();
            using (var call = client.LookupAsync(request))
                await call.ResponseAsync;
            recorder.RecordSince(start);
        }
    }

    private static (LatencyRecorder Latency, TimeSpan Elapsed) RunInProcess(IReadOnlyList<BenchmarkQuery> queries, int lookups, Func<BenchmarkQuery, int> lookup)
    {
        for (var i = 0; i < Math.Min(WarmupLookups, lookups); i++)
            lookup(queries[i % queries.Count]);
        var recorder = new LatencyRecorder(lookups);
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < lookups; i++)
        {
            var start = Stopwatch.GetTimestamp();
            lookup(queries[i % queries.Count]);
            recorder.RecordSince(start);
        }
        return (recorder, Stopwatch.GetElapsedTime(started));
    }

    private static string[] LatencyRow(string path, int clients, LatencyRecorder recorder, TimeSpan elapsed)
    {
        var p = recorder.Summarize();
        return
        [
            path, clients.ToString(System.Globalization.CultureInfo.InvariantCulture), Units.Count(p.Count),
            Units.Duration(p.P50), Units.Duration(p.P90), Units.Duration(p.P99), Units.Duration(p.Max), Units.PerSecond(p.Count / elapsed.TotalSeconds),
        ];
    }

    private static IEnumerable<string[]> QueryRows(IReadOnlyList<BenchmarkQuery> queries, MemoryIndex memory)
    {
        foreach (var group in queries.GroupBy(query => (query.Language, query.Category)))
        {
            var best = group.Select(query => memory.For(query.Side).Search(query.Text, Options)).Where(hits => hits.Count > 0).Select(hits => hits[0].Score).ToList();
            yield return
            [
                group.Key.Language, group.Key.Category, Units.Count(group.Count()), Units.Fraction(best.Count, group.Count()),
                best.Count == 0 ? "—" : best.Average().ToString("0.0", System.Globalization.CultureInfo.InvariantCulture),
            ];
        }
    }
}
