using System.Globalization;
using TM.Storage;

namespace TM.Benchmarks;

/// <summary>Turns the perf command's measurements into its report: one section per phase, then the summary table against the issues' bars.</summary>
internal static class PerfReport
{
    private const int BarSegments = 1_000_000;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void Fill(
        MarkdownReport report, SyntheticTmxDataset dataset, ImportMeasurement import, RestartMeasurement restart, TimeSpan backlogWait, LookupRun byQuery, IReadOnlyList<LookupRun> runs,
        (double Theta, LookupRun Run) context, long rssAfterRuns, CatalogMeasurement? catalog, int seconds, int k, double theta, (double? Start, double? End) load)
    {
        var n = dataset.Segments;
        var cores = Environment.ProcessorCount;
        WarnOfLoad(report, load);
        report.Paragraph(
            $"The server runs as a child process, `dotnet TM.Server.dll --no-seeds true` from this benchmark's build (server GC, as the server ships), on a " +
            $"free loopback port with a fresh data directory; the clients are grpc-dotnet clients (Grpc.Net.Client) in this process. Client and server share the " +
            $"machine's {Environment.ProcessorCount} cores. Memory: the synthetic corpus of `scale` ({n:N0} pairs, 20% revisions) written as TMX 1.4b by " +
            $"TmxWriter; queries: the `scale` query set ({SyntheticTmxDataset.SentencesPerRate} memory sentences per edit rate and {SyntheticTmxDataset.UnrelatedSentences} " +
            $"unrelated sentences, per language). Lookups at θ = {theta:0}, k = {k}. In-process latency and exactness against brute force: see `scale-{n}.md`.");

        report.Heading("Import: ImportTmx into an empty server");
        var r = import.Response;
        report.Table(["Figure", "Value"],
        [
            ["TMX file", $"{Units.Bytes(import.FileBytes)}, {n:N0} units"],
            ["Units read / pairs stored / duplicates", $"{r.UnitsRead:N0} / {r.PairsStored:N0} / {r.PairsSkippedDuplicate:N0}"],
            ["Units skipped (other languages, no Korean, no English, empty)", $"{r.SkippedOtherLanguages + r.SkippedMissingKorean + r.SkippedMissingEnglish + r.SkippedEmpty:N0}"],
            ["Batches committed", Units.Count(r.BatchesCommitted)],
            ["Segments in the memory afterwards (GetStats)", Units.Count(import.StoredSegments)],
            ["Elapsed, first byte sent to final answer", Units.Seconds(import.Elapsed)],
            ["Rate (durable)", $"{Units.Count((long)import.UnitsPerSecond)} units/s, {(import.FileBytes / 1_048_576.0 / import.Elapsed.TotalSeconds).ToString("0.0", Invariant)} MiB/s of TMX"],
            ["Server RSS before the import (empty memory)", Units.Bytes(import.EmptyServerRss)],
            [$"Server RSS during the import, peak of {import.Samples:N0} samples (every 100 ms)", Units.Bytes(import.PeakRss)],
            ["Server VmHWM after the import (the kernel's high-water mark, updated lazily)", Units.Bytes(import.HighWaterMark)],
            ["Server CPU during the import", $"{Units.Seconds(import.ServerCpu)} ({(import.ServerCpu / import.Elapsed).ToString("0.00", Invariant)} cores on average), {Units.Duration(import.ServerCpu.TotalMicroseconds / Math.Max(1, r.UnitsRead))} per unit"],
        ]);
        report.Paragraph(
            "The rate counts units read, from the first byte sent until the answer, which the server sends only after its last batch is committed: every " +
            "counted unit is durable. The TMX file is streamed in 64 KB messages, as `tm import` does.");

        report.Heading("Restart: cold start over the imported memory");
        report.Table(["Figure", "Value"],
        [
            ["Graceful stop (SIGTERM until exit; includes saving the index snapshot)", $"{Units.Seconds(restart.StopTime)}, exit code {restart.ExitCode}{(restart.Killed ? ", killed after a minute" : "")}"],
            ["Database on disk (tm.db, WAL, shm)", $"{Units.Bytes(restart.DatabaseBytes)}, {Units.Bytes((double)restart.DatabaseBytes / n)} per segment"],
            ["Index snapshot on disk (tm.db-index/)", $"{Units.Bytes(restart.SnapshotBytes)}, {Units.Bytes((double)restart.SnapshotBytes / n)} per segment"],
            ["Index snapshot saved by the importing server (server log)", restart.SnapshotSaveLog is { } saved ? After(saved, "saved:") : "— (no log line)"],
            ["Without the snapshot (`--index-snapshots false`): index analyzed from the database (server log)", restart.RebuildLoadLog is { } rebuilt ? $"{After(rebuilt.Line, "loaded:")}, logged {Units.Seconds(rebuilt.At)} after process start" : "— (no log line)"],
            ["Without the snapshot: process start to first answered Lookup", Units.Seconds(restart.RebuildColdStart)],
            ["Index load from the snapshot (server log)", restart.LoadLog is { } loaded ? $"{After(loaded.Line, "loaded:")}, logged {Units.Seconds(loaded.At)} after process start" : "— (no log line)"],
            ["Listening (server log)", restart.ListeningAt is { } at ? Units.Seconds(at) + " after process start" : "— (no log line)"],
            ["**Cold start from the snapshot: process start to first answered Lookup**", Units.Seconds(restart.ColdStart)],
            ["The same for the empty server, before the import", Units.Seconds(import.EmptyServerStart)],
            ["RSS right after the first answer", Units.Bytes(restart.RssAfterLoad)],
            ["RSS per segment (all / above the empty server)", $"{Units.Bytes((double)restart.RssAfterLoad / n)} / {Units.Bytes((double)(restart.RssAfterLoad - import.EmptyServerRss) / n)}"],
            ["Search index catching up after the cold start; waited for before the throughput runs", Units.Seconds(backlogWait)],
            ["RSS after the throughput runs", Units.Bytes(rssAfterRuns)],
        ]);
        report.Paragraph(
            "The server loads every memory's index before it listens: from the snapshot the stop saved beside the database when it describes the " +
            "memory as stored, else by analyzing every text (after a crash, or with snapshots off). The first answered Lookup also pays for the JIT of the lookup path.");

        report.Heading("gRPC Lookup throughput, closed loop");
        report.Table(["θ", "Callers", "Channels", "Lookups", "Errors", "Lookups/s", "p50", "p90", "p99", "max", "Server CPU", "Client CPU", "Server CPU/lookup"],
            runs.Select(run => RunRow(theta, run)).Append(RunRow(context.Theta, context.Run)));
        report.Paragraph(
            $"Each row runs {seconds} s after a 3 s warm-up; every caller sends its next Lookup when the previous one returns, queries of both languages " +
            $"cycled. The last row is the same load at θ = {context.Theta:0}, for context (the default minimum match of common CAT tools); the bars are at θ = {theta:0}. " +
            "CPU columns are cores in use on average (CPU time / wall time): the clients' share is taken from the server on this machine; " +
            $"{cores} cores bound lookups/s by {cores} s ÷ (server + client CPU per lookup)." +
            (runs.FirstOrDefault(run => run.FirstError is not null) is { } failed ? $" First error: {failed.FirstError}" : ""));

        report.Heading("Latency by query, 1 caller");
        report.Table(["Lang", "Category", "Lookups", "p50", "p90", "p99", "max", "Mean matches"], ByCategory(byQuery, dataset.Queries));
        report.Paragraph(
            $"Every query once, one after another, after the throughput runs: {Units.Count(byQuery.Samples.Count)} lookups in {Units.Seconds(byQuery.Elapsed)}" +
            (byQuery.Errors > 0 ? $", {byQuery.Errors} failed ({byQuery.FirstError})." : "."));

        if (catalog is not null)
            FillCatalog(report, catalog);

        report.Heading("Summary");
        report.Table(["Figure", "Measured", $"Bar at {BarSegments:N0} segments", "Met"], SummaryRows(n, import, restart, runs, context, catalog));
        report.Paragraph(n >= BarSegments
            ? "The bars are issue 4's and issue 5's."
            : $"The bars are issue 4's and issue 5's, set for {BarSegments:N0} segments; at {n:N0} they are not judged (run `perf --segments {BarSegments}`).");
    }

