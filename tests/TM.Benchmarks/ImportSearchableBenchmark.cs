using System.Diagnostics;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using TM.Protos.V1;
using TM.Storage;

namespace TM.Benchmarks;

/// <summary>
/// <c>import-searchable</c>: the real server as a child process takes a synthetic TMX file through <c>ImportFile</c>,
/// and the clock runs from the first byte sent until every pair is searchable — by Lookup and by Concordance
/// (<c>concordance_pending</c> 0 in GetStats). It only uses the public API, so the same file measures a server of
/// any version (the issue 13 before/after figures come from running it on both). With <c>--rebuild 1</c> (the default) it
/// then deletes the search index and measures how long a start takes to rebuild it from the database.
/// </summary>
internal static class ImportSearchableBenchmark
{
    private const string Command = "import-searchable";
    private const int ChunkSize = 64 * 1024;
    private const int TermsPerKind = 200;
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromMinutes(2);

    public static async Task<int> RunAsync(CommandArguments arguments)
    {
        var segments = arguments.GetInt("segments", 1_000_000, min: 1_000);
        var seed = arguments.GetInt("seed", 20240601);
        var startTimeout = TimeSpan.FromSeconds(arguments.GetInt("start-timeout", 600, min: 10));
        var rebuild = arguments.GetInt("rebuild", 1, min: 0, max: 1) == 1;
        arguments.ThrowIfUnknown();

        var clock = Stopwatch.StartNew();
        void Log(string message) => Console.Error.WriteLine($"[{Command} {clock.Elapsed:mm\\:ss}] {message}");
        var report = new MarkdownReport($"{Command}-{segments}", $"ImportFile of {segments:N0} synthetic pairs: first byte to everything searchable");
        var dataDirectory = Directory.CreateTempSubdirectory("tm-bench-searchable-").FullName;
        ServerProcess? server = null;
        try
        {
            var dataset = SyntheticTmxDataset.Prepare(segments, seed, Log);
            server = ServerProcess.Start(dataDirectory);
            using var channel = GrpcChannel.ForAddress(server.Address);
            var client = new TranslationMemory.TranslationMemoryClient(channel);
            await LookupProbe.WaitForAnswerAsync(server, client, dataset.Queries[0], startTimeout, Log);

            Log($"importing {Units.Bytes(dataset.TmxBytes)} of TMX ({dataset.Segments:N0} units) with ImportFile into memory 'bench'");
            var cpuBefore = server.CpuTime;
            var start = Stopwatch.GetTimestamp();
            var final = await ImportFileAsync(client, dataset.TmxPath, Log, start);
            var imported = Stopwatch.GetElapsedTime(start);
            Log($"ImportFile completed after {Units.Seconds(imported)}: {final.UnitsCommitted:N0} units committed, {final.PairsStored:N0} stored");

            long pending;
            var polls = 0;
            while (true)
            {
                var stats = await client.GetStatsAsync(new GetStatsRequest { Memory = "bench" });
                pending = stats.Memories.Sum(m => m.ConcordancePending);
                polls++;
                if (pending == 0)
                    break;
                if (polls % 15 == 1)
                    Log($"  concordance pending: {pending:N0} segments, {Units.Seconds(Stopwatch.GetElapsedTime(start))} since the first byte");
                await Task.Delay(PollInterval);
            }
            var searchable = Stopwatch.GetElapsedTime(start);
            var cpu = server.CpuTime - cpuBefore;
            Log($"everything searchable after {Units.Seconds(searchable)} (server CPU {Units.Seconds(cpu)})");

            // A term of the file's last unit, found at once: the concordance answers from what it has indexed.
            var probe = await client.ConcordanceAsync(new ConcordanceRequest { Memory = "bench", Term = "armistice", Lang = "en", MaxResults = 1 });
            // Searches over the index as the import left it (its segments are made by the follower's reopens and
            // commits, and merged in the background), through the real server: the round trip is in the figures.
            Log($"timing concordance over the imported index ({TermsPerKind} terms per kind)");
            var random = new Random(seed);
            var korean = dataset.Queries.Where(query => query.Side == SegmentSide.Korean).Select(query => query.Text).ToList();
            var english = dataset.Queries.Where(query => query.Side == SegmentSide.English).Select(query => query.Text).ToList();
            List<(string Kind, List<string> Terms, string Language)> TermSets()
            {
                var sets = new List<(string Kind, List<string> Terms, string Language)>();
                foreach (var syllables in (int[])[2, 3, 4])
                    sets.Add(($"Korean, {syllables} syllables", ConcordanceTerms.Korean(korean, korean.Count, syllables, TermsPerKind, random), "ko"));
                sets.Add(("English word", ConcordanceTerms.English(english, english.Count, 1, TermsPerKind, random), "en"));
                return sets;
            }
            var searches = new List<(string Kind, Percentiles Latency)>();
            foreach (var (kind, terms, language) in TermSets())
                searches.Add(($"right after: {kind}", await TimeConcordanceAsync(client, terms, language)));
            // Other terms of the same kinds once the server has finished what the import left it (background merges,
            // the fuzzy index's snapshot): the difference between the two sets is what that work costs a search. New
            // terms, so that the second set does not find the first one's postings and texts in the page cache.
            var idle = await WaitForIdleAsync(server, IdleTimeout);
            Log(idle is { } waited ? $"server idle after {Units.Seconds(waited)}; timing other terms" : $"server still busy after {Units.Seconds(IdleTimeout)}; timing other terms");
            foreach (var (kind, terms, language) in TermSets())
                searches.Add(($"server idle: {kind}", await TimeConcordanceAsync(client, terms, language)));
            var stop = await server.StopAsync(StopTimeout);
            var files = Directory.GetFiles(dataDirectory, "*", SearchOption.AllDirectories);
            long Bytes(Func<string, bool> which) => files.Where(which).Sum(path => new FileInfo(path).Length);
            var searchDirectory = Path.Combine(dataDirectory, "tm.db-lucene");
            // Measured now: the rebuild below replaces the index's files.
            var databaseBytes = Bytes(path => Path.GetFileName(path) is "tm.db" or "tm.db-wal");
            var searchBytes = Directory.Exists(searchDirectory) ? Units.Bytes(Bytes(path => path.StartsWith(searchDirectory, StringComparison.Ordinal))) : "none";

            (TimeSpan Answered, string? Log)? rebuilt = null;
            if (rebuild && Directory.Exists(searchDirectory))
            {
                server.Dispose();
                Log("deleting tm.db-lucene/ and starting the server again: it rebuilds the search index from the database");
                Directory.Delete(searchDirectory, recursive: true);
                server = ServerProcess.Start(dataDirectory);
                rebuilt = await RebuildAsync(server, startTimeout, Log);
                await server.StopAsync(StopTimeout);
            }

            report.Heading("Result");
            report.Table(["Figure", "Value"],
            [
                ["Units in the file", Units.Count(dataset.Segments)],
                ["Pairs stored", Units.Count(final.PairsStored)],
                ["First byte → ImportFile completed", Units.Seconds(imported)],
                ["Import rate", Units.PerSecond(final.UnitsCommitted / imported.TotalSeconds)],
                ["Concordance pending when ImportFile completed", pending == 0 && polls == 1 ? "0" : "> 0 (see the next line)"],
                ["First byte → everything searchable (concordance_pending 0)", Units.Seconds(searchable)],
                ["Server CPU from the first byte to searchable", Units.Seconds(cpu)],
                ["Concordance \"armistice\" (en) total right after", Units.Count(probe.Total)],
                ["Server idle (under 5% of a core over 2 s) after the first searches", idle is { } wait ? $"after {Units.Seconds(wait)}" : $"not within {Units.Seconds(IdleTimeout)}"],
                .. searches.Select(search => (string[])[$"Concordance over the imported index, gRPC round trip, p50 / p99, {search.Kind}",
                    $"{Units.Duration(search.Latency.P50)} / {Units.Duration(search.Latency.P99)}"]),
                ["Database file (tm.db, after a clean stop)", Units.Bytes(databaseBytes)],
                ["Search index (tm.db-lucene/)", searchBytes],
                ["Clean stop", $"{Units.Seconds(stop.Elapsed)}, exit code {stop.ExitCode}"],
                ["Search index rebuilt at start (tm.db-lucene/ deleted): first Concordance answered after the process started",
                    rebuilt is { } r ? $"{Units.Seconds(r.Answered)}{(r.Log is null ? "" : $" (server: \"{r.Log}\")")}" : "not measured"],
            ]);
            report.Paragraph("Wall-clock figures move with the machine's load (the load average at the start is in the machine table). " +
                "GetStats is polled once a second after ImportFile completes, so \"everything searchable\" is known to a second.");
            report.Publish();
            return 0;
        }
        catch (Exception e) when (ServerBenchmarkFailure.IsExpected(e))
        {
            return ServerBenchmarkFailure.Report(e, server, Log);
        }
        finally
        {
            ServerBenchmarkFailure.CleanUp(server, dataDirectory, Log);
        }
    }

