using TM.Text.Terminology;

namespace TM.Text.Tests.Terminology.Extraction;

/// <summary>The gold sentence pairs of the test documents and of the seeds, as the extractor reads a memory's pairs.</summary>
internal static class GoldPairs
{
    /// <summary>The pairs of the gold documents (Gold/own-alignment.jsonl) whose document satisfies <paramref name="include"/>.</summary>
    public static IReadOnlyList<ExtractionPair> Documents(Func<string?, bool> include) => Read("own-alignment.jsonl", include);

    /// <summary>The pairs of the two seeds (Gold/seed-alignment.jsonl).</summary>
    public static IReadOnlyList<ExtractionPair> Seeds() => Read("seed-alignment.jsonl", static _ => true);

    /// <summary>The learned lexicon a memory of <paramref name="pairs"/> would have (LexiconLearner over the same pairs).</summary>
    public static LearnedLexicon Lexicon(IReadOnlyList<ExtractionPair> pairs)
    {
        var learner = new LexiconLearner();
        foreach (var pair in pairs)
        {
            learner.Add(pair.Korean, pair.English);
        }

        return learner.Build();
    }

    private static List<ExtractionPair> Read(string file, Func<string?, bool> include)
    {
        using var reader = new StreamReader(Path.Combine(AppContext.BaseDirectory, "Gold", file));
        return GoldAlignmentReader.ReadWhere(reader, include)
            .Where(b => b.IsPair)
            .Select((b, i) => new ExtractionPair(i + 1, b.KoreanText, b.EnglishText))
            .ToList();
    }
}
