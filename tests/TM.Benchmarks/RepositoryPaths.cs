namespace TM.Benchmarks;

/// <summary>Finds the repository from wherever the benchmark runs: the first folder upwards holding TM.sln.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Seeds => Path.Combine(Root, "seeds");

    /// <summary>The hand-made gold alignments of TM.Text.Tests (seed-alignment.jsonl, own-alignment.jsonl).</summary>
    public static string GoldAlignments => Path.Combine(Root, "tests", "TM.Text.Tests", "Gold");

    /// <summary>Where the markdown reports go: next to the benchmark's sources, so they can be committed.</summary>
    public static string Results => Path.Combine(Root, "tests", "TM.Benchmarks", "results");

    /// <summary>Generated and downloaded inputs (TMX files, query sets, Debian catalogs): large, rebuilt on demand, ignored by git.</summary>
    public static string Cache => Path.Combine(Root, "tests", "TM.Benchmarks", ".cache");

    /// <summary>The shell scripts the benchmarks run (fetching corpora).</summary>
    public static string Scripts => Path.Combine(Root, "tests", "TM.Benchmarks", "scripts");

    private static string FindRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "TM.sln")))
                    return directory.FullName;
            }
        }
        throw new InvalidOperationException($"TM.sln not found above {Directory.GetCurrentDirectory()} or {AppContext.BaseDirectory}.");
    }
}