    // Waits until the server uses less than 5% of a core over two seconds; null if it never does within `timeout`.
    private static async Task<TimeSpan?> WaitForIdleAsync(ServerProcess server, TimeSpan timeout)
    {
        var start = Stopwatch.GetTimestamp();
        var window = TimeSpan.FromSeconds(2);
        while (Stopwatch.GetElapsedTime(start) < timeout)
        {
            var before = server.CpuTime;
            await Task.Delay(window);
            if (server.CpuTime - before < window * 0.05)
                return Stopwatch.GetElapsedTime(start);
        }
        return null;
    }

    // One call per term, one after another, after 20 unmeasured ones (JIT, page cache).
    private static async Task<Percentiles> TimeConcordanceAsync(TranslationMemory.TranslationMemoryClient client, List<string> terms, string language)
    {
        ConcordanceRequest Request(string term) => new() { Memory = "bench", Term = term, Lang = language, MaxResults = 20 };
        foreach (var term in terms.Take(20))
            await client.ConcordanceAsync(Request(term));
        var recorder = new LatencyRecorder(terms.Count);
        foreach (var term in terms)
        {
            var start = Stopwatch.GetTimestamp();
            await client.ConcordanceAsync(Request(term));
            recorder.RecordSince(start);
        }
        return recorder.Summarize();
    }

