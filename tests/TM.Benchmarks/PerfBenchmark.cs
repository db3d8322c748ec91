using System.Diagnostics;
using Grpc.Core;
using Grpc.Net.Client;
using TM.Protos.V1;
using TM.Storage;

namespace TM.Benchmarks;

/// <summary>
/// The end-to-end figures of issues 4 and 5, measured on the real server process (<see cref="ServerProcess"/>) over
/// gRPC on loopback: bulk import of a synthetic TMX file (rate, server memory high-water mark), cold start over the
/// imported memory (time to the first answered Lookup, RSS per segment), lookup throughput and latency with 1 to 64
/// concurrent callers, and the same on a real corpus nobody here wrote (Debian's LibreOffice Korean catalogs).
/// </summary>
/// <remarks>
/// In-process latency and exactness against brute force belong to <c>scale</c>, which uses the same corpus and queries.
/// </remarks>
internal static class PerfBenchmark
{
    private const string Command = "perf";
    private const string CatalogMemory = "libreoffice";
    internal const int K = 5;
    internal const double Theta = 50;
    // A second threshold for context, not for a bar: 70 % is the default minimum match of common CAT tools (Trados).
    private const double ContextTheta = 70;
    internal const int Channels = 4;
    private const int CatalogQueriesPerRate = 100;

    internal static readonly int[] CallerCounts = [1, 4, 16, 64];
    private static readonly TimeSpan RssInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(3);
    internal static readonly TimeSpan StopTimeout = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan BacklogTimeout = TimeSpan.FromMinutes(20);

    public static async Task<int> RunAsync(CommandArguments arguments)
    {
        var store = arguments.GetString("store", "sqlite");
        if (store != "sqlite")
            return await PostgresPerfBenchmark.RunAsync(arguments, PerfOptions.Read(arguments), store);
        var (segments, seed, seconds, startTimeout, keepData) = PerfOptions.Read(arguments);
        var withCatalogs = arguments.GetInt("libreoffice", 1, min: 0, max: 1) == 1;
        arguments.ThrowIfUnknown();

        var clock = Stopwatch.StartNew();
        void Log(string message) => Console.Error.WriteLine($"[{Command} {clock.Elapsed:mm\\:ss}] {message}");

        // The report's machine table is taken now: the load average before this benchmark adds its own.
        var loadAtStart = MachineInfo.OneMinuteLoad();
        var report = new MarkdownReport($"{Command}-{segments}", $"End to end on the real server — {segments:N0} synthetic segments");
        var dataDirectory = Directory.CreateTempSubdirectory("tm-bench-perf-").FullName;
        ServerProcess? server = null;
        try
        {
            var dataset = SyntheticTmxDataset.Prepare(segments, seed, Log);
            // Fetched before the long import, so that a missing package fails the run at once.
            var catalogs = withCatalogs ? LibreOfficeCorpus.Fetch(Log) : null;

            Log($"server data directory: {dataDirectory}");
            server = ServerProcess.Start(dataDirectory);
            var import = await ImportAsync(server, dataset, startTimeout, Log);

            Log($"stopping the server (SIGTERM; it saves its index snapshot) and starting it again over the imported memory");
            var stop = await server.StopAsync(StopTimeout);
            // Saved at shutdown, or before it by the server's own check once the import had ended.
            var snapshotSaved = server.FindOutput("Index snapshot of memory")?.Line;
            server.Dispose();
            var databaseBytes = DatabaseBytes(dataDirectory);
            var snapshotBytes = SnapshotBytes(dataDirectory);

            // First without the snapshot (what a start after a crash during an import pays), then with it.
            server = ServerProcess.Start(dataDirectory, "--index-snapshots", "false");
            var (rebuildStart, _) = await ColdStartAsync(server, dataset, startTimeout, Log);
            var rebuildLog = server.FindOutput("indexed in");
            Log($"cold start rebuilding the index from the database: first Lookup answered {Units.Seconds(rebuildStart)} after process start");
            await server.StopAsync(StopTimeout);
            server.Dispose();

            server = ServerProcess.Start(dataDirectory);
            var (coldStart, rssAfterLoad) = await ColdStartAsync(server, dataset, startTimeout, Log);
            var restart = new RestartMeasurement(
                stop.Elapsed, stop.ExitCode, stop.Killed, databaseBytes, snapshotBytes, snapshotSaved, coldStart, server.FindOutput("indexed in"), server.FindOutput("listening on")?.At, rssAfterLoad,
                rebuildStart, rebuildLog);
            Log($"cold start from the snapshot: first Lookup answered {Units.Seconds(coldStart)} after process start; RSS {Units.Bytes(rssAfterLoad)}");

            var backlogWait = await WaitForConcordanceAsync(server, Log);

            var channels = Enumerable.Range(0, Channels).Select(_ => GrpcChannel.ForAddress(server.Address)).ToList();
            try
            {
                var clients = channels.Select(channel => new TranslationMemory.TranslationMemoryClient(channel)).ToArray();
                var (byQuery, runs, contextRun) = await ThroughputAsync(server, clients, dataset.Queries, TimeSpan.FromSeconds(seconds), Log);
                var rssAfterRuns = ProcessMemory.Read(server.Id)?.Rss ?? -1;
                var catalog = catalogs is null ? null : await CatalogAsync(server, clients, catalogs, seed, Log);

                Log("stopping the server");
                var finalStop = await server.StopAsync(StopTimeout);
                if (finalStop.Killed || finalStop.ExitCode != 0)
                    Log($"the server did not stop cleanly: exit code {finalStop.ExitCode}{(finalStop.Killed ? ", killed after a minute" : "")}");

                PerfReport.Fill(report, dataset, import, restart, backlogWait, byQuery, runs, (ContextTheta, contextRun), rssAfterRuns, catalog, seconds, K, Theta, (loadAtStart, MachineInfo.OneMinuteLoad()));
                report.Publish();
            }
            finally
            {
                foreach (var channel in channels)
                    channel.Dispose();
            }
            Log("done");
            return 0;
        }
        catch (RpcException e)
        {
            Log($"failed: the server answered {e.StatusCode}: {e.Status.Detail}");
            if (server is not null)
                Log($"the server's last output:{Environment.NewLine}{server.Tail()}");
            return 1;
        }
        catch (InvalidOperationException e)
        {
            // The fetch script failed, or the server exited or did not answer in time; the message says which, with the server's output.
            Log($"failed: {e.Message}");
            return 1;
        }
        finally
        {
            server?.Dispose();
            if (keepData)
                Log($"kept {dataDirectory}");
            else
                DeleteQuietly(dataDirectory);
        }
    }

