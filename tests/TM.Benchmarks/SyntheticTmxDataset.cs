using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TM.Benchmarks;

/// <summary>
/// The perf command's synthetic input, made once and cached in <see cref="RepositoryPaths.Cache"/>: the
/// <see cref="SyntheticCorpus"/> of <c>scale</c> (same seed, 20% revisions) as a TMX file, and the
/// <see cref="QuerySet"/> of <c>scale</c> (same seed) as a TSV file, so that the two commands measure the same queries.
/// </summary>
/// <remarks>
/// The file names carry a fingerprint of the generator's first pairs: a change to <see cref="SentenceGenerator"/>
/// gives new names instead of silently reusing files it would no longer produce.
/// </remarks>
/// <param name="TmxPath">The TMX 1.4b file of <paramref name="Segments"/> units.</param>
/// <param name="TmxBytes">Its size.</param>
/// <param name="Segments">Units in the file.</param>
/// <param name="Queries">Edited memory sentences at <see cref="QuerySet.EditRates"/> and unrelated sentences, both languages.</param>
/// <param name="MadeIn">Time spent generating and writing; zero when both files came from the cache.</param>
internal sealed record SyntheticTmxDataset(string TmxPath, long TmxBytes, int Segments, IReadOnlyList<BenchmarkQuery> Queries, TimeSpan MadeIn)
{
    /// <summary>The share of pairs that revise an earlier pair, as in <c>scale</c>.</summary>
    public const double RevisionShare = 0.2;

    /// <summary>Memory sentences edited at every rate, per language, as in <c>scale</c>.</summary>
    public const int SentencesPerRate = 100;

    /// <summary>Unrelated sentences per language, as in <c>scale</c>.</summary>
    public const int UnrelatedSentences = 100;

    public static SyntheticTmxDataset Prepare(int segments, int seed, Action<string> log)
    {
        ArgumentNullException.ThrowIfNull(log);
        Directory.CreateDirectory(RepositoryPaths.Cache);
        var stem = Path.Combine(RepositoryPaths.Cache, $"synthetic-{segments.ToString(CultureInfo.InvariantCulture)}-{seed.ToString(CultureInfo.InvariantCulture)}-{Fingerprint(seed)}");
        var tmxPath = stem + ".tmx";
        var queryPath = stem + ".queries.tsv";
        if (File.Exists(tmxPath) && File.Exists(queryPath))
        {
            log($"using the cached {tmxPath}");
            return new SyntheticTmxDataset(tmxPath, new FileInfo(tmxPath).Length, segments, QueryFile.Read(queryPath), TimeSpan.Zero);
        }

        var clock = Stopwatch.StartNew();
        log($"generating {segments:N0} synthetic pairs (seed {seed}); written once to {RepositoryPaths.Cache}");
        var corpus = SyntheticCorpus.Generate(segments, RevisionShare, seed);
        var queries = QuerySet.Build(corpus, SentencesPerRate, UnrelatedSentences, seed + 1).Queries;
        log($"writing {tmxPath}");
        var bytes = TmxCorpusWriter.Write(corpus, tmxPath);
        QueryFile.Write(queryPath, queries);
        log($"wrote {Units.Bytes(bytes)} of TMX and {queries.Count:N0} queries in {Units.Seconds(clock.Elapsed)}");
        return new SyntheticTmxDataset(tmxPath, bytes, segments, queries, clock.Elapsed);
    }

    // The generator is deterministic and its output does not depend on the count (pair i is the same in a memory of
    // 100 and of a million), so a hash of the first pairs, and of queries made from them, identifies its version.
    private static string Fingerprint(int seed)
    {
        var sample = SyntheticCorpus.Generate(50, RevisionShare, seed);
        var text = new StringBuilder();
        for (var i = 0; i < sample.Count; i++)
            text.Append(sample.Korean[i]).Append('\t').Append(sample.English[i]).Append('\n');
        // The editor and the query set change the queries without changing the corpus.
        foreach (var query in QuerySet.Build(sample, 5, 5, seed + 1).Queries)
            text.Append(query.Category).Append('\t').Append(query.Text).Append('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..8];
    }
}
