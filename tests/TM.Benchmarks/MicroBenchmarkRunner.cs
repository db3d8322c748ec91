using BenchmarkDotNet.Running;

namespace TM.Benchmarks;

/// <summary>Runs BenchmarkDotNet classes and copies their summaries to results/ (micro.md, telemetry.md) like the other commands.</summary>
internal static class MicroBenchmarkRunner
{
    public static int Run(string[] args) => Run(args, [typeof(FuzzyScorerBenchmarks), typeof(SearchAnalysisBenchmarks)], "micro");

    /// <summary>Runs <paramref name="types"/> and writes their summaries to results/<paramref name="resultName"/>.md.</summary>
    public static int Run(string[] args, Type[] types, string resultName)
    {
        // Without --filter BenchmarkSwitcher asks interactively; the default job takes minutes per benchmark,
        // and a short run is precise enough to compare scorer and analyzer costs. Artifacts stay in this folder.
        var artifacts = Path.Combine(RepositoryPaths.Root, "tests", "TM.Benchmarks", "BenchmarkDotNet.Artifacts");
        string[] defaults =
        [
            .. args.Contains("--filter") ? [] : new[] { "--filter", "*" },
            .. args.Contains("--job") ? [] : new[] { "--job", "short" },
            .. args.Contains("--artifacts") ? [] : new[] { "--artifacts", artifacts },
        ];
        var loadAtStart = MachineInfo.LoadAverage() ?? "unknown";
        var summaries = BenchmarkSwitcher.FromTypes(types).Run([.. defaults, .. args]).ToList();

        var reports = summaries
            .Select(summary => Directory.Exists(summary.ResultsDirectoryPath) ? Directory.GetFiles(summary.ResultsDirectoryPath, "*-report-github.md") : [])
            .SelectMany(files => files)
            // Every summary of one run names the same results folder.
            .Distinct(StringComparer.Ordinal)
            // The artifacts folder keeps earlier runs' reports of the other classes too.
            .Where(file => types.Any(type => Path.GetFileName(file).StartsWith(type.FullName!, StringComparison.Ordinal)))
            .ToList();
        if (reports.Count == 0)
            return summaries.Any(summary => summary.HasCriticalValidationErrors) ? 1 : 0;
        Directory.CreateDirectory(RepositoryPaths.Results);
        var path = Path.Combine(RepositoryPaths.Results, $"{resultName}.md");
        File.WriteAllText(path, "# Micro-benchmarks (BenchmarkDotNet)\n\n" +
            $"Command: `dotnet run -c Release --project tests/TM.Benchmarks -- {string.Join(' ', Environment.GetCommandLineArgs().Skip(1))}`\n\n" +
            $"Load average at the start: {loadAtStart}; at the end: {MachineInfo.LoadAverage() ?? "unknown"} (2 cores: above 2, other processes competed).\n\n" +
            string.Join("\n", reports.Select(File.ReadAllText)));
        Console.Error.WriteLine($"Wrote {path}");
        return 0;
    }
}