    internal static async Task<ImportMeasurement> ImportAsync(ServerProcess server, SyntheticTmxDataset dataset, TimeSpan startTimeout, Action<string> log)
    {
        using var channel = GrpcChannel.ForAddress(server.Address);
        var client = new TranslationMemory.TranslationMemoryClient(channel);
        var firstStart = await LookupProbe.WaitForAnswerAsync(server, client, dataset.Queries[0], startTimeout, log);
        var emptyRss = ProcessMemory.Read(server.Id)?.Rss ?? -1;
        log($"empty server answering after {Units.Seconds(firstStart)} (RSS {Units.Bytes(emptyRss)}); importing {Units.Bytes(dataset.TmxBytes)} of TMX ({dataset.Segments:N0} units) with ImportTmx");

        var upload = new TmxUpload();
        await using var sampler = RssSampler.Start(server.Id, RssInterval);
        var cpuBefore = server.CpuTime;
        var start = Stopwatch.GetTimestamp();
        ImportTmxResponse response;
        await using (ProgressTicker.Start(ProgressInterval, () =>
        {
            var elapsed = Stopwatch.GetElapsedTime(start);
            var sent = upload.BytesSent;
            log($"  import: {Units.Bytes(sent)} of {Units.Bytes(dataset.TmxBytes)} sent ({(double)sent / dataset.TmxBytes:P0}) in {Units.Seconds(elapsed)}, " +
                $"about {dataset.Segments * (double)sent / dataset.TmxBytes / elapsed.TotalSeconds:N0} units/s; server RSS {Units.Bytes(sampler.LastRss)}, peak {Units.Bytes(sampler.PeakRss)}");
        }))
        {
            // Generous: the point is to measure a slow import, not to give up on it; progress lines show it moving.
            response = await upload.SendAsync(client, dataset.TmxPath, "", DateTime.UtcNow + TimeSpan.FromHours(6));
        }
        var elapsedImport = Stopwatch.GetElapsedTime(start);
        var cpu = server.CpuTime - cpuBefore;
        var memory = await sampler.StopAsync();
        var stats = await client.GetStatsAsync(new GetStatsRequest(), deadline: DateTime.UtcNow + TimeSpan.FromMinutes(1));
        var stored = stats.Memories.Sum(m => m.Segments);
        var import = new ImportMeasurement(response, dataset.TmxBytes, elapsedImport, firstStart, emptyRss, memory.PeakRss, memory.HighWaterMark, memory.Samples, cpu, stored);
        log($"imported {response.UnitsRead:N0} units ({response.PairsStored:N0} stored, {response.BatchesCommitted:N0} batches) in {Units.Seconds(elapsedImport)}: " +
            $"{import.UnitsPerSecond:N0} units/s; peak RSS {Units.Bytes(memory.PeakRss)}, VmHWM {Units.Bytes(memory.HighWaterMark)}");
        if (response.UnitsRead != dataset.Segments)
            log($"  note: the file holds {dataset.Segments:N0} units, the server read {response.UnitsRead:N0}");
        return import;
    }