    /// <summary>Says so at the top of the report when the 1-minute load average exceeded the core count at the start or the end.</summary>
    public static void WarnOfLoad(MarkdownReport report, (double? Start, double? End) load)
    {
        var cores = Environment.ProcessorCount;
        if (load.Start > cores || load.End > cores)
        {
            report.Paragraph(
                $"**A busy machine**: the 1-minute load average was {load.Start?.ToString("0.0", Invariant) ?? "?"} at the start and " +
                $"{load.End?.ToString("0.0", Invariant) ?? "?"} at the end, on {cores} cores. Other processes took CPU from the server and the clients, so " +
                "every rate here is too low and every latency too high; the server CPU time per unit and per lookup are the least affected figures.");
        }
    }

    private static void FillCatalog(MarkdownReport report, CatalogMeasurement catalog)
    {
        var corpus = catalog.Corpus;
        report.Heading("Real corpus: LibreOffice's Korean catalogs (Debian libreoffice-l10n-ko)");
        var entries = corpus.Catalogs.Sum(c => c.Entries.Count);
        report.Table(["Figure", "Value"],
        [
            ["Package", corpus.PackageVersion],
            ["Catalogs / translated entries", $"{corpus.Catalogs.Count} / {entries:N0}"],
            ["Entries left out (fuzzy, untranslated, obsolete)",
                $"{corpus.Catalogs.Sum(c => c.SkippedFuzzy):N0}, {corpus.Catalogs.Sum(c => c.SkippedUntranslated):N0}, {corpus.Catalogs.Sum(c => c.SkippedObsolete):N0}"],
            ["Pairs sent (plural forms included) / stored / duplicates",
                $"{catalog.Response.MessagesReceived:N0} / {catalog.Response.PairsStored:N0} / {catalog.Response.PairsSkippedDuplicate:N0}"],
            ["ImportSegments, one stream (one transaction)", $"{Units.Seconds(catalog.ImportElapsed)}, {Units.Count((long)catalog.PairsPerSecond)} pairs/s"],
            ["Server CPU during the timed lookups", $"{Cores(catalog.Run.ServerCpu, catalog.Run)} cores on average, {Units.Duration(catalog.Run.ServerCpu.TotalMicroseconds / Math.Max(1, catalog.Run.Samples.Count))} per lookup"],
        ]);

        var rows = new List<string[]>();
        foreach (var group in catalog.Queries.Select((query, index) => (query, index)).GroupBy(item => (item.query.Language, item.query.Category)))
        {
            var indexes = group.Select(item => item.index).ToHashSet();
            var samples = catalog.Run.Samples.Where(sample => indexes.Contains(sample.Query)).ToList();
            var p = LookupRun.Latency(samples);
            var first = indexes.Count(i => catalog.OriginalRanks[i] == 1);
            var found = indexes.Count(i => catalog.OriginalRanks[i] > 0);
            rows.Add(
            [
                $"{group.Key.Language}, {group.Key.Category}", Units.Count(indexes.Count), Units.Count(samples.Count), Units.Duration(p.P50), Units.Duration(p.P99),
                Units.Fraction(first, indexes.Count), Units.Fraction(found, indexes.Count),
            ]);
        }
        var all = catalog.Run.Latency();
        rows.Add(["all", Units.Count(catalog.Queries.Count), Units.Count(all.Count), Units.Duration(all.P50), Units.Duration(all.P99),
            Units.Fraction(catalog.OriginalRanks.Count(rank => rank == 1), catalog.Queries.Count), Units.Fraction(catalog.OriginalRanks.Count(rank => rank > 0), catalog.Queries.Count)]);
        report.Table(["Queries", "Sentences", "Lookups", "p50", "p99", "Original ranked 1st", "Original in top k"], rows);
        report.Paragraph(
            "Queries: catalog sentences (English ≥ 5 words, Korean ≥ 10 syllables) edited at each rate, each sent once over gRPC from 1 caller after a warm-up pass, to memory " +
            $"'libreoffice' of the same server (which still holds the synthetic memory). \"Original\": the catalog sentence the query was edited from, " +
            "among the matches of one Lookup; an identical sentence elsewhere in the catalogs may rightly rank before it.");
    }

