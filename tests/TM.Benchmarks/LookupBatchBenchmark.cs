using System.Diagnostics;
using Grpc.Net.Client;
using TM.Protos.V1;

namespace TM.Benchmarks;

/// <summary>
/// <c>lookup-batch</c>: what a CAT tool opening a file gets from <c>LookupBatch</c> against one <c>Lookup</c> per sentence:
/// the real server as a child process over the synthetic memory of <c>perf</c>, batches of <c>--texts</c> sentences,
/// with the server allowed one core and then two (<c>DOTNET_PROCESSOR_COUNT</c>, which sets how many lookups of a batch
/// run at once; the machine's two cores stay visible to the process either way).
/// </summary>
internal static class LookupBatchBenchmark
{
    private const string Command = "lookup-batch";
    private const int MaxResults = 5;
    private const double MinScore = 50;
    private static readonly TimeSpan StopTimeout = TimeSpan.FromMinutes(1);

    public static async Task<int> RunAsync(CommandArguments arguments)
    {
        var segments = arguments.GetInt("segments", 100_000, min: 1_000);
        var texts = arguments.GetInt("texts", 1_000, min: 1, max: 1_000);
        var rounds = arguments.GetInt("rounds", 5, min: 1, max: 100);
        var seed = arguments.GetInt("seed", 20240601);
        var startTimeout = TimeSpan.FromSeconds(arguments.GetInt("start-timeout", 600, min: 10));
        arguments.ThrowIfUnknown();

        var clock = Stopwatch.StartNew();
        void Log(string message) => Console.Error.WriteLine($"[{Command} {clock.Elapsed:mm\\:ss}] {message}");
        var report = new MarkdownReport(segments == 100_000 ? Command : $"{Command}-{segments}", $"LookupBatch against one Lookup per sentence — {segments:N0} synthetic segments");
        var dataDirectory = Directory.CreateTempSubdirectory("tm-bench-batch-").FullName;
        ServerProcess? server = null;
        try
        {
            var dataset = SyntheticTmxDataset.Prepare(segments, seed, Log);
            // The file a translator opens: the benchmark's queries (edited memory sentences and unrelated ones, both
            // languages), in their order, repeated to fill the batch.
            var sentences = Enumerable.Range(0, texts).Select(i => dataset.Queries[i % dataset.Queries.Count]).ToArray();

            server = ServerProcess.Start(dataDirectory);
            using (var channel = GrpcChannel.ForAddress(server.Address))
            {
                var client = new TranslationMemory.TranslationMemoryClient(channel);
                await LookupProbe.WaitForAnswerAsync(server, client, dataset.Queries[0], startTimeout, Log);
                Log($"importing {dataset.Segments:N0} units");
                await new TmxUpload().SendAsync(client, dataset.TmxPath, "", DateTime.UtcNow + TimeSpan.FromHours(1));
            }
            await server.StopAsync(StopTimeout);
            server.Dispose();
            server = null;

            var rows = new List<string[]>();
            foreach (var cores in (int[])[1, 2])
            {
                // Inherited by the child process only for the time of its start.
                Environment.SetEnvironmentVariable("DOTNET_PROCESSOR_COUNT", cores.ToString(System.Globalization.CultureInfo.InvariantCulture));
                try
                {
                    server = ServerProcess.Start(dataDirectory);
                }
                finally
                {
                    Environment.SetEnvironmentVariable("DOTNET_PROCESSOR_COUNT", null);
                }

                using var channel = GrpcChannel.ForAddress(server.Address);
                var client = new TranslationMemory.TranslationMemoryClient(channel);
                await LookupProbe.WaitForAnswerAsync(server, client, dataset.Queries[0], startTimeout, Log);

                var batch = new LookupBatchRequest { MaxResults = MaxResults, MinScore = MinScore };
                batch.Texts.AddRange(sentences.Select(q => q.Text));
                await client.LookupBatchAsync(batch); // warm-up

                Log($"{cores} core(s): {rounds} batches of {texts:N0} sentences");
                var batchTimes = new List<TimeSpan>();
                var cpuBefore = server.CpuTime;
                for (var round = 0; round < rounds; round++)
                {
                    var started = Stopwatch.GetTimestamp();
                    var answer = await client.LookupBatchAsync(batch);
                    batchTimes.Add(Stopwatch.GetElapsedTime(started));
                    if (answer.Results.Count != texts)
                        throw new InvalidOperationException($"LookupBatch answered {answer.Results.Count} of {texts} sentences.");
                }
                var batchCpu = server.CpuTime - cpuBefore;

                Log($"{cores} core(s): the same {texts:N0} sentences as one Lookup each, one caller, {rounds} times");
                var singleTimes = new List<TimeSpan>();
                cpuBefore = server.CpuTime;
                for (var round = 0; round < rounds; round++)
                {
                    var started = Stopwatch.GetTimestamp();
                    foreach (var sentence in sentences)
                    {
                        await client.LookupAsync(new LookupRequest { Text = sentence.Text, MaxResults = MaxResults, MinScore = MinScore });
                    }
                    singleTimes.Add(Stopwatch.GetElapsedTime(started));
                }
                var singleCpu = server.CpuTime - cpuBefore;

                var lookups = (double)texts * rounds;
                var batchMedian = Median(batchTimes);
                var singleMedian = Median(singleTimes);
                rows.Add([
                    $"{cores}",
                    Units.PerSecond(texts / batchMedian.TotalSeconds),
                    Units.Seconds(batchMedian),
                    Units.Duration(batchCpu.TotalMilliseconds * 1000 / lookups),
                    Units.PerSecond(texts / singleMedian.TotalSeconds),
                    Units.Seconds(singleMedian),
                    Units.Duration(singleCpu.TotalMilliseconds * 1000 / lookups),
                    Units.Factor(singleMedian / batchMedian),
                ]);
                Log($"{cores} core(s): LookupBatch {texts / batchMedian.TotalSeconds:N0} lookups/s, one Lookup per sentence {texts / singleMedian.TotalSeconds:N0}/s");

                await server.StopAsync(StopTimeout);
                server.Dispose();
                server = null;
            }

            report.Heading("Result");
            report.Table(
                ["Cores the server may use", "LookupBatch: lookups/s", "batch time (median)", "server CPU per lookup", "one Lookup per sentence: lookups/s", "time (median)", "server CPU per lookup", "batch speed-up"],
                rows);
            report.Paragraph($"Each batch is {texts:N0} sentences (the `perf` queries: memory sentences edited 0-40% and unrelated ones, " +
                $"Korean and English, language detected per sentence), k = {MaxResults}, θ = {MinScore}; {rounds} rounds after a warm-up, one " +
                "client on one channel. \"Cores\" is DOTNET_PROCESSOR_COUNT for the server process, which sets how many of a batch's lookups run at once.");
            report.Publish();
            return 0;
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

    private static TimeSpan Median(List<TimeSpan> times)
    {
        var sorted = times.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
