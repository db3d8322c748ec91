using Microsoft.Extensions.Logging;
using TM.Server.Memory;
using TM.Storage;
using TM.Text;

namespace TM.Server.Hosting;

/// <summary>Fills an empty default memory from the seed documents, so a fresh clone answers its first query.</summary>
internal static class SeedImporter
{
    public static async Task ImportIfEmptyAsync(TranslationMemoryCatalog catalog, ServerOptions options, ILogger logger)
    {
        if (options.SkipSeeds || catalog.Find(null) is not { } memory || memory.Korean.Count > 0)
            return;
        var directory = options.SeedsDirectory ?? FindSeedsDirectory(Directory.GetCurrentDirectory()) ?? FindSeedsDirectory(AppContext.BaseDirectory);
        if (directory is null || !Directory.Exists(directory))
        {
            ServerLog.SeedsNotFound(logger, options.SeedsDirectory ?? Directory.GetCurrentDirectory());
            return;
        }
        foreach (var file in Directory.GetFiles(directory, "*.txt").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            try
            {
                await catalog.ImportDocumentAsync(null, name, await File.ReadAllTextAsync(file), UpdatePolicy.AddAlternative, createdBy: "", CancellationToken.None);
                ServerLog.SeedImported(logger, name);
            }
            catch (DocumentException e)
            {
                ServerLog.SeedRejected(logger, name, e.Message);
            }
        }
    }

    private static string? FindSeedsDirectory(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "seeds");
            if (Directory.Exists(candidate) && Directory.EnumerateFiles(candidate, "*.txt").Any())
                return candidate;
        }
        return null;
    }
}
