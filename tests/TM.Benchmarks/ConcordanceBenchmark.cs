using System.Diagnostics;
using TM.Search;

namespace TM.Benchmarks;

/// <summary>
/// <c>concordance</c>: the Lucene.Net search index alone (<see cref="SegmentSearchIndex"/>) over the synthetic memory of
/// <c>scale</c> and <c>perf</c>: index build rate and size on disk, p50/p99 of Korean terms of 1 to 4 syllables and of
/// English words and two-word phrases (as written and as word forms), with and without a filter, Korean hit counts against a substring scan, and how
/// long a 5,000-pair batch takes to become searchable (the near-real-time reopen).
/// </summary>
/// <remarks>
/// Terms are cut from the memory's own texts (a Korean run of Hangul syllables, an English word or two adjacent words), so
/// every query has hits, common and rare ones alike, as translators' terms do.
/// </remarks>
internal static class ConcordanceBenchmark
{
    private const string Command = "concordance";
    private const int Batch = 5_000;
    private const int Origins = 10;
    private const int NrtBatches = 5;

    public static int Run(CommandArguments arguments)
    {
        var segments = arguments.GetInt("segments", 1_000_000, min: 10_000);
        var queries = arguments.GetInt("queries", 1_000, min: 10);
        var exactness = arguments.GetInt("exactness", 200, min: 0);
        var seed = arguments.GetInt("seed", 20240601);
        arguments.ThrowIfUnknown();

        var clock = Stopwatch.StartNew();
        void Log(string message) => Console.Error.WriteLine($"[{Command} {clock.Elapsed:mm\\:ss}] {message}");
        var report = new MarkdownReport(segments == 1_000_000 ? Command : $"{Command}-{segments}", $"Concordance on Lucene.Net — {segments:N0} synthetic pairs");
        var directory = Directory.CreateTempSubdirectory("tm-bench-concordance-").FullName;
        try
        {
            Log($"generating {segments:N0} synthetic pairs (seed {seed})");
            var corpus = SyntheticCorpus.Generate(segments + NrtBatches * Batch, SyntheticTmxDataset.RevisionShare, seed);
            var created = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

            IndexedSegment Document(int i) => new(
                i + 1, 1, corpus.Korean[i], corpus.English[i], $"document-{i % Origins}.tmx", 1 + i / Batch,
                created.AddMinutes(i), created.AddMinutes(i), "", "");

            using var index = SegmentSearchIndex.Open(directory);
            Log($"indexing {segments:N0} pairs in batches of {Batch:N0}");
            var cpuBefore = CpuTime();
            var started = Stopwatch.GetTimestamp();
            // As the server's follower hands batches to the index: queued, not waited for one by one (the index's queue
            // is bounded); Commit waits for the last.
            var queued = new List<Task>();
            for (var first = 0; first < segments; first += Batch)
            {
                var documents = new IndexedSegment[Math.Min(Batch, segments - first)];
                for (var i = 0; i < documents.Length; i++)
                    documents[i] = Document(first + i);
                queued.Add(index.UpsertAsync(documents));
                if ((first / Batch) % 40 == 39)
                    Log($"  {first + documents.Length:N0} indexed, {Units.PerSecond((first + documents.Length) / Stopwatch.GetElapsedTime(started).TotalSeconds)}");
            }
            Task.WaitAll(queued);
            index.Commit(new Dictionary<string, string>());
            index.Refresh();
            var built = Stopwatch.GetElapsedTime(started);
            var cpu = CpuTime() - cpuBefore;
            var bytes = Directory.GetFiles(directory).Sum(path => new FileInfo(path).Length);
            Log($"indexed and committed in {Units.Seconds(built)} (CPU {Units.Seconds(cpu)}), {Units.Bytes(bytes)} on disk");

            var random = new Random(seed + 13);
            var englishWords = ConcordanceTerms.English(corpus.English, segments, 1, queries, random);
            var englishPhrases = ConcordanceTerms.English(corpus.English, segments, 2, queries, random);
            var sets = new List<(string Name, ConcordanceSides Side, List<string> Terms, bool WordForms)>
            {
                ("Korean, 1 syllable", ConcordanceSides.Korean, ConcordanceTerms.Korean(corpus.Korean, segments, 1, queries, random), false),
                ("Korean, 2 syllables", ConcordanceSides.Korean, ConcordanceTerms.Korean(corpus.Korean, segments, 2, queries, random), false),
                ("Korean, 3 syllables", ConcordanceSides.Korean, ConcordanceTerms.Korean(corpus.Korean, segments, 3, queries, random), false),
                ("Korean, 4 syllables", ConcordanceSides.Korean, ConcordanceTerms.Korean(corpus.Korean, segments, 4, queries, random), false),
                ("English word", ConcordanceSides.English, englishWords, false),
                ("English 2-word phrase", ConcordanceSides.English, englishPhrases, false),
                ("English word, word forms", ConcordanceSides.English, englishWords, true),
                ("English 2-word phrase, word forms", ConcordanceSides.English, englishPhrases, true),
            };

            var rows = new List<string[]>();
            foreach (var (name, side, terms, wordForms) in sets)
            {
                foreach (var filtered in (bool[])[false, true])
                {
                    Log($"querying: {name}{(filtered ? ", filtered" : "")}");
                    var (latency, meanTotal) = Measure(index, terms, side, filtered, wordForms, created, segments);
                    rows.Add([name, filtered ? "origin + changed range" : "none", Units.Count(latency.Count),
                        Units.Duration(latency.P50), Units.Duration(latency.P99), Units.Duration(latency.Max), meanTotal.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)]);
                }
            }

            Log($"checking Korean hit counts against a substring scan for {exactness} terms of 2-4 syllables");
            var (equal, checkedTerms, firstMismatch) = CheckExactness(index, corpus, segments, exactness, random);

            Log($"{NrtBatches} more batches of {Batch:N0}: time until searchable");
            var nrt = new LatencyRecorder(NrtBatches);
            var upsert = new LatencyRecorder(NrtBatches);
            for (var b = 0; b < NrtBatches; b++)
            {
                var first = segments + b * Batch;
                var documents = Enumerable.Range(first, Batch).Select(Document).ToArray();
                var start = Stopwatch.GetTimestamp();
                index.Upsert(documents);
                upsert.RecordSince(start);
                var refresh = Stopwatch.GetTimestamp();
                index.Refresh();
                nrt.RecordSince(refresh);
                var newest = documents[^1];
                var found = index.Search(new ConcordanceQuery(1, newest.Korean[..Math.Min(4, newest.Korean.Length)], ConcordanceSides.Korean) { AfterId = newest.Id - 1, MaxHits = 1 });
                if (found.Ids.Count != 1 || found.Ids[0] != newest.Id)
                    throw new InvalidOperationException($"the newest pair {newest.Id} is not searchable after the refresh");
            }
            var nrtFigures = nrt.Summarize();
            var upsertFigures = upsert.Summarize();

            report.Heading("Building the index");
            report.Table(["Figure", "Value"],
            [
                ["Pairs indexed (Upsert in batches of 5,000, then Commit)", Units.Count(segments)],
                ["Wall time / rate", $"{Units.Seconds(built)} / {Units.PerSecond(segments / built.TotalSeconds)}"],
                ["CPU per pair (all threads: Lucene flushes and merges on its own)", Units.Duration(cpu.TotalMicroseconds / segments)],
                ["Index on disk / per pair", $"{Units.Bytes(bytes)} / {bytes / (double)segments:N0} B"],
                ["Mean text length, Korean / English", $"{corpus.MeanLength().Korean:N0} / {corpus.MeanLength().English:N0} characters"],
            ]);
            report.Heading("Concordance latency (one thread, 20 ids per query, Total counted)");
            report.Table(["Terms", "Filter", "Queries", "p50", "p99", "Max", "Mean hits"], rows);
            report.Paragraph("The filter keeps one origin of ten and a changed-date range of half the memory: about 5% of the pairs.");
            report.Heading("Exactness and freshness");
            report.Table(["Figure", "Value"],
            [
                [$"Korean terms of 2-4 syllables whose hit count equals a substring scan of {Units.Count(segments)} texts", $"{equal} of {checkedTerms}{(firstMismatch is null ? "" : $" (first mismatch: {firstMismatch})")}"],
                [$"Upsert of a {Batch:N0}-pair batch, p50 / max of {NrtBatches}", $"{Units.Duration(upsertFigures.P50)} / {Units.Duration(upsertFigures.Max)}"],
                [$"Refresh until the batch is searchable (NRT reopen), p50 / max of {NrtBatches}", $"{Units.Duration(nrtFigures.P50)} / {Units.Duration(nrtFigures.Max)}"],
            ]);
            report.Publish();
            return equal == checkedTerms ? 0 : 1;
        }
        finally
        {
            try { Directory.Delete(directory, recursive: true); }
            catch (IOException) { Log($"could not delete {directory}"); }
        }
    }

    private static (Percentiles Latency, double MeanTotal) Measure(SegmentSearchIndex index, List<string> terms, ConcordanceSides side, bool filtered, bool wordForms, DateTimeOffset created, int segments)
    {
        var recorder = new LatencyRecorder(terms.Count);
        long totals = 0;
        // One pass to warm the JIT and the page cache, unmeasured.
        foreach (var term in terms.Take(20))
            index.Search(Query(term, side, filtered, created, segments) with { EnglishWordForms = wordForms });
        foreach (var term in terms)
        {
            var start = Stopwatch.GetTimestamp();
            var hits = index.Search(Query(term, side, filtered, created, segments) with { EnglishWordForms = wordForms });
            recorder.RecordSince(start);
            totals += hits.Total;
        }
        return (recorder.Summarize(), totals / (double)terms.Count);
    }

    private static ConcordanceQuery Query(string term, ConcordanceSides side, bool filtered, DateTimeOffset created, int segments) =>
        filtered
            ? new ConcordanceQuery(1, term, side) { Origin = "document-3.tmx", ChangedFrom = created.AddMinutes(segments / 4), ChangedTo = created.AddMinutes(segments * 3 / 4) }
            : new ConcordanceQuery(1, term, side);

    private static (int Equal, int Checked, string? FirstMismatch) CheckExactness(SegmentSearchIndex index, SyntheticCorpus corpus, int segments, int count, Random random)
    {
        var equal = 0;
        string? firstMismatch = null;
        for (var i = 0; i < count; i++)
        {
            var term = ConcordanceTerms.Korean(corpus.Korean, segments, random.Next(2, 5), 1, random)[0];
            var expected = 0;
            for (var s = 0; s < segments; s++)
            {
                if (corpus.Korean[s].Contains(term, StringComparison.Ordinal))
                    expected++;
            }
            var total = index.Search(new ConcordanceQuery(1, term, ConcordanceSides.Korean) { MaxHits = 0 }).Total;
            if (total == expected)
                equal++;
            else
                firstMismatch ??= $"'{term}': index {total}, scan {expected}";
        }
        return (equal, count, firstMismatch);
    }

    private static TimeSpan CpuTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}
