using System.Text;
using TM.Text;

namespace TM.Benchmarks;

/// <summary>
/// A reproducible long parallel document with a known alignment: the hand-made gold beads repeated, each
/// repetition in its own shuffled order, until each side holds the requested number of sentences; written as one
/// Korean block followed by one English block, the layout in which the aligner gets no help from paragraphs.
/// </summary>
/// <remarks>
/// The same beads, seed and size always give the same text, and a shorter document is a prefix of a longer one,
/// so the sizes of one report differ only in length.
/// </remarks>
internal sealed class LongParallelDocument
{
    /// <summary>Beads per line: lines as long as a real abstract's paragraph, without giving the aligner paragraph pairs.</summary>
    private const int BeadsPerLine = 10;

    private LongParallelDocument(string text, Bead[] gold, int koreanSentences, int englishSentences)
    {
        Text = text;
        Gold = gold;
        KoreanSentences = koreanSentences;
        EnglishSentences = englishSentences;
    }

    /// <summary>The document: Korean lines, a blank line, English lines.</summary>
    public string Text { get; }

    /// <summary>The beads the document was written from, in document order: its gold alignment.</summary>
    public IReadOnlyList<Bead> Gold { get; }

    public int KoreanSentences { get; }

    public int EnglishSentences { get; }

    /// <summary>Repeats <paramref name="beads"/> until each side has at least <paramref name="sentencesPerSide"/> sentences.</summary>
    /// <param name="beads">The beads to repeat; each repetition shuffles their order.</param>
    /// <param name="sentencesPerSide">Stop at the first bead that brings both sides to at least this many sentences.</param>
    /// <param name="seed">The seed of the shuffles.</param>
    public static LongParallelDocument Build(IReadOnlyList<Bead> beads, int sentencesPerSide, int seed)
    {
        if (!beads.Any(bead => bead.Korean.Count > 0) || !beads.Any(bead => bead.English.Count > 0))
            throw new ArgumentException("The beads need sentences on both sides.", nameof(beads));

        var random = new Random(seed);
        var gold = new List<Bead>();
        var korean = 0;
        var english = 0;
        var order = beads.ToArray();
        while (korean < sentencesPerSide || english < sentencesPerSide)
        {
            random.Shuffle(order);
            foreach (var bead in order)
            {
                gold.Add(bead);
                korean += bead.Korean.Count;
                english += bead.English.Count;
                if (korean >= sentencesPerSide && english >= sentencesPerSide)
                    break;
            }
        }

        var text = new StringBuilder();
        AppendLines(text, gold, bead => bead.Korean);
        text.Append('\n');
        AppendLines(text, gold, bead => bead.English);
        return new LongParallelDocument(text.ToString(), [.. gold], korean, english);
    }

    private static void AppendLines(StringBuilder text, List<Bead> gold, Func<Bead, IReadOnlyList<string>> side)
    {
        for (var start = 0; start < gold.Count; start += BeadsPerLine)
        {
            var sentences = gold.Skip(start).Take(BeadsPerLine).SelectMany(side).ToList();
            // Ten 1-0 beads in a row would leave the English line empty, which would read as a paragraph break.
            if (sentences.Count > 0)
                text.AppendJoin(' ', sentences).Append('\n');
        }
    }
}
