using System.Globalization;

namespace TM.Benchmarks;

/// <summary>Turns what <c>perf --store postgres</c> measured into its report, PostgreSQL's figures next to SQLite's, then the summary against issue 18's bar.</summary>
internal static class PostgresPerfReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private static readonly TimeSpan DelayBar = TimeSpan.FromSeconds(1);

    /// <param name="report">The report to fill.</param>
    /// <param name="dataset">The synthetic memory and its queries.</param>
    /// <param name="postgres">The PostgreSQL figures.</param>
    /// <param name="sqlite">SQLite's figures from this run; null when they were read from an earlier report instead.</param>
    /// <param name="earlier">The earlier report read instead of measuring SQLite; null when SQLite was measured, or when there was no such report.</param>
    /// <param name="run">The warm-up before each setup's throughput runs, and the length of each run in seconds.</param>
    /// <param name="load">The 1-minute load average at the start and at the end.</param>
    public static void Fill(
        MarkdownReport report, SyntheticTmxDataset dataset, PostgresFigures postgres, StoreFigures? sqlite, EarlierPerfResults? earlier, (TimeSpan WarmUp, int Seconds) run, (double? Start, double? End) load)
    {
        var n = dataset.Segments;
        PerfReport.WarnOfLoad(report, load);
        report.Paragraph(
            $"Servers run as child processes, `dotnet TM.Server.dll --no-seeds true --store <connection string>` from this benchmark's build, each on a free loopback " +
            $"port with its own fresh data directory, all on PostgreSQL {postgres.Version} " +
            (postgres.Throwaway
                ? "in a throwaway cluster (`tests/postgres-cluster`: loopback, trust authentication, `fsync=off` and `full_page_writes=off`, so commits are not " +
                  "flushed to disk and the import rate is an upper bound for a production database with fsync on). "
                : "in the database named by `--store`. ") +
            $"PostgreSQL, the servers and the clients share the machine's {Environment.ProcessorCount} cores. Memory: the synthetic corpus of `scale` ({n:N0} pairs, " +
            $"{Units.Bytes(dataset.TmxBytes)} of TMX 1.4b) and its query set, as in `perf`; lookups at θ = {PerfBenchmark.Theta:0}, k = {PerfBenchmark.K}. " +
            SqliteSource(sqlite, earlier, n));

        FillImport(report, postgres.ReplicaA, sqlite, n);
        FillStarts(report, postgres, sqlite);
        FillThroughput(report, postgres, sqlite, run);
        FillReplication(report, postgres);
        if (earlier is not null)
        {
            report.Heading($"SQLite, from an earlier run ({earlier.Date} UTC, not this run)");
            report.Table(["Figure", "Measured", "Bar", "Met"], earlier.SummaryRows);
            report.Paragraph($"The summary table of `{Path.GetFileName(earlier.Path)}`, measured {earlier.Date} UTC with a load average of {earlier.LoadAverage} at its start.");
        }
        FillSummary(report, postgres, sqlite, n);
    }

    private static string SqliteSource(StoreFigures? sqlite, EarlierPerfResults? earlier, int n) => (sqlite, earlier) switch
    {
        (not null, _) => "SQLite's figures were measured in this run, after the PostgreSQL phases (with the cluster stopped), by the same steps on one server with the default store.",
        (null, not null) => $"SQLite was not measured in this run (`--sqlite 0`): its figures are those of `{Path.GetFileName(earlier.Path)}`, measured {earlier.Date} UTC, at the end.",
        _ => $"SQLite was not measured in this run (`--sqlite 0`) and there is no `perf-{n}.md` to compare with.",
    };

    private static void FillImport(MarkdownReport report, StoreFigures postgres, StoreFigures? sqlite, int n)
    {
        report.Heading("Import: ImportTmx into an empty server (replica A)");
        string[] Row(string figure, Func<StoreFigures, string> value) => [figure, value(postgres), sqlite is null ? "—" : value(sqlite)];
        report.Table(["Figure", "PostgreSQL", "SQLite"],
        [
            Row("Units read / pairs stored / duplicates", s => $"{s.Import.Response.UnitsRead:N0} / {s.Import.Response.PairsStored:N0} / {s.Import.Response.PairsSkippedDuplicate:N0}"),
            Row("Batches committed", s => Units.Count(s.Import.Response.BatchesCommitted)),
            Row("Segments in the memory afterwards (GetStats)", s => Units.Count(s.Import.StoredSegments)),
            Row("Elapsed, first byte sent to final answer", s => Units.Seconds(s.Import.Elapsed)),
            Row("**Rate (durable)**", s => $"**{Units.Count((long)s.Import.UnitsPerSecond)} units/s**"),
            Row("Server RSS before the import / peak during it", s => $"{Units.Bytes(s.Import.EmptyServerRss)} / {Units.Bytes(s.Import.PeakMemory)}"),
            Row("Server CPU: cores on average, per unit", s => $"{Ratio(s.Import.ServerCpu, s.Import.Elapsed)}, {PerUnit(s.Import.ServerCpu, s.Import)}"),
            Row("PostgreSQL CPU: cores on average, per unit", s => s.DatabaseCpu is { } cpu ? $"{Ratio(cpu, s.Import.Elapsed)}, {PerUnit(cpu, s.Import)}" : "—"),
            Row("Server + PostgreSQL CPU per unit", s => PerUnit(s.Import.ServerCpu + (s.DatabaseCpu ?? TimeSpan.Zero), s.Import)),
            Row("Database on disk after the import, per segment", s => $"{Units.Bytes(s.DatabaseBytes)}, {Units.Bytes((double)s.DatabaseBytes / n)}"),
        ]);
        report.Paragraph(
            "The rate counts units read from the first byte sent until the answer, which the server sends after its last batch committed. The PostgreSQL store " +
            "writes each batch's new pairs with binary COPY and appends them to the change log in the same transaction. PostgreSQL's CPU is that of the cluster's " +
            "processes (the postmaster, its live children and those it reaped), read from /proc: the work done in the database, which the server's CPU leaves out. " +
            "PostgreSQL's database size is `pg_database_size` (tables, indexes, change log; the servers' caches are in their data directories); " +
            "SQLite's is tm.db with its WAL after the server stopped.");
    }

    private static void FillStarts(MarkdownReport report, PostgresFigures postgres, StoreFigures? sqlite)
    {
        report.Heading("Cold start: until a Lookup finds a stored pair");
        var rows = new List<string[]>
        {
            StartRow("PostgreSQL: new replica B, empty data directory (everything loaded from PostgreSQL, indexes built)", postgres.NewReplica),
            StartRow("PostgreSQL: replica A restarted over its data directory (index snapshot present)", postgres.ReplicaA.Restart),
        };
        if (sqlite is not null)
            rows.Add(StartRow("SQLite: the server restarted over its data directory (index snapshot present)", sqlite.Restart));
        rows.Add(["PostgreSQL: the empty replica A, before the import (answering at all)", Units.Seconds(postgres.ReplicaA.Import.EmptyServerStart), "—", Units.Bytes(postgres.ReplicaA.Import.EmptyServerRss), "—"]);
        report.Table(["Start", "Process start to a Lookup with a match", "Index load (server log)", "RSS then", "Search index caught up after"], rows);
        report.Paragraph(
            "Each start is timed from the process start until a Lookup of a stored sentence (0 % edits) came back with a match, asked every 10 ms; " +
            "that includes the runtime's start, loading or building the fuzzy index, and the JIT of the lookup path. The search index (concordance) " +
            "may catch up in the background after that; the last column is how long it took more, waited for before any lookup was timed.");
    }

    private static string[] StartRow(string what, ReplicaStart start) =>
    [
        what, Units.Seconds(start.ColdStart), start.LoadLog is { } log ? $"{PerfReport.After(log.Line, "loaded:")}, logged {Units.Seconds(log.At)} after process start" : "— (no log line)",
        Units.Bytes(start.Rss), Units.Seconds(start.ConcordanceWait),
    ];

    private static void FillThroughput(MarkdownReport report, PostgresFigures postgres, StoreFigures? sqlite, (TimeSpan WarmUp, int Seconds) timing)
    {
        report.Heading("gRPC Lookup throughput, closed loop: one replica and two");
        var all = (sqlite?.Runs ?? []).Concat(postgres.ReplicaA.Runs).Concat(postgres.TwoReplicas).ToList();
        var rows = all.Select(row =>
        {
            var run = row.Run;
            var p = run.Latency();
            return new[]
            {
                row.Setup, Units.Count(run.Callers), Units.Count(run.Channels), Units.Count(run.Samples.Count), Units.Count(run.Errors), Units.PerSecond(run.PerSecond),
                Units.Duration(p.P50), Units.Duration(p.P99), Units.Duration(p.Max), Ratio(run.ServerCpu, run.Elapsed),
                row.DatabaseCpu is { } cpu ? Ratio(cpu, run.Elapsed) : "—", Ratio(run.ClientCpu, run.Elapsed),
            };
        });
        report.Table(["Served by", "Callers", "Channels", "Lookups", "Errors", "Lookups/s", "p50", "p99", "max", "Servers' CPU", "PostgreSQL CPU", "Client CPU"], rows);
        var failed = all.FirstOrDefault(row => row.Run.FirstError is not null);
        report.Paragraph(
            $"As in `perf`, except for a longer warm-up: each row runs {timing.Seconds} s, after a warm-up of {Units.Seconds(timing.WarmUp)} with 4 callers before the first row of each setup (after a 3 s warm-up replica A's first row, 1 caller, ran at 233/s with a p50 of 3.0 ms where " +
            "the same replica served one caller at 651/s and 1.1 ms a minute later: 20,000 pairs, load average 20), every caller sending its next Lookup when the previous one returned, the queries of both " +
            "languages cycled. With two replicas the callers take four channels in turn, two to A and two to B, so half of them ask each (a single caller asks A only). " +
            "CPU columns are cores in use on average (CPU time / wall time); \"Servers' CPU\" adds both replicas. A Lookup searches the replica's own in-memory index " +
            $"and reads the matched pairs from the store. Both replicas, PostgreSQL and the clients share {Environment.ProcessorCount} cores: a second replica on the " +
            "same machine adds no CPU, so this shows what splitting costs or saves here, not what a second machine would add." +
            (failed is not null ? $" First error: {failed.Run.FirstError}" : ""));
    }

    private static void FillReplication(MarkdownReport report, PostgresFigures postgres)
    {
        var singles = postgres.Singles;
        report.Heading("Replication delay: committed through A, found by a Lookup on B");
        var delay = singles.Delay();
        var lookup = singles.FindingLookup();
        var acknowledgment = singles.Acknowledgment();
        report.Table(["Figure", "Value"],
        [
            ["Single pairs added through A (AddSegment, one at a time)", Units.Count(singles.Sent)],
            ["Found on B / not found within the wait", $"{Units.Count(singles.Delays.Count)} / {Units.Count(singles.NotFound)} (wait {Units.Seconds(singles.Timeout)} per pair)"],
            ["**Delay from A's answer to B's finding Lookup: p50 / p90 / p99 / max**", singles.Delays.Count == 0 ? "— (none found)" :
                $"**{Units.Duration(delay.P50)} / {Units.Duration(delay.P90)} / {Units.Duration(delay.P99)} / {Units.Duration(delay.Max)}**"],
            ["Delay, mean", singles.Delays.Count == 0 ? "—" : Units.Duration(delay.Mean)],
            ["Of which the finding Lookup itself, p50 / p99", singles.Delays.Count == 0 ? "—" : $"{Units.Duration(lookup.P50)} / {Units.Duration(lookup.P99)}"],
            ["AddSegment on A (its commit), p50 / p99", $"{Units.Duration(acknowledgment.P50)} / {Units.Duration(acknowledgment.P99)}"],
        ]);
        report.Paragraph(
            $"Each pair is new (a synthetic sentence tagged with the run and its number) and is added only once B found the one before. B is asked with a Lookup of the " +
            $"pair's Korean side at θ = 100 at once and then every {Units.Duration(ReplicationProbe.PollInterval.TotalMicroseconds)}, and the pair counts as found when " +
            "that exact pair comes back; the delay is taken when that Lookup returned, so it holds up to one poll interval and the whole finding Lookup (its own " +
            "row) on top of the replication itself. Replica A was checked to find the first pair at once (else the run says the test is wrong)." +
            (singles.Abandoned is { } why ? $" **The phase stopped early: {why}.**" : ""));

        var batches = postgres.Batches;
        var found = batches.Sum(batch => batch.Found);
        var sent = batches.Sum(batch => batch.Pairs);
        report.Table(["Batch", "Pairs", "Stored", "Committed by A in", "Last pair found on B after", "All pairs confirmed on B after", "Found on B", "LookupBatch rounds"],
            batches.Select((batch, index) => new[]
            {
                Units.Count(index + 1), Units.Count(batch.Pairs), Units.Count(batch.Stored), Units.Seconds(batch.Acknowledgment), Delay(batch.LastPairDelay),
                Delay(batch.Delay), Units.Count(batch.Found), Units.Count(batch.Rounds),
            }));
        report.Paragraph(
            $"**{found:N0} of {postgres.BatchPairs:N0} pairs imported in batches found on B**" + (sent < postgres.BatchPairs ? $" ({sent:N0} sent: the phase stopped when B found nothing of a batch)." : ".") +
            " Each batch is one ImportSegments stream (one transaction) through A. From A's answer, B is asked for the batch's last pair with a single Lookup " +
            $"every {Units.Duration(ReplicationProbe.PollInterval.TotalMicroseconds)} until found, then for every pair of the batch not found yet with LookupBatch " +
            "(θ = 100) until it has them all, before the next batch is sent. The last column but one includes those LookupBatch calls (500 texts take several " +
            "hundred milliseconds here), so it is the upper bound; the last-pair column is the replication delay of the batch's commit. " +
            $"Last pair found, median / max: {BatchDelays(batches)}.");
    }

    private static string Delay(TimeSpan? delay) => delay is { } d ? Units.Duration(d.TotalMicroseconds) : "— (wait ran out)";

    private static void FillSummary(MarkdownReport report, PostgresFigures postgres, StoreFigures? sqlite, int n)
    {
        report.Heading("Summary");
        var a = postgres.ReplicaA;
        string Best(IReadOnlyList<ThroughputRow> rows)
        {
            var best = rows.MaxBy(row => row.Run.PerSecond)!;
            return $"{Units.PerSecond(best.Run.PerSecond)} ({best.Run.Callers} callers)";
        }
        var delay = postgres.Singles.Delay();
        var found = postgres.Batches.Sum(batch => batch.Found);
        var delayMet = postgres.Singles.Delays.Count > 0 && postgres.Singles.NotFound == 0 && postgres.Singles.Abandoned is null && delay.P99 < DelayBar.TotalMicroseconds;
        report.Table(["Figure", "PostgreSQL", "SQLite", "Bar (issue 18)", "Met"],
        [
            ["Memory", $"{n:N0} synthetic pairs", sqlite is null ? "—" : "the same", "1,000,000", n >= 1_000_000 ? "yes" : "— (smaller run)"],
            ["Import rate, ImportTmx, durable", $"{Units.Count((long)a.Import.UnitsPerSecond)} units/s",
                sqlite is null ? "—" : $"{Units.Count((long)sqlite.Import.UnitsPerSecond)} units/s", "—", "—"],
            ["Server peak RSS during the import", Units.Bytes(a.Import.PeakMemory), sqlite is null ? "—" : Units.Bytes(sqlite.Import.PeakMemory), "—", "—"],
            ["Cold start of a new replica (empty data directory)", Units.Seconds(postgres.NewReplica.ColdStart), "—", "—", "—"],
            ["Cold start over the data directory (snapshot)", Units.Seconds(a.Restart.ColdStart), sqlite is null ? "—" : Units.Seconds(sqlite.Restart.ColdStart), "—", "—"],
            ["gRPC lookups/s, one replica, best of 1-64 callers", Best(a.Runs), sqlite is null ? "—" : Best(sqlite.Runs), "—", "—"],
            ["gRPC lookups/s, two replicas, best of 1-64 callers", Best(postgres.TwoReplicas), "—", "—", "—"],
            ["Replication delay, single pairs, p50 / p99", postgres.Singles.Delays.Count == 0 ? "— (none found)" : $"{Units.Duration(delay.P50)} / {Units.Duration(delay.P99)}", "—",
                "p99 < 1 s", delayMet ? "yes" : "**no**"],
            ["Replication delay of a 500-pair batch (its last pair found on B), median / max", BatchDelays(postgres.Batches), "—", "—", "—"],
            [$"Pairs imported through A in batches of {BatchSize(postgres.Batches)}, found on B", $"{found:N0} of {postgres.BatchPairs:N0}", "—", "all 10,000",
                found == postgres.BatchPairs && postgres.BatchPairs >= 10_000 ? "yes" : "**no**"],
        ]);
    }

    private static string BatchDelays(IReadOnlyList<BatchReplication> batches)
    {
        var delays = batches.Where(batch => batch.LastPairDelay is not null).Select(batch => batch.LastPairDelay!.Value.TotalMicroseconds).Order().ToList();
        return delays.Count == 0 ? "— (none found)" : $"{Units.Duration(delays[(delays.Count - 1) / 2])} / {Units.Duration(delays[^1])}";
    }

    private static string BatchSize(IReadOnlyList<BatchReplication> batches) => batches.Count == 0 ? "—" : Units.Count(batches[0].Pairs);

    /// <summary>Cores in use on average: <paramref name="part"/> of CPU time over <paramref name="whole"/> of wall time.</summary>
    internal static string Ratio(TimeSpan part, TimeSpan whole) => (part / whole).ToString("0.00", Invariant);

    private static string PerUnit(TimeSpan cpu, ImportMeasurement import) => Units.Duration(cpu.TotalMicroseconds / Math.Max(1, import.Response.UnitsRead));
}
