using BenchmarkDotNet.Running;

namespace TM.Benchmarks;

/// <summary>Runs the BenchmarkDotNet classes and copies the summary to results/micro.md like the other commands.</summary>
internal static class MicroBenchmarkRunner
{
    public static int Run(string[] args)
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
        var summaries = BenchmarkSwitcher.FromTypes([typeof(FuzzyScorerBenchmarks)]).Run([.. defaults, .. args]).ToList();

        var reports = summaries
            .Select(summary => Directory.Exists(summary.ResultsDirectoryPath) ? Directory.GetFiles(summary.ResultsDirectoryPath, "*-report-github.md") : [])
            .SelectMany(files => files)
            .ToList();
        if (reports.Count == 0)
            return summaries.Any(summary => summary.HasCriticalValidationErrors) ? 1 : 0;
        Directory.CreateDirectory(RepositoryPaths.Results);
        var path = Path.Combine(RepositoryPaths.Results, "micro.md");
        File.WriteAllText(path, "# Micro-benchmarks (BenchmarkDotNet)\n\n" +
            $"Command: `dotnet run -c Release --project tests/TM.Benchmarks -- {string.Join(' ', Environment.GetCommandLineArgs().Skip(1))}`\n\n" +
            string.Join("\n", reports.Select(File.ReadAllText)));
        Console.Error.WriteLine($"Wrote {path}");
        return 0;
    }
}
