using System.Diagnostics;
using TM.Storage;

namespace TM.Benchmarks;

/// <summary>
/// A real memory nobody here wrote: the English-Korean pairs of Debian's <c>libreoffice-l10n-ko</c> gettext catalogs
/// (LibreOffice's user interface, translated by its Korean team), fetched and converted to <c>.po</c> by
/// <c>scripts/fetch-libreoffice-ko.sh</c>, read with <see cref="PoCatalogReader"/>.
/// </summary>
/// <remarks>
/// Each translated entry gives the pair (<c>msgid</c>, <c>msgstr</c>); a plural entry also gives (<c>msgid_plural</c>,
/// its plural <c>msgstr</c>) — Korean has one form (<c>nplurals=1</c>), so that is <c>msgstr[0]</c> again, which is
/// right: "$1 rows" and "1 row" are both "$1 행". Pairs are not de-duplicated here: the same label in several
/// catalogs is what a real import sends, and the server's duplicate handling is part of what is measured.
/// </remarks>
internal sealed class LibreOfficeCorpus
{
    /// <summary>The fetch script, relative to <see cref="RepositoryPaths.Scripts"/>.</summary>
    public const string FetchScript = "fetch-libreoffice-ko.sh";

    // A query should be a sentence, not a one-word label: at 10% edits a three-word label has no edit at all.
    private const int MinQueryWords = 5;
    private const int MinQuerySyllables = 10;

    private LibreOfficeCorpus(IReadOnlyList<CatalogPair> pairs, IReadOnlyList<PoCatalog> catalogs, string packageVersion)
    {
        Pairs = pairs;
        Catalogs = catalogs;
        PackageVersion = packageVersion;
    }

    public IReadOnlyList<CatalogPair> Pairs { get; }

    public IReadOnlyList<PoCatalog> Catalogs { get; }

    /// <summary>The .deb the catalogs came from (e.g. <c>libreoffice-l10n-ko_4%3a7.4.7-1+deb12u14_all.deb</c>).</summary>
    public string PackageVersion { get; }

    /// <summary>Runs the fetch script (cached, so a second run costs nothing) and reads every catalog it produced.</summary>
    /// <exception cref="InvalidOperationException">The script failed: the package could not be downloaded or converted.</exception>
    public static LibreOfficeCorpus Fetch(Action<string> log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var poDirectory = RunFetchScript(log);
        var catalogs = Directory.GetFiles(poDirectory, "*.po").Order(StringComparer.Ordinal).Select(PoCatalogReader.Read).ToList();
        if (catalogs.Count == 0)
            throw new InvalidOperationException($"{poDirectory} holds no .po files; delete {Path.GetDirectoryName(poDirectory)} and run again.");

        var pairs = new List<CatalogPair>();
        foreach (var catalog in catalogs)
        {
            var name = CatalogName(catalog.Name);
            foreach (var entry in catalog.Entries)
            {
                Add(pairs, entry.Id, entry.Translations[0], name);
                if (entry.IdPlural is not null)
                    Add(pairs, entry.IdPlural, entry.Translations[Math.Min(1, entry.Translations.Count - 1)], name);
            }
        }
        var versionFile = Path.Combine(Path.GetDirectoryName(poDirectory)!, "package-version");
        var version = File.Exists(versionFile) ? File.ReadAllText(versionFile).Trim() : "unknown";
        return new LibreOfficeCorpus(pairs, catalogs, version);
    }

    /// <summary>
    /// Catalog sentences edited at <see cref="QuerySet.EditRates"/>, <paramref name="perRate"/> per rate and language,
    /// from pairs whose English has at least 5 words and whose Korean has at least 10 syllables.
    /// </summary>
    /// <remarks><see cref="BenchmarkQuery.SourceIndex"/> is the index of the pair in <see cref="Pairs"/>.</remarks>
    public IReadOnlyList<BenchmarkQuery> BuildQueries(int perRate, int seed)
    {
        var random = new Random(seed);
        // Edits insert and substitute syllables and words from the synthetic vocabulary: noise, as a revision is.
        var vocabulary = new SentenceGenerator(seed);
        var queries = new List<BenchmarkQuery>();
        foreach (var side in new[] { SegmentSide.Korean, SegmentSide.English })
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var candidates = new List<int>();
            for (var i = 0; i < Pairs.Count; i++)
            {
                var text = side == SegmentSide.Korean ? Pairs[i].Korean : Pairs[i].English;
                var longEnough = side == SegmentSide.Korean
                    ? text.Count(SentenceGenerator.IsHangulSyllable) >= MinQuerySyllables
                    : text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= MinQueryWords;
                if (longEnough && !text.Contains('\n') && seen.Add(text))
                    candidates.Add(i);
            }
            var sources = candidates.OrderBy(_ => random.Next()).Take(perRate).ToArray();
            foreach (var rate in QuerySet.EditRates)
            {
                foreach (var source in sources)
                {
                    var edited = side == SegmentSide.Korean
                        ? SentenceEditor.EditKorean(Pairs[source].Korean, rate, random, vocabulary)
                        : SentenceEditor.EditEnglish(Pairs[source].English, rate, random, vocabulary);
                    queries.Add(new BenchmarkQuery(side, edited, QuerySet.CategoryOf(rate), source));
                }
            }
        }
        return queries;
    }

    private static void Add(List<CatalogPair> pairs, string english, string korean, string catalog)
    {
        // The server refuses a pair with an empty side; such entries are format strings or placeholders only.
        if (string.IsNullOrWhiteSpace(english) || string.IsNullOrWhiteSpace(korean))
            return;
        pairs.Add(new CatalogPair(english, korean, catalog));
    }

    // "usr_lib_libreoffice_program_resource_ko_LC_MESSAGES_sw.po" -> "sw".
    private static string CatalogName(string fileName)
    {
        var stem = Path.GetFileNameWithoutExtension(fileName);
        var marker = stem.LastIndexOf("LC_MESSAGES_", StringComparison.Ordinal);
        return marker < 0 ? stem : stem[(marker + "LC_MESSAGES_".Length)..];
    }

    private static string RunFetchScript(Action<string> log)
    {
        var script = Path.Combine(RepositoryPaths.Scripts, FetchScript);
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(RepositoryPaths.Cache);
        log($"bash {script}");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash could not be started.");
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
                log("  " + e.Data);
        };
        process.BeginErrorReadLine();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{script} failed with exit code {process.ExitCode} (its messages are above); the LibreOffice corpus cannot be measured.");
        var poDirectory = output.TrimEnd().Split('\n')[^1];
        if (!Directory.Exists(poDirectory))
            throw new InvalidOperationException($"{script} did not name a folder of .po files on its last line (got '{poDirectory}').");
        return poDirectory;
    }
}
