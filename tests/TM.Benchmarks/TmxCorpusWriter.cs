using System.Globalization;
using TM.Interchange;

namespace TM.Benchmarks;

/// <summary>
/// Writes a <see cref="SyntheticCorpus"/> as a TMX 1.4b file with our own <see cref="TmxWriter"/>, shaped like an
/// export from a CAT tool: every unit with a <c>tuid</c>, a <c>creationdate</c> and a <c>creationid</c>, Korean first.
/// </summary>
/// <remarks>The file appears under its final name only when complete, so an interrupted run never leaves a truncated file in the cache.</remarks>
internal static class TmxCorpusWriter
{
    private static readonly DateTimeOffset FirstCreation = new(2015, 3, 1, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Writes <paramref name="corpus"/> to <paramref name="path"/>; returns the file's size in bytes.</summary>
    public static long Write(SyntheticCorpus corpus, string path)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        var partial = path + ".partial";
        using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1 << 16))
        {
            TmxWriter.Write(file, Units(corpus), new TmxWriterOptions
            {
                CreationTool = "TM.Benchmarks",
                OriginalFormat = "TM.Benchmarks synthetic",
                CreationDate = FirstCreation,
            });
        }
        File.Move(partial, path, overwrite: true);
        return new FileInfo(path).Length;
    }

    private static IEnumerable<TranslationUnit> Units(SyntheticCorpus corpus)
    {
        for (var i = 0; i < corpus.Count; i++)
        {
            // A unit a minute: dates advance as they would over years of work, and stay reproducible.
            yield return TranslationUnit.FromText(corpus.Korean[i], corpus.English[i]) with
            {
                Tuid = (i + 1).ToString(CultureInfo.InvariantCulture),
                CreationDate = FirstCreation.AddMinutes(i),
                CreationId = "bench",
            };
        }
    }
}