    private static string[] RunRow(double theta, LookupRun run)
    {
        var p = run.Latency();
        return
        [
            $"{theta:0}", Units.Count(run.Callers), Units.Count(run.Channels), Units.Count(run.Samples.Count), Units.Count(run.Errors), Units.PerSecond(run.PerSecond),
            Units.Duration(p.P50), Units.Duration(p.P90), Units.Duration(p.P99), Units.Duration(p.Max), Cores(run.ServerCpu, run), Cores(run.ClientCpu, run),
            Units.Duration(run.ServerCpu.TotalMicroseconds / Math.Max(1, run.Samples.Count)),
        ];
    }

    private static IEnumerable<string[]> SummaryRows(
        int n, ImportMeasurement import, RestartMeasurement restart, IReadOnlyList<LookupRun> runs, (double Theta, LookupRun Run) context, CatalogMeasurement? catalog)
    {
        var judged = n >= BarSegments;
        string Met(bool ok) => judged ? (ok ? "yes" : "**no**") : "—";
        var best = runs.MaxBy(run => run.PerSecond)!;
        var single = runs[0].Latency();

        yield return ["Memory", $"{n:N0} synthetic pairs, {Units.Bytes(import.FileBytes)} of TMX", "1,000,000", Met(true)];
        yield return ["Import rate, ImportTmx, durable", $"{Units.Count((long)import.UnitsPerSecond)} segments/s", "≥ 100,000/s (#5)", Met(import.UnitsPerSecond >= 100_000)];
        yield return ["Server peak RSS during the import", Units.Bytes(import.PeakMemory), "< 500 MB (#5)", Met(import.PeakMemory < 500_000_000)];
        yield return ["Cold start to first answered Lookup (index snapshot)", Units.Seconds(restart.ColdStart), "≤ 10 s (#4)", Met(restart.ColdStart <= TimeSpan.FromSeconds(10))];
        yield return ["Cold start without a snapshot (rebuilt from the database)", Units.Seconds(restart.RebuildColdStart), "—", "—"];
        yield return ["RSS after load", $"{Units.Bytes(restart.RssAfterLoad)} ({Units.Bytes((double)restart.RssAfterLoad / n)}/segment)", "≤ 1.5 GB (#4)", Met(restart.RssAfterLoad <= 1_500_000_000)];
        yield return ["gRPC lookups/s, best of 1-64 callers", $"{Units.PerSecond(best.PerSecond)} ({best.Callers} callers)", "≥ 10,000/s (#4)", Met(best.PerSecond >= 10_000)];
        yield return [$"gRPC lookups/s at θ = {context.Theta:0}, {context.Run.Callers} callers (context)", Units.PerSecond(context.Run.PerSecond), "—", "—"];
        yield return ["gRPC Lookup, 1 caller, p50 / p99", $"{Units.Duration(single.P50)} / {Units.Duration(single.P99)}", "in-process ≤ 1 ms / ≤ 5 ms (#4; see scale)", "—"];
        var errors = runs.Sum(run => run.Errors) + context.Run.Errors;
        yield return ["Lookup errors", Units.Count(errors), "0", errors == 0 ? "yes" : "**no**"];
        if (catalog is not null)
        {
            var p = catalog.Run.Latency();
            yield return ["LibreOffice: ImportSegments rate", $"{Units.Count((long)catalog.PairsPerSecond)} pairs/s ({catalog.Response.MessagesReceived:N0} pairs)", "—", "—"];
            yield return ["LibreOffice: gRPC Lookup, 1 caller, p50 / p99", $"{Units.Duration(p.P50)} / {Units.Duration(p.P99)}", "—", "—"];
        }
    }