    private static async Task<(LookupRun ByQuery, IReadOnlyList<LookupRun> Runs, LookupRun ContextRun)> ThroughputAsync(
        ServerProcess server, TranslationMemory.TranslationMemoryClient[] clients, IReadOnlyList<BenchmarkQuery> queries, TimeSpan duration, Action<string> log)
    {
        var runner = new ThroughputRunner(clients, queries, "", K, Theta, () => server.CpuTime);
        log($"warm-up: {Channels} callers for {Units.Seconds(WarmUp)}");
        await runner.RunAsync(Channels, WarmUp);

        var runs = new List<LookupRun>();
        foreach (var callers in CallerCounts)
        {
            log($"gRPC Lookup: {callers} caller(s) on {Math.Min(callers, Channels)} channel(s) for {Units.Seconds(duration)}");
            var run = await runner.RunAsync(callers, duration);
            Report(run, log);
            runs.Add(run);
        }

        var contextCallers = CallerCounts[^1];
        log($"gRPC Lookup at θ = {ContextTheta:0}: {contextCallers} callers on {Math.Min(contextCallers, Channels)} channel(s) for {Units.Seconds(duration)}");
        var contextRun = await new ThroughputRunner(clients, queries, "", K, ContextTheta, () => server.CpuTime).RunAsync(contextCallers, duration);
        Report(contextRun, log);

        // Last, so that the server is as warm as it gets (tiered JIT done) for the per-query table.
        log($"gRPC Lookup: each of the {queries.Count:N0} queries once, 1 caller");
        LookupRun byQuery;
        await using (ProgressTicker.Start(ProgressInterval, () => log("  still running the queries")))
            byQuery = await runner.RunEachOnceAsync();
        Report(byQuery, log);
        return (byQuery, runs, contextRun);
    }

    internal static void Report(LookupRun run, Action<string> log)
    {
        var latency = run.Latency();
        log($"  {run.Samples.Count:N0} lookups, {Units.PerSecond(run.PerSecond)}, p50 {Units.Duration(latency.P50)}, p99 {Units.Duration(latency.P99)}, {run.Errors} error(s); " +
            $"server CPU {run.ServerCpu.TotalSeconds / run.Elapsed.TotalSeconds:0.00} cores");
        if (run.FirstError is not null)
            log($"  first error: {run.FirstError}");
    }

