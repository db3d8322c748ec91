using TM.Benchmarks;

// Benchmarks of the TM server and its matching engine (see README.md). Each command prints its tables
// to stdout, progress to stderr, and writes the same tables to results/<command>.md.
try
{
    return args switch
    {
        ["seeds", .. var rest] => await SeedsBenchmark.RunAsync(CommandArguments.Parse(rest)),
        ["index-vs-fts5", .. var rest] => IndexVsFts5Benchmark.Run(CommandArguments.Parse(rest)),
        ["micro", .. var rest] => MicroBenchmarkRunner.Run(rest),
        ["telemetry", .. var rest] => MicroBenchmarkRunner.Run(rest, [typeof(CallTelemetryBenchmarks)], "telemetry"),
        ["align", .. var rest] => AlignBenchmark.Run(CommandArguments.Parse(rest)),
        ["scale", .. var rest] => ScaleBenchmark.Run(CommandArguments.Parse(rest)),
        ["perf", .. var rest] => await PerfBenchmark.RunAsync(CommandArguments.Parse(rest)),
        ["store-write", .. var rest] => StoreWriteBenchmark.Run(CommandArguments.Parse(rest)),
        ["grpc-overhead", .. var rest] => await GrpcOverheadBenchmark.RunAsync(CommandArguments.Parse(rest)),
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
          index-vs-fts5 [--segments 50000] [--truth-sample 10] [--revisions 20] [--seed 20240601]
              In-memory n-gram index vs SQLite FTS5 trigram retrieval on a synthetic KO-EN memory.
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
          store-write [--segments 1000000] [--batch 10000] [--index-step 20000] [--reimport 100000] [--seed 20240601]
              SegmentStore alone: durable pairs/s per 100k rows while the table grows, re-import of duplicates, peak RSS,
              and the rate of the concordance (FTS5) backlog indexing.
          grpc-overhead [--seconds 5] [--warmup 1] [--channels 4] [--request-bytes 100] [--response-bytes 500] [--callers N]
              Our gRPC layer alone: a trivial unary method, calls/s and p50/p99 at 1-64 concurrent callers on one and several channels.
        """);
    return 2;
}
