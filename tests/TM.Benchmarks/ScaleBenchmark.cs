using System.Diagnostics;
using System.Globalization;
using TM.Matching;
using TM.Storage;

namespace TM.Benchmarks;

/// <summary>
/// How <see cref="FuzzyIndex.Search"/> scales with the size of the memory: the index alone (no SQLite), per
/// language, at θ = 50 and k = 5, on ~1,000 queries; plus build time, managed memory per segment and, on a
/// small sample checked against brute force, that the index is still exact.
/// </summary>
/// <remarks>
/// Meant to be run at 100,000 and 1,000,000 segments (issue 4's bar: p50 ≤ 1 ms, p99 ≤ 5 ms at a million).
/// Brute force runs only on the sample (<c>--truth-sample</c> queries per category and language), one query per
/// core in parallel, because it costs a full scan per query.
/// </remarks>
internal static class ScaleBenchmark
{
    private const string Command = "scale";
    private const int K = 5;
    private const double Theta = 50;
    private const int SentencesPerRate = 100;
    private const int UnrelatedSentences = 100;

    private static readonly SegmentSide[] Sides = [SegmentSide.Korean, SegmentSide.English];
    private static readonly MatchOptions Options = new() { MaxResults = K, MinScore = Theta };

    public static int Run(CommandArguments arguments)
    {
        var count = arguments.GetInt("segments", 100_000, min: 100, max: 5_000_000);
        var samplePerCategory = arguments.GetInt("truth-sample", 4, min: 0, max: SentencesPerRate);
        var seed = arguments.GetInt("seed", 20240601, min: 0);
        arguments.ThrowIfUnknown();

        var clock = Stopwatch.StartNew();
        void Log(string message) => Console.Error.WriteLine($"[{Command} {clock.Elapsed:mm\\:ss}] {message}");

        Log($"generating {count:N0} synthetic pairs (seed {seed})");
        var corpus = SyntheticCorpus.Generate(count, 0.2, seed);
        var queries = QuerySet.Build(corpus, SentencesPerRate, UnrelatedSentences, seed + 1).Queries;

        var report = new MarkdownReport($"{Command}-{count}", $"FuzzyIndex at scale — {count:N0} segments per language");
        report.Paragraph(
            $"Synthetic memory as in `index-vs-fts5` (seed {seed.ToString(CultureInfo.InvariantCulture)}, 20% revisions). Per language: {SentencesPerRate} memory sentences " +
            $"at each edit rate ({string.Join(", ", QuerySet.EditRates.Select(r => $"{r * 100:0}%"))}) plus {UnrelatedSentences} unrelated sentences; θ = {Theta:0}, k = {K}; " +
            "one thread, one query after another, after a warm-up pass over a quarter of the queries. No SQLite: the index alone.");

        var latencyRows = new List<string[]>();
        var categoryRows = new List<string[]>();
        var buildRows = new List<string[]>();
        var indexes = new List<FuzzyIndex>();
        foreach (var side in Sides)
        {
            var language = side == SegmentSide.Korean ? "ko" : "en";
            var texts = side == SegmentSide.Korean ? corpus.Korean : corpus.English;
            var onSide = queries.Where(q => q.Side == side).ToList();

            Log($"{language}: building the index");
            var items = texts.Select((text, i) => new KeyValuePair<int, string>(i, text)).ToList();
            var before = HeapAfterFullCollection();
            var start = Stopwatch.GetTimestamp();
            var index = new FuzzyIndex();
            index.AddRange(items);
            var buildTime = Stopwatch.GetElapsedTime(start);
            var bytes = HeapAfterFullCollection() - before;
            GC.KeepAlive(items);
            buildRows.Add([language, Units.Seconds(buildTime), Units.Duration(buildTime.TotalMicroseconds / count), Units.Bytes(bytes), Units.Bytes((double)bytes / count)]);

            Log($"{language}: {onSide.Count} queries");
            for (var i = 0; i < onSide.Count; i += 4)
                index.Search(onSide[i].Text, Options);
            var ticks = new long[onSide.Count];
            var hits = new FuzzyHit[onSide.Count][];
            for (var i = 0; i < onSide.Count; i++)
            {
                var begin = Stopwatch.GetTimestamp();
                var found = index.Search(onSide[i].Text, Options);
                ticks[i] = Stopwatch.GetTimestamp() - begin;
                hits[i] = [.. found];
            }

            var sample = new List<int>();
            foreach (var category in QuerySet.Categories)
                sample.AddRange(Enumerable.Range(0, onSide.Count).Where(i => onSide[i].Category == category).Take(samplePerCategory));
            Log($"{language}: brute force on {sample.Count} sample queries");
            var truth = BruteForce(onSide, sample, texts);
            var tally = new RecallTally();
            for (var s = 0; s < sample.Count; s++)
                tally.Add(truth[s], hits[sample[s]]);

            var all = Percentiles.Of(ticks);
            latencyRows.Add([language, Units.Count(all.Count), Units.Duration(all.P50), Units.Duration(all.P90), Units.Duration(all.P99), Units.Duration(all.Max), tally.RecallAt1, $"{tally.Exact}/{tally.Queries}"]);
            foreach (var category in QuerySet.Categories)
            {
                var p = Percentiles.Of(Enumerable.Range(0, onSide.Count).Where(i => onSide[i].Category == category).Select(i => ticks[i]).ToList());
                var inCategory = Enumerable.Range(0, onSide.Count).Where(i => onSide[i].Category == category).ToList();
                var full = inCategory.Where(i => hits[i].Length == K).ToList();
                var kth = full.Count == 0 ? "—" : full.Average(i => hits[i][K - 1].Score).ToString("0.0", CultureInfo.InvariantCulture);
                categoryRows.Add([language, category, Units.Duration(p.P50), Units.Duration(p.P99), Units.Duration(p.Max), Units.Fraction(full.Count, inCategory.Count), kth]);
            }

            indexes.Add(index);
        }

        report.Heading($"Latency (θ = {Theta:0}, k = {K})");
        report.Table(["Lang", "Queries", "p50", "p90", "p99", "max", "recall@1 (sample)", "exact top 5 (sample)"], latencyRows);
        report.Paragraph($"The sample is the first {samplePerCategory} queries of every category, checked against FuzzyScorer over every segment; 'exact' means the same ids, scores and order.");
        report.Heading("Latency by query category (p50 / p99 / max)");
        report.Table(["Lang", "Category", "p50", "p99", "max", "queries with k hits", "mean k-th score"], categoryRows);
        report.Heading("Build and memory");
        report.Table(["Lang", "Build (AddRange)", "per segment", "Managed heap", "per segment"], buildRows);
        report.Paragraph("Managed heap: growth of GC.GetTotalMemory after a full collection while the index is built; the texts are not part of it.");
        report.Publish();
        Log("done");
        return 0;
    }

    private static FuzzyHit[][] BruteForce(List<BenchmarkQuery> queries, List<int> sample, IReadOnlyList<string> texts)
    {
        var truth = new FuzzyHit[sample.Count][];
        var scorer = new FuzzyScorer();
        Parallel.For(0, sample.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, s =>
        {
            var ranked = new RankedHits(K, Theta);
            var query = queries[sample[s]].Text;
            for (var i = 0; i < texts.Count; i++)
                ranked.Offer(i, scorer.Score(query, texts[i]));
            truth[s] = ranked.ToArray();
        });
        return truth;
    }

    private static long HeapAfterFullCollection()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
