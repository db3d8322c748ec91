namespace TM.Server.Tests;

/// <summary>Finds files of the repository from the test's output folder.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Seeds => Path.Combine(Root, "seeds");

    public static string Protos => Path.Combine(Root, "protos");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "TM.sln")))
                return directory.FullName;
        }
        throw new InvalidOperationException("TM.sln not found above " + AppContext.BaseDirectory);
    }
}
