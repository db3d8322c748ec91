using System.Diagnostics;
using Grpc.Core;
using Grpc.Net.Client;
using TM.Protos.V1;

namespace TM.Benchmarks;

/// <summary>
/// <c>delete-memory</c>: what deleting a large memory gives back (issue 16's bar: "deleting a 1M-pair memory frees its
/// index memory and disk"). The real server as a child process, on a fresh data directory, takes the synthetic TMX file
/// into a memory of its own and a small second memory that must survive; then the server's memory (RSS, and the managed
/// heap after a full collection induced from outside) and every file of the data directory are measured before
/// <c>DeleteMemory</c>, the call is timed, and everything is measured again once the server's background work (the
/// search index's commit, the pruning of the change log) has settled.
/// </summary>
internal static class DeleteMemoryBenchmark
{
    private const string Command = "delete-memory";
    private const string Deleted = "bench";
    private const string Survivor = "keep";
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan CollectTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan SnapshotTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan SettlePoll = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan SettleLimit = TimeSpan.FromMinutes(10);

    public static async Task<int> RunAsync(CommandArguments arguments)
    {
        var segments = arguments.GetInt("segments", 1_000_000, min: 1_000);
        var keep = arguments.GetInt("keep", 2_000, min: 1, max: 100_000);
        var seed = arguments.GetInt("seed", 20240601);
        var startTimeout = TimeSpan.FromSeconds(arguments.GetInt("start-timeout", 600, min: 10));
        // The search index commits every 30 s (SearchIndexFollower.CommitInterval) and lets deleted pairs go then.
        var settle = TimeSpan.FromSeconds(arguments.GetInt("settle", 45, min: 0, max: 3600));
        arguments.ThrowIfUnknown();

        var clock = Stopwatch.StartNew();
        void Log(string message) => Console.Error.WriteLine($"[{Command} {clock.Elapsed:mm\\:ss}] {message}");
        var report = new MarkdownReport(segments == 1_000_000 ? Command : $"{Command}-{segments}", $"DeleteMemory of a {segments:N0}-pair memory: what it frees");
        var dataDirectory = Directory.CreateTempSubdirectory("tm-bench-delete-").FullName;
        ServerProcess? server = null;
        try
        {
            var dataset = SyntheticTmxDataset.Prepare(segments, seed, Log);
            // Snapshots of small memories too, so that both memories have theirs on disk before the delete.
            server = ServerProcess.Start(dataDirectory, "--snapshot-min-changes", "1");
            using var channel = GrpcChannel.ForAddress(server.Address);
            var client = new TranslationMemory.TranslationMemoryClient(channel);
            await LookupProbe.WaitForAnswerAsync(server, client, dataset.Queries[0], startTimeout, Log);
            var empty = await MeasureMemoryAsync(server, Log, "empty server");

            await client.CreateMemoryAsync(new CreateMemoryRequest { Name = Deleted });
            await client.CreateMemoryAsync(new CreateMemoryRequest { Name = Survivor });
            var kept = SyntheticCorpus.Generate(keep, SyntheticTmxDataset.RevisionShare, seed + 16);
            var keptPairs = Enumerable.Range(0, kept.Count).Select(i => new CatalogPair(kept.English[i], kept.Korean[i], "keep"));
            var keptResponse = await SegmentUpload.SendAsync(client, keptPairs, Survivor, DateTime.UtcNow + TimeSpan.FromMinutes(10));
            Log($"memory '{Survivor}': {keptResponse.PairsStored:N0} pairs stored");

            Log($"importing {Units.Bytes(dataset.TmxBytes)} of TMX ({dataset.Segments:N0} units) with ImportTmx into memory '{Deleted}'");
            var upload = new TmxUpload();
            var importStart = Stopwatch.GetTimestamp();
            ImportTmxResponse imported;
            await using (ProgressTicker.Start(ProgressInterval, () => Log(
                $"  import: {Units.Bytes(upload.BytesSent)} of {Units.Bytes(dataset.TmxBytes)} sent in {Units.Seconds(Stopwatch.GetElapsedTime(importStart))}; " +
                $"server RSS {Units.Bytes(ProcessMemory.Read(server.Id)?.Rss ?? -1)}")))
            {
                imported = await upload.SendAsync(client, dataset.TmxPath, Deleted, DateTime.UtcNow + TimeSpan.FromHours(6));
            }
            var importElapsed = Stopwatch.GetElapsedTime(importStart);
            Log($"imported {imported.UnitsRead:N0} units ({imported.PairsStored:N0} stored) in {Units.Seconds(importElapsed)}");

            await WaitUntilSearchableAsync(client, Log);
            // The snapshot service saves a memory that changed this much once no import runs (every 30 s by default).
            await WaitForAsync(() => SnapshotFiles(dataDirectory).Count >= 8, SnapshotTimeout, "the index snapshots of both memories", Log);
            var before = await MeasureAsync(server, dataDirectory, Log, "before the delete");

            Log($"DeleteMemory '{Deleted}'");
            var deleteStart = Stopwatch.GetTimestamp();
            var deleted = await client.DeleteMemoryAsync(new DeleteMemoryRequest { Name = Deleted }, deadline: DateTime.UtcNow + TimeSpan.FromMinutes(30));
            var deleteElapsed = Stopwatch.GetElapsedTime(deleteStart);
            Log($"DeleteMemory answered after {Units.Seconds(deleteElapsed)}: {deleted.SegmentsDeleted:N0} segments deleted");
            var rssRightAfter = ProcessMemory.Read(server.Id)?.Rss ?? -1;

            var settled = await SettleAsync(dataDirectory, settle, Log);
            var rssSettled = ProcessMemory.Read(server.Id)?.Rss ?? -1;
            var after = await MeasureAsync(server, dataDirectory, Log, "after the delete");

            var probe = new LookupRequest { Memory = Survivor, Text = kept.Korean[0], SourceLang = "ko", MinScore = 100, MaxResults = 1 };
            var survivor = await client.LookupAsync(probe);
            var gone = await LookupStatusAsync(client, new LookupRequest { Memory = Deleted, Text = kept.Korean[0], SourceLang = "ko" });
            var stats = await client.GetStatsAsync(new GetStatsRequest());
            var stop = await server.StopAsync(StopTimeout);
            var stopped = DataDirectoryUsage.Measure(dataDirectory);

            report.Heading("Memory and disk before and after");
            List<string[]> rows =
            [
                ["Server RSS (after an induced full GC)", Units.Bytes(before.Rss.Rss), Units.Bytes(after.Rss.Rss), Change(before.Rss.Rss, after.Rss.Rss)],
                ["  of it anonymous (RssAnon: heaps)", Units.Bytes(before.Rss.RssAnonymous), Units.Bytes(after.Rss.RssAnonymous), Change(before.Rss.RssAnonymous, after.Rss.RssAnonymous)],
                ["  of it mapped files (RssFile: code, Lucene's mmap)", Units.Bytes(before.Rss.RssFile), Units.Bytes(after.Rss.RssFile), Change(before.Rss.RssFile, after.Rss.RssFile)],
                ["Managed heap after an induced full GC", Units.Bytes(before.Heap), Units.Bytes(after.Heap), Change(before.Heap, after.Heap)],
            ];
            foreach (var name in before.Disk.Parts.Select(p => p.Name).Union(after.Disk.Parts.Select(p => p.Name)).Union(stopped.Parts.Select(p => p.Name)))
                rows.Add([name, Units.Bytes(before.Disk.Of(name)), Units.Bytes(after.Disk.Of(name)), Change(before.Disk.Of(name), after.Disk.Of(name))]);
            rows.Add(["Free pages inside tm.db", Units.Bytes(before.Disk.FreeBytes), Units.Bytes(after.Disk.FreeBytes), Change(before.Disk.FreeBytes, after.Disk.FreeBytes)]);
            rows.Add(["Files in tm.db-lucene/", Units.Count(before.Disk.LuceneFiles), Units.Count(after.Disk.LuceneFiles), ""]);
            rows.Add(["Data directory in all", Units.Bytes(before.Disk.Total), Units.Bytes(after.Disk.Total), Change(before.Disk.Total, after.Disk.Total)]);
            report.Table(["Figure", "Before", "After", "Change"], rows);

            report.Heading("The delete");
            report.Table(["Figure", "Value"],
            [
                ["Pairs in the deleted memory", Units.Count(imported.PairsStored)],
                [$"Pairs in the surviving memory '{Survivor}'", Units.Count(keptResponse.PairsStored)],
                ["ImportTmx of the deleted memory", $"{Units.Seconds(importElapsed)} ({Units.PerSecond(imported.UnitsRead / importElapsed.TotalSeconds)})"],
                ["DeleteMemory wall time (it answers once the search index has let the pairs go)", Units.Seconds(deleteElapsed)],
                ["Segments deleted (its answer)", Units.Count(deleted.SegmentsDeleted)],
                ["Server RSS right after the answer / after settling, no GC induced", $"{Units.Bytes(rssRightAfter)} / {Units.Bytes(rssSettled)}"],
                ["Until the disk stopped changing after the answer", Units.Seconds(settled)],
                ["Empty server before the imports: RSS / managed heap (induced GC)", $"{Units.Bytes(empty.Rss.Rss)} / {Units.Bytes(empty.Heap)}"],
                [$"Lookup of a '{Survivor}' sentence afterwards (θ = 100)", survivor.Matches.Count == 1 ? $"found, score {survivor.Matches[0].Score:0}" : $"NOT found ({survivor.Matches.Count} matches)"],
                [$"Lookup into '{Deleted}' afterwards", gone],
                ["Memories left (GetStats)", string.Join(", ", stats.Memories.Select(m => $"{(m.Memory.Length == 0 ? "default" : m.Memory)} {m.Segments:N0}"))],
                ["Data directory after a clean stop", $"{Units.Bytes(stopped.Total)} (tm.db {Units.Bytes(stopped.Of("tm.db"))}, WAL {Units.Bytes(stopped.Of("tm.db-wal"))}, tm.db-lucene/ {Units.Bytes(stopped.Of("tm.db-lucene/"))})"],
                ["Clean stop", $"{Units.Seconds(stop.Elapsed)}, exit code {stop.ExitCode}"],
            ]);
            report.Paragraph("RSS and the managed heap are measured after a full blocking collection induced from outside through the runtime's " +
                "diagnostic port (as dotnet-gcdump starts one), so they compare live data, not garbage the server had not collected yet. " +
                "\"After\" is measured once the data directory stopped changing (polled every 5 s, at least --settle seconds after the answer): " +
                "by then the search index has committed the deletions and the store has pruned the change log. Wall-clock figures move with the " +
                "machine's load (the load average at the start is in the machine table).");
            report.Publish();
            return survivor.Matches.Count == 1 ? 0 : 1;
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

    private static string Change(long before, long after) =>
        before <= 0 ? "" : $"{(after < before ? "−" : "+")}{Units.Bytes(Math.Abs(after - before))} ({Units.Percent((double)(after - before) / before)})";

    private static async Task<(ProcessMemory Rss, long Heap)> MeasureMemoryAsync(ServerProcess server, Action<string> log, string when)
    {
        var heap = await InducedCollection.CollectAsync(server.Id, CollectTimeout);
        // The collection has returned what it decommits by now; a moment more for the kernel's count to follow.
        await Task.Delay(TimeSpan.FromSeconds(2));
        var rss = ProcessMemory.Read(server.Id) ?? new ProcessMemory(-1, -1);
        log($"{when}: RSS {Units.Bytes(rss.Rss)} (anonymous {Units.Bytes(rss.RssAnonymous)}, files {Units.Bytes(rss.RssFile)}), managed heap {Units.Bytes(heap)} after an induced full GC");
        return (rss, heap);
    }

    private static async Task<(ProcessMemory Rss, long Heap, DataDirectoryUsage Disk)> MeasureAsync(ServerProcess server, string dataDirectory, Action<string> log, string when)
    {
        var (rss, heap) = await MeasureMemoryAsync(server, log, when);
        var disk = DataDirectoryUsage.Measure(dataDirectory);
        log($"{when}: data directory {Units.Bytes(disk.Total)} ({string.Join(", ", disk.Parts.Select(p => $"{p.Name} {Units.Bytes(p.Bytes)}"))}); free pages in tm.db {Units.Bytes(disk.FreeBytes)}");
        return (rss, heap, disk);
    }

    private static List<string> SnapshotFiles(string dataDirectory)
    {
        var directory = Path.Combine(dataDirectory, "tm.db-index");
        return Directory.Exists(directory) ? [.. Directory.GetFiles(directory, "*.snapshot")] : [];
    }

    private static async Task WaitUntilSearchableAsync(TranslationMemory.TranslationMemoryClient client, Action<string> log)
    {
        var start = Stopwatch.GetTimestamp();
        while (true)
        {
            var stats = await client.GetStatsAsync(new GetStatsRequest());
            var pending = stats.Memories.Sum(m => m.ConcordancePending);
            if (pending == 0)
                return;
            log($"  concordance pending: {pending:N0} segments");
            if (Stopwatch.GetElapsedTime(start) > SettleLimit)
                throw new InvalidOperationException($"the search index still had {pending:N0} segments to take after {SettleLimit.TotalMinutes:N0} minutes");
            // GetStats counts distinct sentences (about a second of CPU at a million): not too often.
            await Task.Delay(TimeSpan.FromSeconds(10));
        }
    }

    private static async Task WaitForAsync(Func<bool> condition, TimeSpan timeout, string what, Action<string> log)
    {
        var start = Stopwatch.GetTimestamp();
        log($"waiting for {what}");
        while (!condition())
        {
            if (Stopwatch.GetElapsedTime(start) > timeout)
                throw new InvalidOperationException($"no {what} after {Units.Seconds(timeout)}");
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
        log($"  {what}: there after {Units.Seconds(Stopwatch.GetElapsedTime(start))}");
    }

    // Until at least `minimum` has passed and two polls in a row saw the same files of the same sizes.
    private static async Task<TimeSpan> SettleAsync(string dataDirectory, TimeSpan minimum, Action<string> log)
    {
        var start = Stopwatch.GetTimestamp();
        var last = DataDirectoryUsage.Measure(dataDirectory);
        var lastChange = TimeSpan.Zero;
        log($"waiting for the disk to settle (at least {Units.Seconds(minimum)})");
        while (true)
        {
            await Task.Delay(SettlePoll);
            var now = DataDirectoryUsage.Measure(dataDirectory);
            var elapsed = Stopwatch.GetElapsedTime(start);
            if (!now.Parts.SequenceEqual(last.Parts) || now.FreeBytes != last.FreeBytes)
            {
                lastChange = elapsed;
                log($"  {Units.Seconds(elapsed)}: data directory {Units.Bytes(now.Total)}, tm.db-lucene/ {Units.Bytes(now.Of("tm.db-lucene/"))}, WAL {Units.Bytes(now.Of("tm.db-wal"))}");
            }
            else if (elapsed >= minimum)
            {
                return lastChange;
            }
            if (elapsed > SettleLimit)
                throw new InvalidOperationException($"the data directory was still changing {SettleLimit.TotalMinutes:N0} minutes after the delete");
            last = now;
        }
    }

    private static async Task<string> LookupStatusAsync(TranslationMemory.TranslationMemoryClient client, LookupRequest request)
    {
        try
        {
            var response = await client.LookupAsync(request);
            return $"answered ({response.Matches.Count} matches)";
        }
        catch (RpcException e)
        {
            return e.StatusCode == StatusCode.NotFound ? "NotFound, as it should" : $"{e.StatusCode}: {e.Status.Detail}";
        }
    }
}
