using System.Text;
using TM.Storage;

namespace TM.Benchmarks;

/// <summary>
/// The Korean document <c>pretranslate</c> sends: sentences of the synthetic memory as a translator would receive them
/// in a revised text, in paragraphs of <see cref="ParagraphSentences"/> sentences separated by blank lines. A fifth each:
/// stored sentences as they are, stored sentences edited 10%, 20% and 40%, and unrelated sentences (the Korean queries of
/// <see cref="QuerySet"/> first, then more of the same kinds made the same way from the corpus's first pairs).
/// </summary>
/// <remarks>
/// Half the unedited sentences come in runs of <see cref="RunLength"/> consecutive stored pairs, in their stored order,
/// so that the neighbours match too (context matches); the rest are single sentences from anywhere in the memory. The
/// sentences are distinct, so the document has no repetitions unless an edit happens to give a sentence twice.
/// </remarks>
internal sealed class PretranslateDocument
{
    public const int ParagraphSentences = 10;
    public const int RunLength = 10;

    private PretranslateDocument(string text, int sentences, int paragraphs, IReadOnlyList<(string Kind, int Sentences)> composition)
    {
        Text = text;
        Sentences = sentences;
        Paragraphs = paragraphs;
        Composition = composition;
    }

    public string Text { get; }

    /// <summary>The sentences put into the text; the server's splitter should find as many.</summary>
    public int Sentences { get; }

    public int Paragraphs { get; }

    /// <summary>How many sentences of each kind the document holds, in report order.</summary>
    public IReadOnlyList<(string Kind, int Sentences)> Composition { get; }

    /// <param name="sentences">Sentences in the document.</param>
    /// <param name="queries">The cached queries of the synthetic memory (their Korean ones are used).</param>
    /// <param name="segments">Pairs in the memory: the corpus pairs used must be among them.</param>
    /// <param name="seed">The synthetic memory's seed.</param>
    public static PretranslateDocument Build(int sentences, IReadOnlyList<BenchmarkQuery> queries, int segments, int seed)
    {
        var korean = queries.Where(q => q.Side == SegmentSide.Korean).ToList();
        var categories = QuerySet.Categories;
        var perCategory = new int[categories.Count];
        for (var c = 0; c < categories.Count; c++)
            perCategory[c] = sentences / categories.Count + (c < sentences % categories.Count ? 1 : 0);

        // Extra sentences beyond the cached queries come from the corpus's first pairs (pair i is the same whatever the
        // corpus's size), a disjoint range for each category.
        var extra = new int[categories.Count];
        for (var c = 0; c < categories.Count; c++)
            extra[c] = Math.Max(0, perCategory[c] - korean.Count(q => q.Category == categories[c]));
        var corpusPairs = extra.Take(QuerySet.EditRates.Count).Sum();
        if (corpusPairs > segments)
            throw new CommandLineException($"--sentences {sentences} needs {corpusPairs:N0} stored pairs besides the queries; the memory has {segments:N0}.");
        var corpus = SyntheticCorpus.Generate(Math.Max(1, corpusPairs), SyntheticTmxDataset.RevisionShare, seed);

        var random = new Random(seed + 17);
        var units = new List<List<string>>();
        var composition = new List<(string, int)>();
        var nextPair = 0;
        for (var c = 0; c < categories.Count; c++)
        {
            var fromQueries = korean.Where(q => q.Category == categories[c]).Take(perCategory[c]).Select(q => q.Text).ToList();
            units.AddRange(fromQueries.Select(text => new List<string> { text }));
            if (c == 0)
            {
                composition.Add(("stored sentence, alone (0% edits, a query)", fromQueries.Count));
                // Unedited corpus pairs in runs, in stored order: each inside a run has its stored neighbours.
                var left = extra[c];
                while (left > 0)
                {
                    var run = Math.Min(RunLength, left);
                    units.Add([.. Enumerable.Range(nextPair, run).Select(i => corpus.Korean[i])]);
                    nextPair += run;
                    left -= run;
                }
                composition.Add(($"stored sentences in runs of {RunLength} in stored order (0% edits)", extra[c]));
            }
            else if (c < QuerySet.EditRates.Count)
            {
                for (var i = 0; i < extra[c]; i++)
                    units.Add([SentenceEditor.EditKorean(corpus.Korean[nextPair++], QuerySet.EditRates[c], random, corpus.Generator)]);
                composition.Add(($"stored sentence, {categories[c]}", fromQueries.Count + extra[c]));
            }
            else
            {
                // The queries' generator and vocabulary, another random stream: no sentence of the memory.
                var unrelatedRandom = new Random(seed + 0x0D0C);
                for (var i = 0; i < extra[c]; i++)
                    units.Add([corpus.Generator.NextKorean(unrelatedRandom, corpus.Generator.NewTopic(unrelatedRandom))]);
                composition.Add(("unrelated sentence", fromQueries.Count + extra[c]));
            }
        }

        var order = units.OrderBy(_ => random.Next()).SelectMany(unit => unit).ToList();
        var text = new StringBuilder(order.Sum(s => s.Length + 1) + order.Count / ParagraphSentences * 2);
        var paragraphs = 0;
        for (var start = 0; start < order.Count; start += ParagraphSentences)
        {
            if (paragraphs++ > 0)
                text.Append("\n\n");
            text.AppendJoin(' ', order.Skip(start).Take(ParagraphSentences));
        }
        text.Append('\n');
        return new PretranslateDocument(text.ToString(), order.Count, paragraphs, composition);
    }
}
