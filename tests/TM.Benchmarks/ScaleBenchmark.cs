using System.Diagnostics;
using System.Globalization;
using TM.Matching;
using TM.Matching.Internal;
using TM.Storage;

namespace TM.Benchmarks;

/// <summary>
/// How <see cref="FuzzyIndex.Search"/> scales with the size of the memory: the index alone (no SQLite), per
/// language, at θ = 50 and k = 5; build time, managed memory per segment, and recall against brute force
/// (<see cref="FuzzyIndex.SearchExhaustive"/>, which scores every segment) on every query.
/// </summary>
/// <remarks>
/// Meant to be run at 100,000 and 1,000,000 segments (issue 4's bar: p50 ≤ 1 ms, p99 ≤ 5 ms at a million, recall@1
/// 100 % over at least 2,000 queries). Brute force costs a full scan per query (about 0.1–0.2 s at a million on
/// two cores); <c>--truth 0</c> skips it.
/// </remarks>
internal static class ScaleBenchmark
{
    private const string Command = "scale";
    private const int K = 5;
    private const double Theta = 50;

    private static readonly SegmentSide[] Sides = [SegmentSide.Korean, SegmentSide.English];
    private static readonly MatchOptions Options = new() { MaxResults = K, MinScore = Theta };

    public static int Run(CommandArguments arguments)
    {
        var count = arguments.GetInt("segments", 100_000, min: 100, max: 5_000_000);
        var perLanguage = arguments.GetInt("queries", 1_000, min: 10, max: 100_000);
        var truthCount = arguments.GetInt("truth", perLanguage, min: 0, max: 100_000);
        var batch = arguments.GetInt("batch", 5_000, min: 0, max: 5_000_000);
        var seed = arguments.GetInt("seed", 20240601, min: 0);
        arguments.ThrowIfUnknown();

        var clock = Stopwatch.StartNew();
        void Log(string message) => Console.Error.WriteLine($"[{Command} {clock.Elapsed:mm\\:ss}] {message}");

        Log($"generating {count:N0} synthetic pairs (seed {seed})");
        var corpus = SyntheticCorpus.Generate(count, 0.2, seed);
        var perCategory = perLanguage / QuerySet.Categories.Count;
        var queries = QuerySet.Build(corpus, perCategory, perCategory, seed + 1).Queries;

        var report = new MarkdownReport($"{Command}-{count}", $"FuzzyIndex at scale — {count:N0} segments per language");
        report.Paragraph(
            $"Synthetic memory (seed {seed.ToString(CultureInfo.InvariantCulture)}, 20% revisions). Per language: {perCategory} memory sentences " +
            $"at each edit rate ({string.Join(", ", QuerySet.EditRates.Select(r => $"{r * 100:0}%"))}) plus {perCategory} unrelated sentences; θ = {Theta:0}, k = {K}; " +
            $"one thread, one query after another, after a warm-up pass over a quarter of the queries. The index is built with one AddRange " +
            "of every segment (as the server loads a memory at start); the import column adds the same segments to an empty index in AddRange batches of " +
            $"{batch:N0} (as a bulk import does). No SQLite: the index alone.");

        var latencyRows = new List<string[]>();
        var categoryRows = new List<string[]>();
        var buildRows = new List<string[]>();
        var workRows = new List<string[]>();
        var indexes = new List<FuzzyIndex>();
        foreach (var side in Sides)
        {
            var language = side == SegmentSide.Korean ? "ko" : "en";
            var texts = side == SegmentSide.Korean ? corpus.Korean : corpus.English;
            var onSide = queries.Where(q => q.Side == side).ToList();

            var items = texts.Select((text, i) => new KeyValuePair<int, string>(i, text)).ToArray();
            ImportTiming? import = batch == 0 ? null : MeasureImport(items, batch);
            if (import is { } imported)
                Log($"{language}: import in batches of {batch:N0}: {imported.Time.TotalSeconds:0.00} s ({imported.Cpu.TotalSeconds:0.00} s CPU), {imported.Time.TotalMicroseconds / count:0.00} µs per segment, slowest batch {imported.SlowestBatch.TotalMilliseconds:0.0} ms");

            Log($"{language}: building the index");
            var before = HeapAfterFullCollection();
            var loadBefore = LoadAverage();
            var cpuBefore = Environment.CpuUsage.TotalTime;
            var start = Stopwatch.GetTimestamp();
            var index = new FuzzyIndex();
            index.AddRange(items);
            var buildTime = Stopwatch.GetElapsedTime(start);
            var buildCpu = Environment.CpuUsage.TotalTime - cpuBefore;
            var bytes = HeapAfterFullCollection() - before;
            GC.KeepAlive(items);
            var layout = index.Statistics();
            buildRows.Add([language, Units.Seconds(buildTime), Units.Seconds(buildCpu), Units.Duration(buildTime.TotalMicroseconds / count),
                import is { } i1 ? $"{Units.Seconds(i1.Time)} ({Units.Seconds(i1.Cpu)} CPU)" : "—", import is { } i2 ? Units.Duration(i2.Time.TotalMicroseconds / count) : "—",
                import is { } i3 ? Units.Duration(i3.SlowestBatch.TotalMicroseconds) : "—",
                Units.Bytes(bytes), Units.Bytes((double)bytes / count), Units.Count(layout.Keys), Units.Count(layout.DenseKeys), $"{loadBefore} / {import?.Load ?? "—"}"]);
            Log($"{language}: built in {buildTime.TotalSeconds:0.00} s ({buildCpu.TotalSeconds:0.00} s CPU), {bytes / (double)count:0} B per segment, {layout.Keys:N0} keys of which {layout.DenseKeys:N0} bitmaps");

            Log($"{language}: {onSide.Count} queries");
            for (var i = 0; i < onSide.Count; i += 4)
                index.Search(onSide[i].Text, Options);
            var ticks = new long[onSide.Count];
            var candidates = new int[onSide.Count];
            var work = new SearchWork[onSide.Count];
            var hits = new FuzzyHit[onSide.Count][];
            var load = LoadAverage();
            for (var i = 0; i < onSide.Count; i++)
            {
                var begin = Stopwatch.GetTimestamp();
                var found = index.Search(onSide[i].Text, Options);
                ticks[i] = Stopwatch.GetTimestamp() - begin;
                work[i] = FuzzyIndex.LastSearchWork;
                candidates[i] = work[i].Candidates;
                hits[i] = [.. found];
            }

            var checkedQueries = Math.Min(truthCount, onSide.Count);
            Log($"{language}: brute force (SearchExhaustive) on {checkedQueries} queries");
            var tally = new RecallTally();
            var truthStart = Stopwatch.GetTimestamp();
            for (var i = 0; i < checkedQueries; i++)
            {
                var truth = index.SearchExhaustive(onSide[i].Text, Options);
                tally.Add(truth, hits[i]);
                if (!truth.SequenceEqual(hits[i]))
                    Log($"{language}: MISMATCH on '{onSide[i].Text}': index [{string.Join(", ", hits[i])}] brute force [{string.Join(", ", truth)}]");
            }
            var perTruth = checkedQueries == 0 ? 0 : Stopwatch.GetElapsedTime(truthStart).TotalMicroseconds / checkedQueries;

            var all = Percentiles.Of(ticks);
            latencyRows.Add([language, Units.Count(all.Count), Units.Duration(all.P50), Units.Duration(all.P90), Units.Duration(all.P99), Units.Duration(all.Max),
                Units.Count((long)candidates.Average()), tally.RecallAt1, $"{tally.Exact}/{tally.Queries}", Units.Duration(perTruth), load]);
            foreach (var category in QuerySet.Categories)
            {
                var inCategory = Enumerable.Range(0, onSide.Count).Where(i => onSide[i].Category == category).ToList();
                var p = Percentiles.Of(inCategory.Select(i => ticks[i]).ToList());
                var full = inCategory.Where(i => hits[i].Length == K).ToList();
                var kth = full.Count == 0 ? "—" : full.Average(i => hits[i][K - 1].Score).ToString("0.0", CultureInfo.InvariantCulture);
                categoryRows.Add([language, category, Units.Duration(p.P50), Units.Duration(p.P99), Units.Duration(p.Max),
                    Units.Count((long)inCategory.Average(i => candidates[i])), Units.Fraction(full.Count, inCategory.Count), kth]);
            }

            workRows.Add([language, work.Average(w => w.BitmapKeys).ToString("0.0", CultureInfo.InvariantCulture), work.Average(w => w.PostingsKeys).ToString("0.0", CultureInfo.InvariantCulture),
                Units.Count((long)work.Average(w => w.PagesInRange)), Units.Count((long)work.Average(w => w.BitmapLoads)),
                Units.Bytes(work.Average(w => w.BitmapLoads) * 32), Units.Count((long)candidates.Average())]);
            indexes.Add(index);
        }

        report.Heading($"Latency (θ = {Theta:0}, k = {K})");
        report.Table(["Lang", "Queries", "p50", "p90", "p99", "max", "candidates (mean)", "recall@1", "exact top 5", "brute force per query", "load avg at start"], latencyRows);
        report.Paragraph("recall@1 and 'exact' compare each query's hits with SearchExhaustive, which scores every segment (no filter) with the same scorer; " +
            "'exact' means the same ids, scores and order. Candidates: segments whose exact unit overlap could reach the threshold, i.e. what the count filter leaves for the edit distance.");
        report.Heading("Work per query (mean)");
        report.Table(["Lang", "bitmap keys", "postings keys", "pages in the length range", "bitmap loads (32 B)", "bitmap bytes read", "candidates"], workRows);
        report.Paragraph("Bitmap keys are streamed page by page over the pages in the length range, rarest first, until no slot of a page can reach the " +
            "threshold any more; postings keys are added into per-slot counters first. Loads and bytes are what the count read after that pruning.");
        report.Heading("Latency by query category");
        report.Table(["Lang", "Category", "p50", "p99", "max", "candidates (mean)", "queries with k hits", "mean k-th score"], categoryRows);
        report.Heading("Build and memory");
        report.Table(["Lang", "Build (one AddRange)", "CPU", "per segment", $"Import ({batch:N0} a batch)", "per segment", "slowest batch", "Managed heap", "per segment", "keys", "bitmap keys", "load avg (build / import)"], buildRows);
        report.Paragraph("Build: one AddRange of every segment into an empty index, wall clock and process CPU (analysis runs on every core, overlapped with adding). " +
            "Import: a fresh empty index, AddRange batch after batch; each batch is analyzed on every core, then applied under the write lock. " +
            "Managed heap: growth of GC.GetTotalMemory after a full collection while the index is built; the texts are not part of it.");
        report.Publish();
        GC.KeepAlive(indexes);
        Log("done");
        return 0;
    }

