using TM.Benchmarks;

// Benchmarks of the TM server and its matching engine (see README.md). Each command prints its tables
// to stdout, progress to stderr, and writes the same tables to results/<command>.md.
try
{
    return args switch
    {
        ["seeds", .. var rest] => await SeedsBenchmark.RunAsync(CommandArguments.Parse(rest)),
        ["micro", .. var rest] => MicroBenchmarkRunner.Run(rest),
        ["telemetry", .. var rest] => MicroBenchmarkRunner.Run(rest, [typeof(CallTelemetryBenchmarks)], "telemetry"),
        ["align", .. var rest] => AlignBenchmark.Run(CommandArguments.Parse(rest)),
        ["scale", .. var rest] => ScaleBenchmark.Run(CommandArguments.Parse(rest)),
        ["perf", .. var rest] => await PerfBenchmark.RunAsync(CommandArguments.Parse(rest)),
        ["store-write", .. var rest] => StoreWriteBenchmark.Run(CommandArguments.Parse(rest)),
        ["concordance", .. var rest] => ConcordanceBenchmark.Run(CommandArguments.Parse(rest)),
        ["import-searchable", .. var rest] => await ImportSearchableBenchmark.RunAsync(CommandArguments.Parse(rest)),
        ["lookup-batch", .. var rest] => await LookupBatchBenchmark.RunAsync(CommandArguments.Parse(rest)),
        ["delete-memory", .. var rest] => await DeleteMemoryBenchmark.RunAsync(CommandArguments.Parse(rest)),
        ["pretranslate", .. var rest] => await PretranslateBenchmark.RunAsync(CommandArguments.Parse(rest)),
        ["grpc-overhead", .. var rest] => await GrpcOverheadBenchmark.RunAsync(CommandArguments.Parse(rest)),
        ["screenshots", .. var rest] => await WebScreenshots.RunAsync(CommandArguments.Parse(rest)),
        ["web", .. var rest] => await WebPageBenchmark.RunAsync(CommandArguments.Parse(rest)),
        _ => Usage(),
    };
}
catch (CommandLineException e)
{
    Console.Error.WriteLine(e.Message);
    return Usage();
}

static int Usage()
{
    Console.Error.WriteLine("""
        usage: dotnet run -c Release --project tests/TM.Benchmarks -- <command> [options]
          seeds [--lookups 3000] [--clients 8]
              Lookup latency over gRPC against the real server holding the seeds, plus in-process index search.
          micro [BenchmarkDotNet arguments]
              FuzzyScorer and analyzer micro-benchmarks (defaults: --filter * --job short).
          telemetry [BenchmarkDotNet arguments]
              What the per-call telemetry costs: the call interceptor with and without the OpenTelemetry SDK, the record calls.
          align [--sentences 2000]
              DocumentAligner wall time and bead F1 on a long document built from the gold beads, at 500, 1,000 and N sentences per side.
          scale [--segments 100000] [--queries 1000] [--truth N] [--batch 5000] [--seed 20240601]
              FuzzyIndex alone at scale: Korean and English p50/p99 at θ = 50, k = 5, build time, memory per segment, exactness on a sample.
          perf [--segments 1000000] [--seconds 10] [--libreoffice 1] [--seed 20240601] [--start-timeout 600] [--keep-data 0]
              The real server as a child process: ImportTmx rate and memory high-water mark, cold start, RSS per segment,
              gRPC lookups/s and latency with 1-64 callers, and import + lookups on Debian's LibreOffice Korean catalogs.
          perf --store postgres|<connection string> [--segments 1000000] [--seconds 10] [--replication-probes 1000]
               [--replication-timeout 10] [--sqlite 1] [--warmup 10] [--seed 20240601] [--start-timeout 600] [--keep-data 0]
              Two server replicas on one PostgreSQL (a throwaway cluster for "postgres"): import rate through one, cold start
              of a new replica, lookups/s with one replica and two, replication delay A to B; SQLite's figures beside them.
          store-write [--segments 1000000] [--batch 10000] [--reimport 100000] [--seed 20240601]
              SegmentStore alone: durable pairs/s per 100k rows while the table grows, re-import of duplicates, peak RSS.
          concordance [--segments 1000000] [--queries 1000] [--exactness 200] [--seed 20240601]
              The Lucene.Net search index alone: build rate, size on disk, p50/p99 of Korean 1-4-syllable terms and English
              words/phrases with and without a filter, Korean hit counts against a substring scan, NRT delay of a 5,000-pair batch.
          import-searchable [--segments 1000000] [--seed 20240601] [--start-timeout 600] [--rebuild 1]
              The real server as a child process: ImportFile of a synthetic TMX file, time from the first byte to the import's
              completion and to everything searchable (concordance_pending 0), server CPU, database and search index on disk;
              then the search index deleted and rebuilt by a start.
          lookup-batch [--segments 100000] [--texts 1000] [--rounds 5] [--seed 20240601] [--start-timeout 600]
              The real server as a child process, allowed one core and then two: LookupBatch of N sentences against one Lookup
              per sentence, lookups/s and server CPU per lookup.
          delete-memory [--segments 1000000] [--keep 2000] [--seed 20240601] [--start-timeout 600] [--settle 45]
              The real server as a child process: the synthetic TMX file imported into a memory of its own beside a small one, then
              DeleteMemory: RSS, managed heap (induced full GC) and each file of the data directory before and after, the call's time.
          pretranslate [--segments 1000000] [--sentences 2000] [--rounds 3] [--seed 20240601] [--start-timeout 600]
              The real server as a child process: Pretranslate of a Korean document of N sentences (stored, edited and unrelated
              ones): time to the first sentence, wall time, sentences/s, server CPU / wall time on both cores and pinned to one,
              the analysis report.
          grpc-overhead [--seconds 5] [--warmup 1] [--channels 4] [--request-bytes 100] [--response-bytes 500] [--callers N]
              Our gRPC layer alone: a trivial unary method, calls/s and p50/p99 at 1-64 concurrent callers on one and several channels.
          screenshots [--out tests/TM.Benchmarks/results/screenshots]
              The web UI in headless chromium against the real server holding the seeds: a PNG of each main page, wide and narrow.
          web [--pairs 100000] [--queries 200] [--seed 20240601] [--start-timeout 600]
              The real server as a child process over N synthetic pairs: the lookup and concordance pages and the live lookup's
              fetch, end to end in headless chromium, p50/p99.
        """);
    return 2;
}
