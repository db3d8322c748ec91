using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using TM.Matching;
using TM.Storage;

namespace TM.Benchmarks;

/// <summary>
/// The measurement behind our choice of an in-memory n-gram index over SQLite FTS5 for candidate retrieval:
/// on one synthetic memory and one query set, the latency and recall of (a) <see cref="FuzzyIndex.Search"/>,
/// (b) brute force — <see cref="FuzzyScorer"/> over every segment, the ground truth — and (c) FTS5 trigram
/// retrieval of the top C candidates by bm25 verified by the same scorer; plus (d) what each costs in memory.
/// </summary>
/// <remarks>
/// Every query runs on one thread, one after another, except brute force, which runs one query per core in
/// parallel because it is the slow part (each query's time is still that of one thread). Brute force and FTS5
/// run on a stratified sample (the first <c>--truth-sample</c> queries of every category and language); the
/// index runs on every query.
/// </remarks>
internal static class IndexVsFts5Benchmark
{
    private const string Command = "index-vs-fts5";
    private const int DefaultSegments = 50_000;
    private const int K = 5;
    private const double Theta = 50;
    private const int SentencesPerRate = 500;
    private const int UnrelatedSentences = 100;
    private const int ImportBatchSize = 10_000;
    private const string IndexMethod = "FuzzyIndex.Search (exact)";

    private static readonly int[] CandidateCounts = [50, 200];
    private static readonly SegmentSide[] Sides = [SegmentSide.Korean, SegmentSide.English];
    private static readonly MatchOptions Options = new() { MaxResults = K, MinScore = Theta };

