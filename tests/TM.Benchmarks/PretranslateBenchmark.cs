using System.Diagnostics;
using System.Globalization;
using Grpc.Core;
using Grpc.Net.Client;
using TM.Protos.V1;

namespace TM.Benchmarks;

/// <summary>
/// <c>pretranslate</c>: issue 17's bar, "a 2,000-sentence document against 1M pairs pretranslates in a time the benchmark
/// prints, using both cores". The real server as a child process takes the synthetic TMX file of <c>perf</c>; then a
/// Korean document of <c>--sentences</c> sentences (<see cref="PretranslateDocument"/>) goes through <c>Pretranslate</c>
/// <c>--rounds</c> times after a warm-up: time to the first sentence, wall time, sentences/s, the server's CPU time over
/// the call against the wall time (how many cores it kept busy), and the analysis report. Then the same with every
/// thread of the server pinned to one core (<c>taskset -a</c>), to compare.
/// </summary>
internal static class PretranslateBenchmark
{
    private const string Command = "pretranslate";
    private const string DocumentName = "bench-document.txt";
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan SearchableLimit = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan RestMeasurement = TimeSpan.FromSeconds(5);

    public static async Task<int> RunAsync(CommandArguments arguments)
    {
        var segments = arguments.GetInt("segments", 1_000_000, min: 1_000);
        var sentences = arguments.GetInt("sentences", 2_000, min: 10, max: 50_000);
        var rounds = arguments.GetInt("rounds", 3, min: 1, max: 100);
        var seed = arguments.GetInt("seed", 20240601);
        var startTimeout = TimeSpan.FromSeconds(arguments.GetInt("start-timeout", 600, min: 10));
        arguments.ThrowIfUnknown();

        var clock = Stopwatch.StartNew();
        void Log(string message) => Console.Error.WriteLine($"[{Command} {clock.Elapsed:mm\\:ss}] {message}");
        var report = new MarkdownReport(segments == 1_000_000 ? Command : $"{Command}-{segments}",
            $"Pretranslate of a {sentences:N0}-sentence Korean document against {segments:N0} synthetic pairs");
        var dataDirectory = Directory.CreateTempSubdirectory("tm-bench-pretranslate-").FullName;
        ServerProcess? server = null;
        try
        {
            var dataset = SyntheticTmxDataset.Prepare(segments, seed, Log);
            var document = PretranslateDocument.Build(sentences, dataset.Queries, segments, seed);
            Log($"document: {document.Sentences:N0} sentences in {document.Paragraphs:N0} paragraphs, {document.Text.Length:N0} characters");

            // No index snapshots: the snapshot the service would save a while after the import is a second or more of
            // CPU that could land inside a timed call.
            server = ServerProcess.Start(dataDirectory, "--index-snapshots", "false");
            using var channel = GrpcChannel.ForAddress(server.Address);
            var client = new TranslationMemory.TranslationMemoryClient(channel);
            await LookupProbe.WaitForAnswerAsync(server, client, dataset.Queries[0], startTimeout, Log);

            Log($"importing {Units.Bytes(dataset.TmxBytes)} of TMX ({dataset.Segments:N0} units) with ImportTmx");
            var upload = new TmxUpload();
            var importStart = Stopwatch.GetTimestamp();
            ImportTmxResponse imported;
            await using (ProgressTicker.Start(ProgressInterval, () => Log(
                $"  import: {Units.Bytes(upload.BytesSent)} of {Units.Bytes(dataset.TmxBytes)} sent in {Units.Seconds(Stopwatch.GetElapsedTime(importStart))}")))
            {
                imported = await upload.SendAsync(client, dataset.TmxPath, "", DateTime.UtcNow + TimeSpan.FromHours(6));
            }
            var importElapsed = Stopwatch.GetElapsedTime(importStart);
            Log($"imported {imported.UnitsRead:N0} units ({imported.PairsStored:N0} stored) in {Units.Seconds(importElapsed)}");
            await WaitUntilSearchableAsync(client, Log);
            var restCores = await MeasureRestAsync(server);
            Log($"server at rest: {restCores:0.00} cores over {Units.Seconds(RestMeasurement)}");

            var request = new PretranslateRequest { Text = document.Text, SourceLang = "ko", Name = DocumentName };
            Log("warm-up call");
            var warmUp = await PretranslateAsync(server, client, request);
            Log($"warm-up: {warmUp.Sentences:N0} sentences in {Units.Seconds(warmUp.Wall)}");

            var configurations = new List<(string Name, List<PretranslateRun> Runs)>();
            configurations.Add(("2 (both, as started)", await RoundsAsync(server, client, request, rounds, "both cores", Log)));
            string oneCoreNote;
            if (Environment.ProcessorCount >= 2 && await PinAsync(server.Id, "0"))
            {
                configurations.Add(("1 (every thread pinned to core 0)", await RoundsAsync(server, client, request, rounds, "one core", Log)));
                await PinAsync(server.Id, $"0-{Environment.ProcessorCount - 1}");
                oneCoreNote = "\"1\" pins every thread of the running server to core 0 with `taskset -a -p`; the server still believes it has " +
                    $"{Environment.ProcessorCount} (its processor count is read at start), so it runs as many lookups at once, taking turns on one core.";
            }
            else
            {
                oneCoreNote = "The one-core run was skipped: taskset failed or the machine has one core.";
            }
            var stats = await client.GetStatsAsync(new GetStatsRequest());
            var stop = await server.StopAsync(StopTimeout);
            var loadAtEnd = MachineInfo.LoadAverage() ?? "unknown";

            var (expectedTotal, firstReport) = (document.Sentences, configurations[0].Runs[0].Report);
            var problems = Check(configurations.SelectMany(c => c.Runs).Prepend(warmUp), firstReport);

            report.Heading("The document");
            report.Table(["Sentences put in", "Count"],
                [.. document.Composition.Select(part => new[] { part.Kind, Units.Count(part.Sentences) }),
                 ["All (paragraphs of 10, separated by blank lines)", Units.Count(document.Sentences)]]);
            report.Table(["Figure", "Value"],
            [
                ["Characters sent", Units.Count(document.Text.Length)],
                ["Paragraphs", Units.Count(document.Paragraphs)],
                ["Sentences the server's splitter found (report)", $"{Units.Count(firstReport.TotalSegments)} ({SplitVerdict(firstReport.TotalSegments, expectedTotal)})"],
                ["Eojeol / characters without spaces (report)", $"{Units.Count(firstReport.TotalWords)} / {Units.Count(firstReport.TotalCharacters)}"],
                ["Memory", $"{Units.Count(stats.Memories.Sum(m => m.Segments))} segments, imported with ImportTmx in {Units.Seconds(importElapsed)} ({Units.PerSecond(imported.UnitsRead / importElapsed.TotalSeconds)})"],
            ]);

            report.Heading("Result");
            var rows = new List<string[]>();
            foreach (var (name, runs) in configurations)
            {
                var median = runs.OrderBy(r => r.Wall).ElementAt(runs.Count / 2);
                rows.Add([
                    name,
                    Units.Seconds(median.FirstSentence),
                    Units.Seconds(median.Wall),
                    $"{Units.Seconds(runs.Min(r => r.Wall))} – {Units.Seconds(runs.Max(r => r.Wall))}",
                    Units.PerSecond(median.SentencesPerSecond),
                    Units.Seconds(median.ServerCpu),
                    median.CoresUsed.ToString("0.00", CultureInfo.InvariantCulture),
                    median.IdleCores is { } idle ? idle.ToString("0.00", CultureInfo.InvariantCulture) : "?",
                    Units.Count(median.BusyThreads),
                    Units.Duration(median.ServerCpu.TotalMilliseconds * 1000 / median.Sentences),
                ]);
            }
            report.Table(["Cores the server may use", "time to first sentence", "wall time (median)", "wall time (min – max)", "sentences/s",
                "server CPU", "server CPU / wall (cores busy)", "machine idle (cores)", "server threads with ≥ 10% of its CPU", "server CPU per sentence"], rows);
            report.Paragraph($"{rounds} timed calls per row after one warm-up call, one client on one channel; the row is the call of median wall time. " +
                "Wall time runs from the call to the last message (the report); the server's CPU time (user + system, all threads, from /proc) over the same span, " +
                $"divided by it, is how many cores the server kept busy; \"machine idle\" is the idle time of all the machine's cores " +
                "over the call (/proc/stat) divided by the wall time: the cores the server left unused. Cores neither busy with the server nor idle went " +
                "to other processes. \"Threads\" counts the server's threads that each used at least a tenth of its CPU time over the call " +
                "(/proc/<pid>/task): work spread over several threads can run on several cores whatever share of them the machine's load leaves. " +
                $"At rest the server used {restCores:0.00} cores (measured over {Units.Seconds(RestMeasurement)} " +
                $"before the warm-up). {oneCoreNote} Load average (1, 5, 15 min) at the end: {loadAtEnd}; other processes share the machine, so wall times " +
                "move with its load.");

            report.Heading("Analysis report (the first timed call)");
            report.Table(["Band", "Segments", "Eojeol", "Characters", "% of eojeol", "% of characters"],
                [.. firstReport.Bands.Select(b => new[]
                {
                    BandName(b.Band), Units.Count(b.Segments), Units.Count(b.Words), Units.Count(b.Characters),
                    b.WordsPercent.ToString("0.0", CultureInfo.InvariantCulture), b.CharactersPercent.ToString("0.0", CultureInfo.InvariantCulture),
                }),
                ["Total", Units.Count(firstReport.TotalSegments), Units.Count(firstReport.TotalWords), Units.Count(firstReport.TotalCharacters), "100.0", "100.0"]]);
            report.Paragraph(problems.Count == 0
                ? "Every call streamed as many sentences as its report counts, the same bands as its report, and the same report as the others."
                : "**Checks that failed:** " + string.Join("; ", problems) + ".");
            report.Paragraph($"Server stopped cleanly in {Units.Seconds(stop.Elapsed)} (exit code {stop.ExitCode}).");
            report.Publish();
            return problems.Count == 0 ? 0 : 1;
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

    private static async Task<List<PretranslateRun>> RoundsAsync(ServerProcess server, TranslationMemory.TranslationMemoryClient client,
        PretranslateRequest request, int rounds, string what, Action<string> log)
    {
        var runs = new List<PretranslateRun>(rounds);
        for (var round = 0; round < rounds; round++)
        {
            var run = await PretranslateAsync(server, client, request);
            runs.Add(run);
            log($"{what}, call {round + 1}/{rounds}: first sentence after {Units.Seconds(run.FirstSentence)}, {run.Sentences:N0} sentences in " +
                $"{Units.Seconds(run.Wall)} ({run.SentencesPerSecond:N0}/s), server CPU {Units.Seconds(run.ServerCpu)} ({run.CoresUsed:0.00} cores; machine idle {run.IdleCores:0.00} cores; {run.BusyThreads} busy threads)");
        }
        return runs;
    }

    private static async Task<PretranslateRun> PretranslateAsync(ServerProcess server, TranslationMemory.TranslationMemoryClient client, PretranslateRequest request)
    {
        var bands = new Dictionary<AnalysisBand, int>();
        TimeSpan? first = null;
        var sentences = 0;
        var progress = 0;
        AnalysisReport? analysis = null;
        var threadsBefore = ThreadCpuTicks(server.Id);
        var idleBefore = MachineIdleTime();
        var cpuBefore = server.CpuTime;
        var start = Stopwatch.GetTimestamp();
        using (var call = client.Pretranslate(request, deadline: DateTime.UtcNow + TimeSpan.FromHours(1)))
        {
            await foreach (var response in call.ResponseStream.ReadAllAsync())
            {
                switch (response.ItemCase)
                {
                    case PretranslateResponse.ItemOneofCase.Sentence:
                        first ??= Stopwatch.GetElapsedTime(start);
                        sentences++;
                        bands[response.Sentence.Band] = bands.GetValueOrDefault(response.Sentence.Band) + 1;
                        break;
                    case PretranslateResponse.ItemOneofCase.Progress:
                        progress++;
                        break;
                    case PretranslateResponse.ItemOneofCase.Report:
                        analysis = response.Report;
                        break;
                }
            }
        }
        var wall = Stopwatch.GetElapsedTime(start);
        var cpu = server.CpuTime - cpuBefore;
        var idle = MachineIdleTime() - idleBefore;
        var threadTicks = ThreadCpuTicks(server.Id).Select(t => t.Value - threadsBefore.GetValueOrDefault(t.Key)).Where(ticks => ticks > 0).ToList();
        var busyThreads = threadTicks.Count(ticks => ticks >= 0.1 * threadTicks.Sum());
        return new PretranslateRun(first ?? wall, wall, cpu, sentences, progress,
            analysis ?? throw new InvalidOperationException("The Pretranslate stream ended without a report."), bands, idle, busyThreads);
    }

    // CPU ticks (user + system) of each thread of the process, by thread id: /proc/<pid>/task/<tid>/stat, fields 14 and
    // 15, counted after the parenthesised command name (which may hold spaces). Empty off Linux.
    private static Dictionary<int, long> ThreadCpuTicks(int processId)
    {
        var ticks = new Dictionary<int, long>();
        var tasks = $"/proc/{processId.ToString(CultureInfo.InvariantCulture)}/task";
        if (!Directory.Exists(tasks))
            return ticks;
        foreach (var task in Directory.EnumerateDirectories(tasks))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(task, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                // fields[0] is field 3 (state): utime and stime are fields 14 and 15.
                ticks[int.Parse(Path.GetFileName(task), CultureInfo.InvariantCulture)] =
                    long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
                // The thread ended between the listing and the read.
            }
        }
        return ticks;
    }

    // The machine's idle and I/O-wait time over all cores since boot: the first line of /proc/stat, in USER_HZ ticks
    // (100 a second on every Linux the benchmark runs on). Null off Linux.
    private static TimeSpan? MachineIdleTime()
    {
        const string procStat = "/proc/stat";
        if (!File.Exists(procStat))
            return null;
        var fields = File.ReadLines(procStat).First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields.Length > 5 && fields[0] == "cpu"
            ? TimeSpan.FromSeconds((long.Parse(fields[4], CultureInfo.InvariantCulture) + long.Parse(fields[5], CultureInfo.InvariantCulture)) / 100.0)
            : null;
    }

    // What a call could get wrong without failing: sentences missing from the stream, bands that disagree with the
    // report, a report that changes from one call to the next.
    private static List<string> Check(IEnumerable<PretranslateRun> runs, AnalysisReport expected)
    {
        var problems = new List<string>();
        foreach (var run in runs)
        {
            if (run.Sentences != run.Report.TotalSegments)
                problems.Add($"a call streamed {run.Sentences} sentences, its report counts {run.Report.TotalSegments}");
            foreach (var band in run.Report.Bands)
            {
                if (band.Segments != run.StreamedBands.GetValueOrDefault(band.Band))
                    problems.Add($"{BandName(band.Band)}: {run.StreamedBands.GetValueOrDefault(band.Band)} sentences streamed, {band.Segments} in the report");
            }
            var different = run.Report.Bands.Zip(expected.Bands).Where(pair => !pair.First.Equals(pair.Second)).Select(pair => BandName(pair.First.Band)).ToList();
            if (different.Count > 0)
                problems.Add($"a call's report differs from the first timed call's in {string.Join(", ", different)}");
        }
        return [.. problems.Distinct()];
    }

    private static string SplitVerdict(int found, int expected) => found == expected
        ? "as many as were put in"
        : $"{(found > expected ? "+" : "−")}{Math.Abs(found - expected)} against the {Units.Count(expected)} put in";

    private static string BandName(AnalysisBand band) => band switch
    {
        AnalysisBand.Context => "Context (101%)",
        AnalysisBand.Exact => "Exact (100%)",
        AnalysisBand.Fuzzy9599 => "95–99%",
        AnalysisBand.Fuzzy8594 => "85–94%",
        AnalysisBand.Fuzzy7584 => "75–84%",
        AnalysisBand.Fuzzy5074 => "50–74%",
        AnalysisBand.Repetition => "Repetitions",
        _ => "No match",
    };

    // taskset -a sets the affinity of every thread the process has now; threads it starts later inherit their creator's.
    private static async Task<bool> PinAsync(int processId, string cores)
    {
        try
        {
            using var taskset = Process.Start(new ProcessStartInfo("taskset", ["-a", "-c", "-p", cores, processId.ToString(CultureInfo.InvariantCulture)])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            if (taskset is null)
                return false;
            await taskset.WaitForExitAsync();
            return taskset.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No taskset on this machine.
            return false;
        }
    }

    // The cores the server keeps busy with nothing asked of it (the search index's follower, timers).
    private static async Task<double> MeasureRestAsync(ServerProcess server)
    {
        var before = server.CpuTime;
        var start = Stopwatch.GetTimestamp();
        await Task.Delay(RestMeasurement);
        return (server.CpuTime - before) / Stopwatch.GetElapsedTime(start);
    }

    private static async Task WaitUntilSearchableAsync(TranslationMemory.TranslationMemoryClient client, Action<string> log)
    {
        var start = Stopwatch.GetTimestamp();
        while (true)
        {
            var stats = await client.GetStatsAsync(new GetStatsRequest());
            var pending = stats.Memories.Sum(m => m.ConcordancePending);
            if (pending == 0)
                return;
            log($"  concordance pending: {pending:N0} segments (the search index's work, waited for so it does not share the timed calls)");
            if (Stopwatch.GetElapsedTime(start) > SearchableLimit)
                throw new InvalidOperationException($"the search index still had {pending:N0} segments to take after {SearchableLimit.TotalMinutes:N0} minutes");
            // GetStats counts distinct sentences (about a second of CPU at a million): not too often.
            await Task.Delay(TimeSpan.FromSeconds(10));
        }
    }
}
