using TM.Text;

namespace TM.Text.Tests;

/// <summary>The seed documents of the repository and their hand-made gold alignment.</summary>
internal static class Seeds
{
    public const string First = "000_b27f1fa4f67f99f4.txt";
    public const string Second = "001_86855117e051cb78.txt";

    public static TheoryData<string> Names => new() { First, Second };

    public static string Read(string name) => File.ReadAllText(Path.Combine(RepositoryRoot(), "seeds", name));

    public static IReadOnlyList<Bead> Gold(string name)
    {
        using var reader = new StreamReader(Path.Combine(AppContext.BaseDirectory, "Gold", "seed-alignment.jsonl"));
        return GoldAlignmentReader.Read(reader, name);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "TM.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No TM.sln above {AppContext.BaseDirectory}.");
    }
}