    private static IEnumerable<string[]> ByCategory(LookupRun run, IReadOnlyList<BenchmarkQuery> queries)
    {
        foreach (var side in new[] { SegmentSide.Korean, SegmentSide.English })
        {
            foreach (var category in QuerySet.Categories)
            {
                var samples = run.Samples.Where(sample => queries[sample.Query].Side == side && queries[sample.Query].Category == category).ToList();
                if (samples.Count == 0)
                    continue;
                var p = LookupRun.Latency(samples);
                var language = side == SegmentSide.Korean ? "ko" : "en";
                yield return
                [
                    language, category, Units.Count(samples.Count), Units.Duration(p.P50), Units.Duration(p.P90), Units.Duration(p.P99), Units.Duration(p.Max),
                    samples.Average(sample => sample.Matches).ToString("0.00", Invariant),
                ];
            }
        }
    }

    private static string Cores(TimeSpan cpu, LookupRun run) => (cpu.TotalSeconds / run.Elapsed.TotalSeconds).ToString("0.00", Invariant);

    // "Memory '' loaded: 100000 segments indexed in 1234 ms (…)." -> "100000 segments indexed in 1234 ms (…)", and the same after
    // "saved:" for "Index snapshot of memory '' saved: …".
    internal static string After(string line, string marker)
    {
        var at = line.IndexOf(marker, StringComparison.Ordinal);
        return (at < 0 ? line : line[(at + marker.Length)..]).Trim().TrimEnd('.');
    }
}
