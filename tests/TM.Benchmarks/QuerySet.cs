using TM.Storage;

namespace TM.Benchmarks;

/// <summary>
/// The queries of the fuzzy-index benchmarks: memory sentences edited at fixed rates (what a translator
/// sends when a source text was revised) and unrelated sentences (what has no match), in both languages.
/// </summary>
/// <remarks>Edits are made by <see cref="SentenceEditor"/>.</remarks>
internal sealed class QuerySet
{
    public const string Unrelated = "unrelated";

    public static IReadOnlyList<double> EditRates { get; } = [0.0, 0.1, 0.2, 0.4];

    private QuerySet(List<BenchmarkQuery> queries) => Queries = queries;

    public IReadOnlyList<BenchmarkQuery> Queries { get; }

    /// <summary>The categories in report order: each edit rate, then unrelated.</summary>
    public static IReadOnlyList<string> Categories { get; } = [.. EditRates.Select(CategoryOf), Unrelated];

    public static string CategoryOf(double editRate) => $"{editRate * 100:0}% edits";

    /// <param name="corpus">The memory the edited queries come from.</param>
    /// <param name="sentencesPerRate">How many memory sentences are edited, at every rate, per language.</param>
    /// <param name="unrelated">How many unrelated sentences per language.</param>
    /// <param name="seed">Fixes the choice of sentences and edits.</param>
    public static QuerySet Build(SyntheticCorpus corpus, int sentencesPerRate, int unrelated, int seed)
    {
        var random = new Random(seed);
        var sources = Enumerable.Range(0, corpus.Count).OrderBy(_ => random.Next()).Take(sentencesPerRate).ToArray();
        var queries = new List<BenchmarkQuery>(2 * (sources.Length * EditRates.Count + unrelated));
        foreach (var side in new[] { SegmentSide.Korean, SegmentSide.English })
        {
            var texts = side == SegmentSide.Korean ? corpus.Korean : corpus.English;
            foreach (var rate in EditRates)
            {
                foreach (var source in sources)
                {
                    var edited = side == SegmentSide.Korean
                        ? SentenceEditor.EditKorean(texts[source], rate, random, corpus.Generator)
                        : SentenceEditor.EditEnglish(texts[source], rate, random, corpus.Generator);
                    queries.Add(new BenchmarkQuery(side, edited, CategoryOf(rate), source));
                }
            }

            // Same generator, other random stream: the vocabulary and shape of the memory, but no sentence of it.
            var unrelatedRandom = new Random(seed ^ 0x5EED);
            for (var i = 0; i < unrelated; i++)
            {
                var topic = corpus.Generator.NewTopic(unrelatedRandom);
                var text = side == SegmentSide.Korean ? corpus.Generator.NextKorean(unrelatedRandom, topic) : corpus.Generator.NextEnglish(unrelatedRandom, topic);
                queries.Add(new BenchmarkQuery(side, text, Unrelated, -1));
            }
        }
        return new QuerySet(queries);
    }
}