    // Concordance answers UNAVAILABLE until the search index has caught up with the database; lookups work meanwhile.
    private static async Task<(TimeSpan, string?)> RebuildAsync(ServerProcess server, TimeSpan timeout, Action<string> log)
    {
        using var channel = GrpcChannel.ForAddress(server.Address);
        var client = new TranslationMemory.TranslationMemoryClient(channel);
        var request = new ConcordanceRequest { Memory = "bench", Term = "armistice", Lang = "en", MaxResults = 1 };
        var lastLog = Stopwatch.GetTimestamp();
        while (true)
        {
            try
            {
                await client.ConcordanceAsync(request, deadline: DateTime.UtcNow + TimeSpan.FromSeconds(30));
                var answered = Stopwatch.GetElapsedTime(server.StartTimestamp);
                log($"concordance answered {Units.Seconds(answered)} after the process started");
                return (answered, server.FindOutput("Search index caught up")?.Line);
            }
            catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded)
            {
                if (Stopwatch.GetElapsedTime(server.StartTimestamp) > timeout)
                    throw new InvalidOperationException($"the search index was not rebuilt within {timeout.TotalSeconds:N0} s: {e.Status.Detail}");
                if (Stopwatch.GetElapsedTime(lastLog) > TimeSpan.FromSeconds(10))
                {
                    lastLog = Stopwatch.GetTimestamp();
                    log($"  {e.Status.Detail}");
                }
                await Task.Delay(TimeSpan.FromMilliseconds(250));
            }
        }
    }

    // As the tm client sends a file: 64 KB chunks, the first with the header fields; the progress stream is read as it
    // comes, and its last message says the import completed.
    private static async Task<ImportProgress> ImportFileAsync(TranslationMemory.TranslationMemoryClient client, string path, Action<string> log, long start)
    {
        using var call = client.ImportFile(deadline: DateTime.UtcNow + TimeSpan.FromHours(6));
        var reading = Task.Run(async () =>
        {
            ImportProgress? last = null;
            var lastLog = Stopwatch.GetTimestamp();
            await foreach (var progress in call.ResponseStream.ReadAllAsync())
            {
                last = progress;
                if (Stopwatch.GetElapsedTime(lastLog) > TimeSpan.FromSeconds(10))
                {
                    lastLog = Stopwatch.GetTimestamp();
                    log($"  import: {progress.UnitsCommitted:N0} units committed after {Units.Seconds(Stopwatch.GetElapsedTime(start))}");
                }
            }
            return last ?? throw new InvalidOperationException("ImportFile answered nothing.");
        });
        await using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, useAsync: true))
        {
            var buffer = new byte[ChunkSize];
            var first = true;
            int read;
            while ((read = await file.ReadAsync(buffer)) > 0)
            {
                var message = new ImportFileRequest { Chunk = ByteString.CopyFrom(buffer, 0, read) };
                if (first)
                {
                    message.Memory = "bench";
                    message.FileName = Path.GetFileName(path);
                    message.TotalBytes = file.Length;
                    first = false;
                }
                await call.RequestStream.WriteAsync(message);
            }
        }
        await call.RequestStream.CompleteAsync();
        return await reading;
    }
}
