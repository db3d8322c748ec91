using System.Diagnostics;
using System.Globalization;
using TM.Storage;

namespace TM.Benchmarks;

/// <summary>
/// How fast <see cref="SegmentStore"/> alone takes a bulk import to durable storage (issue 5): synthetic pairs
/// shaped like the seeds committed with <see cref="SegmentStore.CommitBatch"/> in batches, each batch one WAL
/// transaction (synchronous = NORMAL: survives a killed process), while the table grows to <c>--segments</c> rows.
/// </summary>
/// <remarks>
/// Pairs are generated per batch outside the timed region, so only the store's time counts, and the process holds
/// one batch at a time: its peak RSS (VmHWM) is the store's, plus the runtime and the generator's vocabularies.
/// After the load: a re-import of the first batches (all duplicates). The search index is not part of the store (it
/// follows the store's change log in the server: <c>import-searchable</c> and <c>concordance</c> measure it).
/// </remarks>
internal static class StoreWriteBenchmark
{
    private const string Command = "store-write";
    private const int Window = 100_000;
    private const int MinDocumentSentences = 20;
    private const int MaxDocumentSentences = 200;

    public static int Run(CommandArguments arguments)
    {
        var count = arguments.GetInt("segments", 1_000_000, min: 1_000, max: 20_000_000);
        var batch = arguments.GetInt("batch", 10_000, min: 1, max: 1_000_000);
        var reimport = arguments.GetInt("reimport", 100_000, min: 0, max: 20_000_000);
        var seed = arguments.GetInt("seed", 20240601, min: 0);
        arguments.ThrowIfUnknown();

        var clock = Stopwatch.StartNew();
        void Log(string message) => Console.Error.WriteLine($"[{Command} {clock.Elapsed:mm\\:ss}] {message}");

        var directory = Directory.CreateTempSubdirectory("tm-store-write-").FullName;
        var path = Path.Combine(directory, "tm.db");
        var report = new MarkdownReport(count == 1_000_000 && batch == 10_000 ? Command : $"{Command}-{count}-{batch}",
            $"SegmentStore bulk write — {count:N0} pairs in batches of {batch:N0}");
        try
        {
            using var store = SegmentStore.Open(path);
            var pairs = new PairSource(seed);
            var windows = new List<string[]>();
            Log($"committing {count:N0} pairs in batches of {batch:N0} to {path}");
            var session = store.BeginImport("bench", new ImportOptions(ImportKind.Tmx, "synthetic.tmx"));
            var cpuStart = CpuTime();
            var wallStart = Stopwatch.GetTimestamp();
            TimeSpan committing = TimeSpan.Zero, windowTime = TimeSpan.Zero, slowestBatch = TimeSpan.Zero;
            TimeSpan committingCpu = TimeSpan.Zero, windowCpu = TimeSpan.Zero;
            var windowStart = 0;
            var ko = 0L;
            var en = 0L;
            for (var done = 0; done < count;)
            {
                var input = pairs.Next(Math.Min(batch, count - done));
                foreach (var pair in input)
                {
                    ko += pair.Korean.Length;
                    en += pair.English.Length;
                }
                var cpuBefore = CpuTime();
                var start = Stopwatch.GetTimestamp();
                store.CommitBatch(session, input, done + input.Count);
                var elapsed = Stopwatch.GetElapsedTime(start);
                var batchCpu = CpuTime() - cpuBefore;
                committingCpu += batchCpu;
                windowCpu += batchCpu;
                committing += elapsed;
                windowTime += elapsed;
                slowestBatch = elapsed > slowestBatch ? elapsed : slowestBatch;
                done += input.Count;
                if (done - windowStart >= Window || done == count)
                {
                    var rows = done - windowStart;
                    windows.Add([Units.Count(done), Units.PerSecond(rows / windowTime.TotalSeconds), Units.Duration(windowTime.TotalMicroseconds / rows),
                        Units.Duration(windowCpu.TotalMicroseconds / rows), Units.Duration(slowestBatch.TotalMicroseconds), Units.Bytes(FileBytes(path + "-wal"))]);
                    Log($"{done,10:N0} rows: {rows / windowTime.TotalSeconds,10:N0} pairs/s, CPU {windowCpu.TotalMicroseconds / rows:0.0} µs/pair");
                    windowStart = done;
                    windowTime = TimeSpan.Zero;
                    windowCpu = TimeSpan.Zero;
                    slowestBatch = TimeSpan.Zero;
                }
            }
            var wall = Stopwatch.GetElapsedTime(wallStart);
            var cpu = CpuTime() - cpuStart;
            store.CompleteImport(session, ImportStatus.Completed, null);
            var loadHwm = PeakRss();

            report.Paragraph(
                $"Synthetic pairs from `SentenceGenerator` (seed {seed.ToString(CultureInfo.InvariantCulture)}): Korean 20-90 syllables (mean " +
                $"{(double)ko / count:0} UTF-16 characters), English 10-40 words (mean {(double)en / count:0} characters), in documents of " +
                $"{MinDocumentSentences}-{MaxDocumentSentences} sentences sharing a topic. One import (`BeginImport`), one `CommitBatch` per batch " +
                "(policy add-alternative, Korean source), each a WAL transaction with synchronous = NORMAL. Pairs are generated outside the " +
                "timed region; the rate counts `CommitBatch` time only.");
            report.Heading("Load");
            report.Table(["Rows", "Pairs/s (window)", "Wall per pair", "CPU per pair", "Slowest batch", "WAL after"], windows);
            report.Table(["Figure", "Value"],
            [
                ["Pairs committed", Units.Count(session.PairsStored) + (session.PairsSkipped > 0 ? $" (+{Units.Count(session.PairsSkipped)} duplicates skipped)" : "")],
                ["Overall, CommitBatch time only", Units.PerSecond(count / committing.TotalSeconds) + $" ({Units.Seconds(committing)})"],
                ["Overall, wall time with generation", Units.PerSecond(count / wall.TotalSeconds) + $" ({Units.Seconds(wall)})"],
                ["Overall, CommitBatch CPU time only (what an idle core would do)", Units.PerSecond(count / committingCpu.TotalSeconds) + $" ({Units.Seconds(committingCpu)})"],
                ["Process CPU per pair (all threads, generation included)", Units.Duration(cpu.TotalMicroseconds / count)],
                ["Peak RSS after the load (VmHWM)", Units.Bytes(loadHwm)],
                ["Database file / WAL", $"{Units.Bytes(FileBytes(path))} / {Units.Bytes(FileBytes(path + "-wal"))}"],
            ]);

            var figures = new List<string[]>();
            if (reimport > 0)
            {
                Log($"re-importing the first {Math.Min(reimport, count):N0} pairs (all duplicates)");
                var again = new PairSource(seed);
                var second = store.BeginImport("bench", new ImportOptions(ImportKind.Tmx, "synthetic-again.tmx"));
                var reimportTime = TimeSpan.Zero;
                for (var done = 0; done < Math.Min(reimport, count);)
                {
                    var input = again.Next(Math.Min(batch, Math.Min(reimport, count) - done));
                    var start = Stopwatch.GetTimestamp();
                    store.CommitBatch(second, input, done + input.Count);
                    reimportTime += Stopwatch.GetElapsedTime(start);
                    done += input.Count;
                }
                store.CompleteImport(second, ImportStatus.Completed, null);
                figures.Add(["Re-import of the first pairs (all duplicates)",
                    $"{Units.PerSecond(second.PairsSkipped / reimportTime.TotalSeconds)} ({Units.Count(second.PairsSkipped)} skipped, {Units.Count(second.PairsStored)} stored)"]);
            }

            figures.Add(["Peak RSS of the process (VmHWM)", Units.Bytes(PeakRss())]);
            figures.Add(["Database file / WAL after the re-import", $"{Units.Bytes(FileBytes(path))} / {Units.Bytes(FileBytes(path + "-wal"))}"]);
            figures.Add(["PRAGMA integrity_check", store.CheckIntegrity()]);
            report.Heading("After the load");
            report.Table(["Figure", "Value"], figures);
            report.Paragraph("Rates are wall-clock and move with the machine's load; the load average at the start is in the table above.");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(directory, recursive: true); }
            catch (IOException) { Log($"could not delete {directory}"); }
        }
        report.Publish();
        return 0;
    }

    private static TimeSpan CpuTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    private static long FileBytes(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;

    /// <summary>The process's peak resident set (VmHWM in /proc/self/status), in bytes; 0 where there is no /proc.</summary>
    private static long PeakRss()
    {
        const string status = "/proc/self/status";
        if (!File.Exists(status))
            return 0;
        foreach (var line in File.ReadLines(status))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
        }
        return 0;
    }

    /// <summary>Deterministic pairs, one batch at a time, in documents sharing a topic.</summary>
    private sealed class PairSource(int seed)
    {
        private readonly SentenceGenerator _generator = new(seed);
        private readonly Random _random = new(seed + 1);
        private Topic? _topic;
        private int _documentLeft;

        public List<SegmentInput> Next(int count)
        {
            var pairs = new List<SegmentInput>(count);
            for (var i = 0; i < count; i++)
            {
                if (_documentLeft-- <= 0)
                {
                    _topic = _generator.NewTopic(_random);
                    _documentLeft = _random.Next(MinDocumentSentences, MaxDocumentSentences + 1);
                }
                pairs.Add(new SegmentInput(_generator.NextKorean(_random, _topic!), _generator.NextEnglish(_random, _topic!), Origin: "synthetic.tmx"));
            }
            return pairs;
        }

        // A word every tenth sentence or so contains: the concordance query returns a real total.
    }
}
