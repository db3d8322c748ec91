using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Grpc.Net.Client;
using Npgsql;
using TM.Protos.V1;

namespace TM.Benchmarks;

/// <summary>
/// <c>perf --store postgres</c>: issue 18's figures for servers sharing one PostgreSQL database, each a child process
/// with its own data directory (<see cref="ServerProcess"/>). Replica A imports the synthetic TMX file (COPY in the
/// store); A is restarted over its data directory and replica B started over an empty one, each timed until a Lookup
/// finds a pair; lookups/s with one replica and with the callers split over two; then the replication delay from a
/// commit through A to a Lookup on B that finds it. SQLite's figures for the same memory go next to them, measured in
/// the same run by default.
/// </summary>
internal static class PostgresPerfBenchmark
{
    private const string Command = "perf";
    private const string ThrowawayCluster = "postgres";

    // Issue 18's bar: 10,000 pairs imported through A in batches, each findable on B.
    private const int BatchPairs = 10_000;
    private const int BatchSize = 500;
    private static readonly TimeSpan IdleSample = TimeSpan.FromSeconds(3);

    /// <param name="arguments">The command line, for the options of this command alone.</param>
    /// <param name="options">The options <c>perf</c> takes with either store.</param>
    /// <param name="store"><c>postgres</c> for a throwaway cluster, else the connection string of the database to use.</param>
    public static async Task<int> RunAsync(CommandArguments arguments, PerfOptions options, string store)
    {
        var (segments, seed, seconds, startTimeout, keepData) = options;
        var probes = arguments.GetInt("replication-probes", 1_000, min: 1, max: 100_000);
        var replicationTimeout = TimeSpan.FromSeconds(arguments.GetInt("replication-timeout", 10, min: 1, max: 600));
        var measureSqlite = arguments.GetInt("sqlite", 1, min: 0, max: 1) == 1;
        var warmUp = TimeSpan.FromSeconds(arguments.GetInt("warmup", 10, min: 0, max: 600));
        arguments.ThrowIfUnknown();

        var clock = Stopwatch.StartNew();
        void Log(string message) => Console.Error.WriteLine($"[{Command} postgres {clock.Elapsed:mm\\:ss}] {message}");

        var loadAtStart = MachineInfo.OneMinuteLoad();
        var report = new MarkdownReport($"perf-postgres-{segments}", $"Two server replicas on one PostgreSQL database, next to SQLite — {segments:N0} synthetic segments");
        var root = Directory.CreateTempSubdirectory("tm-bench-pgperf-").FullName;
        var servers = new List<ServerProcess>();
        ServerProcess Started(ServerProcess server)
        {
            servers.Add(server);
            return server;
        }
        PostgresCluster? cluster = null;
        // Ctrl+C or a kill ends the process without the finally below: the servers and the cluster go first.
        void Interrupted(PosixSignalContext signal)
        {
            Log($"{signal.Signal}: stopping the servers{(cluster is { IsThrowaway: true } ? " and the PostgreSQL cluster" : "")}");
            foreach (var server in servers.ToArray())
                server.Dispose();
            cluster?.Dispose();
        }
        using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Interrupted);
        using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Interrupted);
        try
        {
            var dataset = SyntheticTmxDataset.Prepare(segments, seed, Log);
            // Tagged with the run's time: a database an earlier run left behind holds none of them.
            var run = "r" + DateTime.UtcNow.ToString("MMddHHmmss", CultureInfo.InvariantCulture);
            var probePairs = ProbePairs.Make(probes + BatchPairs, seed + 18, run);

            cluster = store == ThrowawayCluster ? PostgresCluster.StartThrowaway(Log) : PostgresCluster.Existing(store);
            // Asked before any server starts, so that an unreachable database fails the run at once, with PostgreSQL's own words.
            var (version, _) = await cluster.DescribeAsync();
            string[] storeArguments = ["--store", cluster.ConnectionString];

            var directoryA = Path.Combine(root, "replica-a");
            Log($"replica A: data directory {directoryA}, PostgreSQL {version}");
            var a = Started(ServerProcess.Start(directoryA, storeArguments));
            var databaseCpu = cluster.CpuTime();
            var import = await PerfBenchmark.ImportAsync(a, dataset, startTimeout, Log);
            var importDatabaseCpu = cluster.CpuTime() - databaseCpu;
            var (_, databaseBytes) = await cluster.DescribeAsync();
            Log($"PostgreSQL used {(importDatabaseCpu is { } used ? Units.Seconds(used) : "unmeasured")} of CPU during the import; the database holds {Units.Bytes(databaseBytes)}");

            Log("stopping replica A (SIGTERM; it saves its index snapshot) and starting it again over its data directory");
            await a.StopAsync(PerfBenchmark.StopTimeout);
            a.Dispose();
            a = Started(ServerProcess.Start(directoryA, storeArguments));
            var restartA = await StartAsync(a, dataset, startTimeout, "replica A restarted over its data directory", Log);

            using var channelsA = new ChannelSet(a, PerfBenchmark.Channels);
            var oneReplica = await ThroughputAsync("PostgreSQL, 1 replica", channelsA.Clients, dataset.Queries, [a], cluster, warmUp, TimeSpan.FromSeconds(seconds), Log);

            var directoryB = Path.Combine(root, "replica-b");
            Log($"replica B: an empty data directory {directoryB}, the same database");
            var b = Started(ServerProcess.Start(directoryB, storeArguments));
            var startB = await StartAsync(b, dataset, startTimeout, "replica B, new", Log);

            using var channelsB = new ChannelSet(b, PerfBenchmark.Channels / 2);
            // Callers take the channels in turn, so with an even count half of them ask A and half ask B.
            TranslationMemory.TranslationMemoryClient[] split = [channelsA.Clients[0], channelsB.Clients[0], channelsA.Clients[1], channelsB.Clients[1]];
            var twoReplicas = await ThroughputAsync("PostgreSQL, 2 replicas", split, dataset.Queries, [a, b], cluster, warmUp, TimeSpan.FromSeconds(seconds), Log);

            var probe = new ReplicationProbe(channelsA.Clients[0], channelsB.Clients[0], replicationTimeout, Log);
            Log($"replication: {probes:N0} single pairs added through A (AddSegment), each looked up on B every {Units.Duration(ReplicationProbe.PollInterval.TotalMicroseconds)} until found (at most {Units.Seconds(replicationTimeout)})");
            var singles = await probe.SinglePairsAsync([.. probePairs.Take(probes)]);
            if (singles.Delays.Count > 0)
            {
                var delay = singles.Delay();
                Log($"  {singles.Delays.Count:N0} found on B: p50 {Units.Duration(delay.P50)}, p90 {Units.Duration(delay.P90)}, p99 {Units.Duration(delay.P99)}, max {Units.Duration(delay.Max)}; {singles.NotFound} not found");
            }
            Log($"replication: {BatchPairs:N0} pairs imported through A in batches of {BatchSize} (ImportSegments), each batch looked up on B until all of it is found");
            var batches = await probe.BatchesAsync([.. probePairs.Skip(probes)], BatchSize);

            Log("stopping both replicas");
            foreach (var replica in (ServerProcess[])[a, b])
                await replica.StopAsync(PerfBenchmark.StopTimeout);
            // The cluster goes before SQLite is measured: nothing of it should compete with the SQLite server.
            var throwaway = cluster.IsThrowaway;
            cluster.Dispose();
            cluster = null;

            StoreFigures? sqlite = null;
            EarlierPerfResults? earlier = null;
            if (measureSqlite)
                sqlite = await SqliteAsync(Path.Combine(root, "sqlite"), dataset, startTimeout, warmUp, TimeSpan.FromSeconds(seconds), Started, Log);
            else
                earlier = EarlierPerfResults.Read(segments);

            var postgres = new PostgresFigures(version, throwaway, new StoreFigures(import, importDatabaseCpu, databaseBytes, restartA, oneReplica), startB, twoReplicas, singles, BatchPairs, batches);
            PostgresPerfReport.Fill(report, dataset, postgres, sqlite, earlier, (warmUp, seconds), (loadAtStart, MachineInfo.OneMinuteLoad()));
            report.Publish();
            Log("done");
            return 0;
        }
        catch (NpgsqlException e)
        {
            Log($"failed: PostgreSQL: {e.Message}");
            return 1;
        }
        catch (Exception e) when (ServerBenchmarkFailure.IsExpected(e))
        {
            return ServerBenchmarkFailure.Report(e, servers.LastOrDefault(), Log);
        }
        finally
        {
            foreach (var server in servers)
                server.Dispose();
            cluster?.Dispose();
            if (keepData)
                Log($"kept {root} (the servers' data directories and logs; a throwaway PostgreSQL cluster is deleted all the same)");
            else
                PerfBenchmark.DeleteQuietly(root);
        }
    }

    // Times a start over a stored memory until a Lookup of a stored sentence finds it, then waits for the search index,
    // whose catching up in the background would otherwise be measured with the lookups.
    private static async Task<ReplicaStart> StartAsync(ServerProcess server, SyntheticTmxDataset dataset, TimeSpan timeout, string what, Action<string> log)
    {
        var stored = dataset.Queries.First(query => query.Category == QuerySet.CategoryOf(0));
        TimeSpan coldStart;
        using (var channel = GrpcChannel.ForAddress(server.Address))
            coldStart = await LookupProbe.WaitForAnswerAsync(server, new TranslationMemory.TranslationMemoryClient(channel), stored, timeout, log, requireMatch: true);
        var rss = ProcessMemory.Read(server.Id)?.Rss ?? -1;
        log($"{what}: a Lookup found a stored pair {Units.Seconds(coldStart)} after process start; RSS {Units.Bytes(rss)}");
        var concordanceWait = await PerfBenchmark.WaitForConcordanceAsync(server, log);
        return new ReplicaStart(coldStart, rss, server.FindOutput("indexed in"), concordanceWait);
    }

    private static async Task<IReadOnlyList<ThroughputRow>> ThroughputAsync(
        string setup, TranslationMemory.TranslationMemoryClient[] clients, IReadOnlyList<BenchmarkQuery> queries, IReadOnlyList<ServerProcess> servers, PostgresCluster? cluster,
        TimeSpan warmUp, TimeSpan duration, Action<string> log)
    {
        TimeSpan ServersCpu() => servers.Aggregate(TimeSpan.Zero, (sum, server) => sum + server.CpuTime);
        var runner = new ThroughputRunner(clients, queries, "", PerfBenchmark.K, PerfBenchmark.Theta, ServersCpu);
        // What the servers do with no caller (replication, background indexing): the runs below pay it too.
        var idleCpu = (Servers: ServersCpu(), Database: cluster?.CpuTime());
        await Task.Delay(IdleSample);
        log($"{setup}: idle for {Units.Seconds(IdleSample)}: servers used {PostgresPerfReport.Ratio(ServersCpu() - idleCpu.Servers, IdleSample)} cores, PostgreSQL " +
            (cluster?.CpuTime() - idleCpu.Database is { } database ? $"{PostgresPerfReport.Ratio(database, IdleSample)} cores" : "unmeasured"));
        log($"{setup}: warm-up, {clients.Length} callers for {Units.Seconds(warmUp)}");
        await runner.RunAsync(clients.Length, warmUp);
        var rows = new List<ThroughputRow>();
        foreach (var callers in PerfBenchmark.CallerCounts)
        {
            log($"{setup}: gRPC Lookup, {callers} caller(s) on {Math.Min(callers, clients.Length)} channel(s) for {Units.Seconds(duration)}");
            var databaseCpu = cluster?.CpuTime();
            var run = await runner.RunAsync(callers, duration);
            PerfBenchmark.Report(run, log);
            rows.Add(new ThroughputRow(setup, run, cluster?.CpuTime() - databaseCpu));
        }
        return rows;
    }

    private static async Task<StoreFigures> SqliteAsync(
        string directory, SyntheticTmxDataset dataset, TimeSpan startTimeout, TimeSpan warmUp, TimeSpan duration, Func<ServerProcess, ServerProcess> started, Action<string> log)
    {
        log($"SQLite, for comparison: data directory {directory}");
        var server = started(ServerProcess.Start(directory));
        var import = await PerfBenchmark.ImportAsync(server, dataset, startTimeout, log);
        log("stopping the SQLite server and starting it again over its data directory");
        await server.StopAsync(PerfBenchmark.StopTimeout);
        server.Dispose();
        server = started(ServerProcess.Start(directory));
        var restart = await StartAsync(server, dataset, startTimeout, "SQLite server restarted", log);
        using var channels = new ChannelSet(server, PerfBenchmark.Channels);
        var runs = await ThroughputAsync("SQLite", channels.Clients, dataset.Queries, [server], null, warmUp, duration, log);
        await server.StopAsync(PerfBenchmark.StopTimeout);
        return new StoreFigures(import, null, PerfBenchmark.DatabaseBytes(directory), restart, runs);
    }
}