    /// <summary>Adds <paramref name="items"/> to an empty index in batches, as a bulk import does; the index is dropped after.</summary>
    private static ImportTiming MeasureImport(KeyValuePair<int, string>[] items, int batch)
    {
        HeapAfterFullCollection();
        var load = LoadAverage();
        var index = new FuzzyIndex();
        var slowest = TimeSpan.Zero;
        var cpuBefore = Environment.CpuUsage.TotalTime;
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < items.Length; i += batch)
        {
            var begin = Stopwatch.GetTimestamp();
            index.AddRange(new ArraySegment<KeyValuePair<int, string>>(items, i, Math.Min(batch, items.Length - i)));
            var elapsed = Stopwatch.GetElapsedTime(begin);
            if (elapsed > slowest)
                slowest = elapsed;
        }

        return new ImportTiming(Stopwatch.GetElapsedTime(start), Environment.CpuUsage.TotalTime - cpuBefore, slowest, load);
    }

    private readonly record struct ImportTiming(TimeSpan Time, TimeSpan Cpu, TimeSpan SlowestBatch, string Load);

    private static string LoadAverage()
    {
        const string loadAverage = "/proc/loadavg";
        return File.Exists(loadAverage) ? string.Join(" ", File.ReadAllText(loadAverage).Split(' ').Take(3)) : "—";
    }

    private static long HeapAfterFullCollection()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