    public static int Run(CommandArguments arguments)
    {
        var count = arguments.GetInt("segments", DefaultSegments, min: 100, max: 5_000_000);
        var samplePerCategory = arguments.GetInt("truth-sample", 10, min: 1, max: SentencesPerRate);
        var revisionPercent = arguments.GetInt("revisions", 20, min: 0, max: 90);
        var seed = arguments.GetInt("seed", 20240601, min: 0);
        arguments.ThrowIfUnknown();

        var clock = Stopwatch.StartNew();
        void Log(string message) => Console.Error.WriteLine($"[{Command} {clock.Elapsed:mm\\:ss}] {message}");

        Log($"generating {count:N0} synthetic pairs (seed {seed})");
        var heapBeforeCorpus = HeapAfterFullCollection();
        var corpus = SyntheticCorpus.Generate(count, revisionPercent / 100.0, seed);
        var corpusBytes = HeapAfterFullCollection() - heapBeforeCorpus;
        var queries = QuerySet.Build(corpus, SentencesPerRate, UnrelatedSentences, seed + 1).Queries;
        var sample = StratifiedSample(queries, samplePerCategory);

        Log("building the in-memory indexes");
        var (koreanIndex, englishIndex, koreanBytes, englishBytes, indexBuildTime) = BuildIndexes(corpus);

        var directory = Directory.CreateTempSubdirectory("tm-bench-fts5-").FullName;
        try
        {
            var databasePath = Path.Combine(directory, "tm.db");
            Log("storing the pairs with SegmentStore.AddSegments, then indexing them for FTS5 (IndexConcordanceBacklog)");
            var database = BuildDatabase(corpus, databasePath);

            Log($"FuzzyIndex: {queries.Count:N0} queries");
            var indexHits = new FuzzyHit[queries.Count][];
            var indexTicks = new long[queries.Count];
            RunIndex(queries, koreanIndex, englishIndex, indexHits, indexTicks);

            Log($"brute force: {sample.Count} sample queries × {count:N0} segments on {Environment.ProcessorCount} threads");
            var truth = new FuzzyHit[sample.Count][];
            var bruteTicks = new long[sample.Count];
            RunBruteForce(queries, sample, corpus, truth, bruteTicks, Log);

            var ftsHits = new Dictionary<int, FuzzyHit[][]>();
            var ftsTicks = new Dictionary<int, (long[] Total, long[] Sql)>();
            using (var retriever = new Fts5CandidateRetriever(databasePath))
            {
                foreach (var candidates in CandidateCounts)
                {
                    Log($"FTS5 C={candidates}: {sample.Count} sample queries");
                    ftsHits[candidates] = new FuzzyHit[sample.Count][];
                    ftsTicks[candidates] = (new long[sample.Count], new long[sample.Count]);
                    RunFts5(queries, sample, retriever, database.RowToIndex, candidates, ftsHits[candidates], ftsTicks[candidates].Total, ftsTicks[candidates].Sql);
                }
            }

            // A run at another size gets a file of its own, so the default run's report stays next to it.
            var report = new MarkdownReport(count == DefaultSegments ? Command : $"{Command}-{count}", $"In-memory n-gram index vs SQLite FTS5 trigram retrieval — {count:N0} segment pairs");
            var meanLength = corpus.MeanLength();
            report.Paragraph(
                $"Synthetic KO-EN memory of {count:N0} pairs (seed {seed.ToString(CultureInfo.InvariantCulture)}; Korean {SentenceGenerator.MinKoreanSyllables}-{SentenceGenerator.MaxKoreanSyllables} syllables, " +
                $"mean {meanLength.Korean:0} characters; English {SentenceGenerator.MinEnglishWords}-{SentenceGenerator.MaxEnglishWords} words, mean {meanLength.English:0} characters; " +
                $"in documents of 20-200 sentences sharing a topic vocabulary; {revisionPercent}% of the pairs are revisions of an earlier pair with 5-35% of its units edited). " +
                $"Queries per language: {SentencesPerRate} memory sentences at each edit rate ({string.Join(", ", QuerySet.EditRates.Select(r => $"{r * 100:0}%"))}) plus {UnrelatedSentences} unrelated sentences. " +
                $"θ = {Theta:0}, k = {K}. SQLite {database.SqliteVersion}.");

            var indexLatency = Recorders(queries, Enumerable.Range(0, queries.Count), indexTicks);
            var bruteLatency = Recorders(queries, sample, bruteTicks);
            var tallies = Tallies(queries, sample, truth, indexHits, ftsHits);

            report.Paragraph(Summary(indexLatency, ftsTicks, tallies, queries, sample));

            report.Heading("Latency and recall (θ = 50, k = 5)");
            report.Table(
                ["Method", "Lang", "Queries timed", "p50", "p99", "of p50: SQL", "recall@1", "recall@5", "p50 / index p50"],
                Sides.SelectMany(side => MainRows(side, queries, sample, indexLatency, bruteLatency, ftsTicks, tallies, count)));
            report.Paragraph(
                $"Recall is measured on the {sample.Count} sample queries whose brute-force top {K} is known, counting only queries with a true match ≥ {Theta:0} " +
                $"(unrelated sentences have none). recall@1: the method's best hit scores as high as the true best; recall@{K}: its {K} scores are the true top-{K} scores " +
                $"(ties between equally good segments are not misses). {ExactAgreement(tallies)}");

            report.Heading("Recall by edit rate (recall@1 / recall@5)");
            report.Table(
                ["Method", "Lang", .. QuerySet.EditRates.Select(QuerySet.CategoryOf)],
                Sides.SelectMany(side => RecallRows(side, tallies, queries, sample, truth)));

            report.Heading("Latency by query category (p50 / p99)");
            report.Table(
                ["Lang", "Category", IndexMethod, "brute force", .. CandidateCounts.Select(c => $"FTS5 C={c}")],
                Sides.SelectMany(side => QuerySet.Categories.Select(category => CategoryLatencyRow(side, category, queries, sample, indexTicks, bruteTicks, ftsTicks))));

            report.Heading("Memory");
            report.Table(["Structure", "Total", "Per segment pair"], MemoryRows(count, koreanBytes, englishBytes, corpusBytes, database));
            report.Paragraph(
                "FuzzyIndex: managed heap growth (GC.GetTotalMemory after a full collection) while building the index; the texts are not part of it, " +
                "they live in SQLite. SQLite: the file after a WAL checkpoint, with both sides, the segments table, its unique pair-hash index and the FTS5 " +
                "trigram index over both columns (the store's real schema).");

            report.Heading("Build cost");
            report.Table(["Step", "Time", "Per segment pair"],
            [
                ["FuzzyIndex build, both sides (paid at every server start)", Units.Seconds(indexBuildTime), Units.Duration(indexBuildTime.TotalMicroseconds / count)],
                ["SQLite insert via SegmentStore.AddSegments, then FTS5 trigram indexing of the backlog", Units.Seconds(database.InsertTime), Units.Duration(database.InsertTime.TotalMicroseconds / count)],
                ["FTS5 'optimize' (merges its b-trees: FTS5's best case for queries)", Units.Seconds(database.OptimizeTime), Units.Duration(database.OptimizeTime.TotalMicroseconds / count)],
            ]);

            report.Heading("Method");
            report.Paragraph(
                "(a) FuzzyIndex.Search with MinScore 50, MaxResults 5, one index per language side, every query. " +
                "(b) FuzzyScorer.Score of the query against every segment of its side, top 5 ≥ 50 kept (ties by lower id, as the index orders them). " +
                "(c) One SQL statement per query: the OR of the query's distinct lower-cased trigrams containing a letter or digit, each quoted as an FTS5 string, " +
                "restricted to the query's column (`ko : (…)`), `ORDER BY rank LIMIT C` (bm25), joined to `segments` for the texts; the C texts are then scored with " +
                "FuzzyScorer and the top 5 ≥ 50 kept. The connection has a 512 MiB page cache and the file is memory-mapped; 'of p50: SQL' is the median time of the " +
                "statement alone. Latencies are per query, one thread; brute force ran one query per core in parallel.");
            report.Publish();
            Log("done");
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
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

    private static long HeapAfterFullCollection()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    /// <summary>The first <paramref name="perCategory"/> queries of every language and category, as indexes into <paramref name="queries"/>.</summary>
    private static List<int> StratifiedSample(IReadOnlyList<BenchmarkQuery> queries, int perCategory)
    {
        var taken = new Dictionary<(SegmentSide, string), int>();
        var sample = new List<int>();
        for (var i = 0; i < queries.Count; i++)
        {
            var key = (queries[i].Side, queries[i].Category);
            var already = taken.GetValueOrDefault(key);
            if (already < perCategory)
            {
                taken[key] = already + 1;
                sample.Add(i);
            }
        }
        return sample;
    }

    private static (FuzzyIndex Korean, FuzzyIndex English, long KoreanBytes, long EnglishBytes, TimeSpan BuildTime) BuildIndexes(SyntheticCorpus corpus)
    {
        // The item lists exist before the first measurement and after the last, so they cancel out.
        var korean = corpus.Korean.Select((text, i) => new KeyValuePair<int, string>(i, text)).ToList();
        var english = corpus.English.Select((text, i) => new KeyValuePair<int, string>(i, text)).ToList();
        var before = HeapAfterFullCollection();
        var start = Stopwatch.GetTimestamp();
        var koreanIndex = new FuzzyIndex();
        koreanIndex.AddRange(korean);
        var koreanTime = Stopwatch.GetElapsedTime(start);
        var afterKorean = HeapAfterFullCollection();
        start = Stopwatch.GetTimestamp();
        var englishIndex = new FuzzyIndex();
        englishIndex.AddRange(english);
        var englishTime = Stopwatch.GetElapsedTime(start);
        var afterEnglish = HeapAfterFullCollection();
        GC.KeepAlive(korean);
        GC.KeepAlive(english);
        return (koreanIndex, englishIndex, afterKorean - before, afterEnglish - afterKorean, koreanTime + englishTime);
    }

    private static StoreBuild BuildDatabase(SyntheticCorpus corpus, string path)
    {
        var rowToIndex = new Dictionary<long, int>(corpus.Count);
        var start = Stopwatch.GetTimestamp();
        using (var store = SegmentStore.Open(path))
        {
            for (var first = 0; first < corpus.Count; first += ImportBatchSize)
            {
                var batch = new List<SegmentInput>(ImportBatchSize);
                for (var i = first; i < Math.Min(corpus.Count, first + ImportBatchSize); i++)
                    batch.Add(new SegmentInput(corpus.Korean[i], corpus.English[i], Origin: "synthetic"));
                var outcome = store.AddSegments(null, ImportKind.Segments, $"synthetic-{first}", batch);
                if (outcome.SkippedDuplicates != 0)
                    throw new InvalidOperationException("The synthetic corpus has duplicate pairs; the row-to-segment map would be wrong.");
                for (var i = 0; i < outcome.Added.Count; i++)
                    rowToIndex[outcome.Added[i].Id] = first + i;
            }
            // The store indexes concordance after the fact (the server runs this in the background).
            while (store.IndexConcordanceBacklog(20_000) > 0)
            {
            }
        }
        var insertTime = Stopwatch.GetElapsedTime(start);

        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        start = Stopwatch.GetTimestamp();
        Execute(connection, "INSERT INTO segments_fts(segments_fts) VALUES ('optimize');");
        var optimizeTime = Stopwatch.GetElapsedTime(start);
        Execute(connection, "PRAGMA wal_checkpoint(TRUNCATE);");
        var version = Convert.ToString(Scalar(connection, "SELECT sqlite_version();"), CultureInfo.InvariantCulture) ?? "?";

        long ftsBytes = -1, tableBytes = -1;
        try
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT name, SUM(pgsize) FROM dbstat GROUP BY name;";
            using var reader = command.ExecuteReader();
            ftsBytes = tableBytes = 0;
            while (reader.Read())
            {
                var name = reader.GetString(0);
                if (name.StartsWith("segments_fts", StringComparison.Ordinal))
                    ftsBytes += reader.GetInt64(1);
                else if (name == "segments" || name.StartsWith("sqlite_autoindex_segments", StringComparison.Ordinal))
                    tableBytes += reader.GetInt64(1);
            }
        }
        catch (SqliteException)
        {
            // dbstat is a compile-time option of SQLite, missing from some builds: fall back to the bytes of the
            // FTS5 index's data blocks, which leaves out only page overhead and the small docsize/idx tables.
            ftsBytes = Convert.ToInt64(Scalar(connection, "SELECT SUM(length(block)) FROM segments_fts_data;"), CultureInfo.InvariantCulture);
            tableBytes = -1;
        }

        var fileBytes = new FileInfo(path).Length + (File.Exists(path + "-wal") ? new FileInfo(path + "-wal").Length : 0);
        return new StoreBuild(rowToIndex, insertTime, optimizeTime, fileBytes, ftsBytes, tableBytes, version);
    }

    private static void RunIndex(IReadOnlyList<BenchmarkQuery> queries, FuzzyIndex korean, FuzzyIndex english, FuzzyHit[][] hits, long[] ticks)
    {
        // Warm-up: JIT, tiered compilation and the searcher's thread-local buffers.
        for (var i = 0; i < queries.Count; i += 4)
            (queries[i].Side == SegmentSide.Korean ? korean : english).Search(queries[i].Text, Options);

        for (var i = 0; i < queries.Count; i++)
        {
            var query = queries[i];
            var index = query.Side == SegmentSide.Korean ? korean : english;
            var start = Stopwatch.GetTimestamp();
            var found = index.Search(query.Text, Options);
            ticks[i] = Stopwatch.GetTimestamp() - start;
            hits[i] = [.. found];
        }
    }

    private static void RunBruteForce(IReadOnlyList<BenchmarkQuery> queries, List<int> sample, SyntheticCorpus corpus, FuzzyHit[][] truth, long[] ticks, Action<string> log)
    {
        var scorer = new FuzzyScorer();
        var done = 0;
        Parallel.For(0, sample.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, s =>
        {
            var query = queries[sample[s]];
            var texts = query.Side == SegmentSide.Korean ? corpus.Korean : corpus.English;
            var ranked = new RankedHits(K, Theta);
            var start = Stopwatch.GetTimestamp();
            for (var i = 0; i < texts.Count; i++)
                ranked.Offer(i, scorer.Score(query.Text, texts[i]));
            ticks[s] = Stopwatch.GetTimestamp() - start;
            truth[s] = ranked.ToArray();
            if (Interlocked.Increment(ref done) % 100 == 0)
                log($"brute force: {done}/{sample.Count}");
        });
    }

    private static void RunFts5(IReadOnlyList<BenchmarkQuery> queries, List<int> sample, Fts5CandidateRetriever retriever, Dictionary<long, int> rowToIndex,
        int candidates, FuzzyHit[][] hits, long[] totalTicks, long[] sqlTicks)
    {
        var scorer = new FuzzyScorer();
        var found = new List<(long Row, string Text)>(candidates);
        void Collect(long row, string text) => found.Add((row, text));

        for (var s = 0; s < Math.Min(20, sample.Count); s++)
            retriever.Retrieve(queries[sample[s]].Text, queries[sample[s]].Side, candidates, Collect);

        for (var s = 0; s < sample.Count; s++)
        {
            var query = queries[sample[s]];
            found.Clear();
            var start = Stopwatch.GetTimestamp();
            retriever.Retrieve(query.Text, query.Side, candidates, Collect);
            sqlTicks[s] = Stopwatch.GetTimestamp() - start;
            var ranked = new RankedHits(K, Theta);
            foreach (var (row, text) in found)
                ranked.Offer(rowToIndex[row], scorer.Score(query.Text, text));
            totalTicks[s] = Stopwatch.GetTimestamp() - start;
            hits[s] = ranked.ToArray();
        }
    }

    private static Dictionary<(SegmentSide, string), LatencyRecorder> Recorders(IReadOnlyList<BenchmarkQuery> queries, IEnumerable<int> queryIndexes, long[] ticks)
    {
        // Keyed by (side, category) and by (side, "") for the whole language; ticks[k] is the time of the
        // k-th query of queryIndexes (every query for the index, the sample for brute force).
        var recorders = new Dictionary<(SegmentSide, string), LatencyRecorder>();
        var position = 0;
        foreach (var i in queryIndexes)
        {
            foreach (var key in new[] { (queries[i].Side, ""), (queries[i].Side, queries[i].Category) })
            {
                if (!recorders.TryGetValue(key, out var recorder))
                    recorders[key] = recorder = new LatencyRecorder();
                recorder.Record(ticks[position]);
            }
            position++;
        }
        return recorders;
    }

    private static Dictionary<(string Method, SegmentSide Side, string Category), RecallTally> Tallies(IReadOnlyList<BenchmarkQuery> queries, List<int> sample,
        FuzzyHit[][] truth, FuzzyHit[][] indexHits, Dictionary<int, FuzzyHit[][]> ftsHits)
    {
        var tallies = new Dictionary<(string, SegmentSide, string), RecallTally>();
        void Add(string method, BenchmarkQuery query, FuzzyHit[] expected, FuzzyHit[] found)
        {
            foreach (var category in new[] { "", query.Category })
            {
                if (!tallies.TryGetValue((method, query.Side, category), out var tally))
                    tallies[(method, query.Side, category)] = tally = new RecallTally();
                tally.Add(expected, found);
            }
        }

        for (var s = 0; s < sample.Count; s++)
        {
            var query = queries[sample[s]];
            Add(IndexMethod, query, truth[s], indexHits[sample[s]]);
            foreach (var (candidates, hits) in ftsHits)
                Add(FtsMethod(candidates), query, truth[s], hits[s]);
        }
        return tallies;
    }

    private static string FtsMethod(int candidates) => $"FTS5 trigram OR, top {candidates} by bm25, then FuzzyScorer";

    private static IEnumerable<string[]> MainRows(SegmentSide side, IReadOnlyList<BenchmarkQuery> queries, List<int> sample,
        Dictionary<(SegmentSide, string), LatencyRecorder> indexLatency, Dictionary<(SegmentSide, string), LatencyRecorder> bruteLatency,
        Dictionary<int, (long[] Total, long[] Sql)> ftsTicks, Dictionary<(string, SegmentSide, string), RecallTally> tallies, int segments)
    {
        var language = side == SegmentSide.Korean ? "ko" : "en";
        var index = indexLatency[(side, "")].Summarize();
        var indexTally = tallies[(IndexMethod, side, "")];
        yield return [IndexMethod, language, Units.Count(index.Count), Units.Duration(index.P50), Units.Duration(index.P99), "—", indexTally.RecallAt1, indexTally.RecallAtK, "1×"];

        var brute = bruteLatency[(side, "")].Summarize();
        yield return
        [
            $"Brute force: FuzzyScorer × every segment ({Units.Duration(brute.P50 / segments)} per segment)", language, Units.Count(brute.Count),
            Units.Duration(brute.P50), Units.Duration(brute.P99), "—", "ground truth", "ground truth", Units.Factor(brute.P50 / index.P50),
        ];

        var onSide = Enumerable.Range(0, sample.Count).Where(s => queries[sample[s]].Side == side).ToList();
        foreach (var (candidates, (total, sql)) in ftsTicks)
        {
            var latency = Percentiles.Of(onSide.Select(s => total[s]).ToList());
            var sqlLatency = Percentiles.Of(onSide.Select(s => sql[s]).ToList());
            var tally = tallies[(FtsMethod(candidates), side, "")];
            yield return
            [
                FtsMethod(candidates), language, Units.Count(latency.Count), Units.Duration(latency.P50), Units.Duration(latency.P99),
                Units.Duration(sqlLatency.P50), tally.RecallAt1, tally.RecallAtK, Units.Factor(latency.P50 / index.P50),
            ];
        }
    }

    private static IEnumerable<string[]> RecallRows(SegmentSide side, Dictionary<(string, SegmentSide, string), RecallTally> tallies,
        IReadOnlyList<BenchmarkQuery> queries, List<int> sample, FuzzyHit[][] truth)
    {
        var language = side == SegmentSide.Korean ? "ko" : "en";
        var rates = QuerySet.EditRates.Select(QuerySet.CategoryOf).ToList();
        foreach (var method in new[] { IndexMethod }.Concat(CandidateCounts.Select(FtsMethod)))
            yield return [method, language, .. rates.Select(category => tallies[(method, side, category)].ShortRecall)];

        // What the ground truth looked like, so a reader can tell a hard category from a badly served one.
        var inSample = Enumerable.Range(0, sample.Count).Where(s => queries[sample[s]].Side == side).ToList();
        yield return
        [
            "(ground truth: queries with a match ≥ 50 / mean best score)", language,
            .. rates.Select(category =>
            {
                var best = inSample.Where(s => queries[sample[s]].Category == category).Select(s => truth[s]).ToList();
                var withMatch = best.Where(hits => hits.Length > 0).ToList();
                return $"{withMatch.Count}/{best.Count}, {(withMatch.Count == 0 ? 0 : withMatch.Average(hits => hits[0].Score)):0.0}";
            }),
        ];
    }

    private static string[] CategoryLatencyRow(SegmentSide side, string category, IReadOnlyList<BenchmarkQuery> queries, List<int> sample,
        long[] indexTicks, long[] bruteTicks, Dictionary<int, (long[] Total, long[] Sql)> ftsTicks)
    {
        static string Cell(Percentiles p) => p.Count == 0 ? "—" : $"{Units.Duration(p.P50)} / {Units.Duration(p.P99)}";
        var all = Enumerable.Range(0, queries.Count).Where(i => queries[i].Side == side && queries[i].Category == category).ToList();
        var inSample = Enumerable.Range(0, sample.Count).Where(s => queries[sample[s]].Side == side && queries[sample[s]].Category == category).ToList();
        return
        [
            side == SegmentSide.Korean ? "ko" : "en", category,
            Cell(Percentiles.Of(all.Select(i => indexTicks[i]).ToList())),
            Cell(Percentiles.Of(inSample.Select(s => bruteTicks[s]).ToList())),
            .. ftsTicks.Values.Select(t => Cell(Percentiles.Of(inSample.Select(s => t.Total[s]).ToList()))),
        ];
    }

    private static IEnumerable<string[]> MemoryRows(int count, long koreanBytes, long englishBytes, long corpusBytes, StoreBuild database)
    {
        string[] Row(string name, long bytes) => [name, Units.Bytes(bytes), Units.Bytes((double)bytes / count)];
        yield return Row("FuzzyIndex, Korean side (managed heap)", koreanBytes);
        yield return Row("FuzzyIndex, English side (managed heap)", englishBytes);
        yield return Row("FuzzyIndex, both sides", koreanBytes + englishBytes);
        yield return Row("(for scale: the texts of both sides as .NET strings)", corpusBytes);
        yield return Row("SQLite file: segments + unique index + FTS5 trigram (ko, en)", database.FileBytes);
        if (database.TableBytes >= 0)
        {
            yield return Row("  of which the FTS5 trigram index (dbstat)", database.FtsBytes);
            yield return Row("  of which the segments table and its unique index (dbstat)", database.TableBytes);
        }
        else
        {
            yield return Row("  of which the FTS5 trigram index (its data blocks; no dbstat in this SQLite)", database.FtsBytes);
        }
    }

    private static string Summary(Dictionary<(SegmentSide, string), LatencyRecorder> indexLatency, Dictionary<int, (long[] Total, long[] Sql)> ftsTicks,
        Dictionary<(string, SegmentSide, string), RecallTally> tallies, IReadOnlyList<BenchmarkQuery> queries, List<int> sample)
    {
        var parts = new List<string>();
        foreach (var side in Sides)
        {
            var index = indexLatency[(side, "")].Summarize().P50;
            var onSide = Enumerable.Range(0, sample.Count).Where(s => queries[sample[s]].Side == side).ToList();
            var fts = CandidateCounts.Select(c => Percentiles.Of(onSide.Select(s => ftsTicks[c].Total[s]).ToList()).P50).ToList();
            var recall = CandidateCounts.Select(c => tallies[(FtsMethod(c), side, "")]).ToList();
            parts.Add(
                $"{(side == SegmentSide.Korean ? "Korean" : "English")}: FuzzyIndex p50 {Units.Duration(index)}, FTS5 p50 {string.Join(" / ", fts.Select(Units.Duration))} " +
                $"(C = {string.Join(" / ", CandidateCounts)}), {string.Join(" / ", fts.Select(f => Units.Factor(f / index)))} slower; " +
                $"FTS5 recall@1 {string.Join(" / ", recall.Select(t => Units.Percent(t.WithTrueMatch == 0 ? 0 : (double)t.BestFound / t.WithTrueMatch)))} vs 100 % by construction.");
        }
        return "**Summary.** " + string.Join(" ", parts);
    }

    private static string ExactAgreement(Dictionary<(string, SegmentSide, string), RecallTally> tallies)
    {
        var exact = Sides.Sum(side => tallies[(IndexMethod, side, "")].Exact);
        var total = Sides.Sum(side => tallies[(IndexMethod, side, "")].Queries);
        return $"FuzzyIndex returned exactly the brute-force top {K} (same ids, same scores, same order) for {exact} of {total} sample queries.";
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