    private static async Task<CatalogMeasurement> CatalogAsync(
        ServerProcess server, TranslationMemory.TranslationMemoryClient[] clients, LibreOfficeCorpus corpus, int seed, Action<string> log)
    {
        log($"LibreOffice: importing {corpus.Pairs.Count:N0} catalog pairs from {corpus.Catalogs.Count} catalogs into memory '{CatalogMemory}' with ImportSegments");
        var start = Stopwatch.GetTimestamp();
        ImportSegmentsResponse response;
        await using (ProgressTicker.Start(ProgressInterval, () => log($"  still importing the catalogs ({Units.Seconds(Stopwatch.GetElapsedTime(start))})")))
            response = await SegmentUpload.SendAsync(clients[0], corpus.Pairs, CatalogMemory, DateTime.UtcNow + TimeSpan.FromHours(1));
        var elapsed = Stopwatch.GetElapsedTime(start);
        log($"  {response.PairsStored:N0} stored, {response.PairsSkippedDuplicate:N0} duplicates, in {Units.Seconds(elapsed)}");

        var queries = corpus.BuildQueries(CatalogQueriesPerRate, seed);
        var ranks = new int[queries.Count];
        var runner = new ThroughputRunner(clients, queries, CatalogMemory, K, Theta, () => server.CpuTime);
        log($"LibreOffice: {queries.Count} edited catalog sentences, each once, 1 caller (after one warm-up pass)");
        await runner.RunEachOnceAsync();
        var run = await runner.RunEachOnceAsync((index, answer) =>
        {
            var query = queries[index];
            var original = query.Side == SegmentSide.Korean ? corpus.Pairs[query.SourceIndex].Korean : corpus.Pairs[query.SourceIndex].English;
            for (var i = 0; i < answer.Matches.Count; i++)
            {
                if (answer.Matches[i].Source == original)
                {
                    ranks[index] = i + 1;
                    break;
                }
            }
        });
        Report(run, log);
        return new CatalogMeasurement(corpus, response, elapsed, queries, ranks, run);
    }

    // The search index takes each batch before the import reports it, so nothing is pending after an import; after the
    // cold start it may still be replaying its last commit's tail (or rebuilding), and lookups measured meanwhile would
    // measure that too, so the throughput runs wait for it.
    internal static async Task<TimeSpan> WaitForConcordanceAsync(ServerProcess server, Action<string> log)
    {
        using var channel = GrpcChannel.ForAddress(server.Address);
        var client = new TranslationMemory.TranslationMemoryClient(channel);
        var start = Stopwatch.GetTimestamp();
        while (true)
        {
            var stats = await client.GetStatsAsync(new GetStatsRequest());
            var pending = stats.Memories.Sum(memory => memory.ConcordancePending);
            if (pending == 0)
                break;
            if (Stopwatch.GetElapsedTime(start) > BacklogTimeout)
                throw new InvalidOperationException($"the search index still had {pending:N0} changes to take after {BacklogTimeout.TotalMinutes:N0} minutes");
            log($"  waiting for the search index before measuring lookups: {pending:N0} changes to go");
            // GetStats counts distinct sentences (a second of CPU at a million): not too often.
            await Task.Delay(TimeSpan.FromSeconds(15));
        }
        var waited = Stopwatch.GetElapsedTime(start);
        log($"search index caught up after {Units.Seconds(waited)} more");
        return waited;
    }

    private static async Task<(TimeSpan ColdStart, long Rss)> ColdStartAsync(ServerProcess server, SyntheticTmxDataset dataset, TimeSpan timeout, Action<string> log)
    {
        using var channel = GrpcChannel.ForAddress(server.Address);
        var coldStart = await LookupProbe.WaitForAnswerAsync(server, new TranslationMemory.TranslationMemoryClient(channel), dataset.Queries[0], timeout, log);
        return (coldStart, ProcessMemory.Read(server.Id)?.Rss ?? -1);
    }

    private static long SnapshotBytes(string dataDirectory)
    {
        var directory = Path.Combine(dataDirectory, "tm.db-index");
        return Directory.Exists(directory) ? Directory.GetFiles(directory).Sum(path => new FileInfo(path).Length) : 0;
    }

    internal static long DatabaseBytes(string dataDirectory) =>
        Directory.GetFiles(dataDirectory, "tm.db*").Sum(path => new FileInfo(path).Length);

    internal static void DeleteQuietly(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is not worth failing the benchmark for.
        }
    }
}
