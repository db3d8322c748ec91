using System.Diagnostics;
using System.Globalization;
using TM.Text;

namespace TM.Benchmarks;

/// <summary>
/// How long <see cref="DocumentAligner.Align"/> takes on a long document, and whether it stays accurate there: the
/// hand-made gold beads of the seeds and of TM.Text.Tests' own gold documents repeated in shuffled order into one
/// Korean block and one English block of N sentences each, timed at 500, 1,000 and N sentences per side and
/// scored against the beads it was built from.
/// </summary>
internal static class AlignBenchmark
{
    private const string Command = "align";
    private const int DefaultSentences = 2_000;
    private const int Seed = 20240601;
    private const int TimedRuns = 5;

    // Issue 3's bar: a document of 2,000 sentences per side aligns in under a second.
    private const int BarSentences = 2_000;
    private static readonly TimeSpan BarTime = TimeSpan.FromSeconds(1);

    private static readonly int[] ScaleSentences = [500, 1_000];

    public static int Run(CommandArguments arguments)
    {
        var sentences = arguments.GetInt("sentences", DefaultSentences, min: 10, max: 1_000_000);
        arguments.ThrowIfUnknown();

        var clock = Stopwatch.StartNew();
        void Log(string message) => Console.Error.WriteLine($"[{Command} {clock.Elapsed:mm\\:ss}] {message}");

        var seedBeads = ReadGold("seed-alignment.jsonl");
        var ownBeads = ReadGold("own-alignment.jsonl");
        var (beads, keywordBeads) = WithoutKeywordLines([.. seedBeads, .. ownBeads]);
        Log($"{beads.Count} gold beads ({seedBeads.Count} from the seeds, {ownBeads.Count} from own-alignment.jsonl, {keywordBeads} keyword beads left out)");

        var rows = new List<Measurement>();
        foreach (var size in ScaleSentences.Where(size => size < sentences).Append(sentences))
        {
            var document = LongParallelDocument.Build(beads, size, Seed);
            Log($"{size:N0} sentences per side: {document.Gold.Count:N0} beads, {document.Text.Length:N0} characters; warm-up and {TimedRuns} runs");
            rows.Add(Measure(document, size));
        }

        var report = new MarkdownReport(sentences == DefaultSentences ? Command : $"{Command}-{sentences}", $"Document alignment on long documents — up to {sentences:N0} sentences per side");
        report.Paragraph(
            $"Each document is built from the {beads.Count} hand-made gold beads of `tests/TM.Text.Tests/Gold/seed-alignment.jsonl` ({seedBeads.Count}, the two seeds) " +
            $"and `own-alignment.jsonl` ({ownBeads.Count}, the four documents under Gold/Documents), less {keywordBeads} keyword bead(s) (a keyword line is its own line " +
            $"in a document, paired by its label, not a sentence of running text). The bead list is repeated, each repetition shuffled (System.Random, seed {Seed.ToString(CultureInfo.InvariantCulture)}), " +
            $"until both sides reach the size; the Korean sentences of every 10 beads make one line, all Korean lines come first, then a blank line, then the English lines. " +
            $"The aligner so sees one Korean block against one English block, with no paragraphs to pair. The smaller documents are prefixes of the largest.");

        report.Heading("Wall time of `new DocumentAligner().Align(text)`");
        report.Table(
            ["Sentences KO / EN", "Characters", "Gold beads", "Beads", "Bead F1", "min", "median", "max", "median per KO sentence", "Allocated per run"],
            rows.Select(Row));
        report.Paragraph(
            $"One warm-up run, then {TimedRuns} timed runs on one thread after a full garbage collection each; default AlignmentOptions (glossary and known terms, " +
            "no learned lexicon). The time covers the whole pipeline: reading, language blocks, sentence splitting and the banded alignment. Bead F1 is " +
            "BeadEvaluator's, against the beads the document was built from; the shuffle puts beads of different documents side by side, so a bead " +
            "rarely gets help from its neighbours' context.");

        if (rows.Find(row => row.Size == BarSentences) is { } bar)
        {
            var met = bar.Median < BarTime;
            report.Paragraph(
                $"**Issue 3's bar, {BarSentences:N0} sentences per side in under {BarTime.TotalSeconds:0} s: {(met ? "met" : "NOT met")}** " +
                $"(median {Units.Seconds(bar.Median)}, max {Units.Seconds(bar.Max)}).");
        }

        if (rows.Find(row => row.SplitKorean != row.Document.KoreanSentences || row.SplitEnglish != row.Document.EnglishSentences) is { } split)
        {
            report.Paragraph(
                $"Warning: the sentence splitter did not reproduce the gold sentences ({split.SplitKorean} Korean and {split.SplitEnglish} English sentences split, " +
                $"{split.Document.KoreanSentences} and {split.Document.EnglishSentences} in the gold beads at {split.Size:N0}); F1 counts those sentences' beads as wrong.");
        }

        report.Publish();
        Log("done");
        return 0;
    }

    private static Measurement Measure(LongParallelDocument document, int size)
    {
        new DocumentAligner().Align(document.Text);
        var elapsed = new TimeSpan[TimedRuns];
        var allocated = 0L;
        DocumentAlignment? alignment = null;
        for (var run = 0; run < TimedRuns; run++)
        {
            // Garbage left by the previous run is collected here, not inside the next timed run.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var bytesBefore = GC.GetAllocatedBytesForCurrentThread();
            var start = Stopwatch.GetTimestamp();
            alignment = new DocumentAligner().Align(document.Text);
            elapsed[run] = Stopwatch.GetElapsedTime(start);
            allocated = GC.GetAllocatedBytesForCurrentThread() - bytesBefore;
        }

        Array.Sort(elapsed);
        var score = BeadEvaluator.Evaluate(alignment!.Beads, document.Gold);
        return new Measurement(size, document, alignment.Beads.Count, alignment.KoreanSentenceCount, alignment.EnglishSentenceCount,
            score, elapsed[0], elapsed[TimedRuns / 2], elapsed[^1], allocated);
    }

    private static string[] Row(Measurement row) =>
    [
        $"{Units.Count(row.Document.KoreanSentences)} / {Units.Count(row.Document.EnglishSentences)}",
        Units.Count(row.Document.Text.Length),
        Units.Count(row.Document.Gold.Count),
        Units.Count(row.Beads),
        row.Score.F1.ToString("0.000", CultureInfo.InvariantCulture),
        Units.Duration(row.Min.TotalMicroseconds),
        Units.Duration(row.Median.TotalMicroseconds),
        Units.Duration(row.Max.TotalMicroseconds),
        Units.Duration(row.Median.TotalMicroseconds / row.Document.KoreanSentences),
        Units.Bytes(row.AllocatedBytes),
    ];

    private static IReadOnlyList<Bead> ReadGold(string fileName)
    {
        using var reader = new StreamReader(Path.Combine(RepositoryPaths.GoldAlignments, fileName));
        return GoldAlignmentReader.Read(reader);
    }

    /// <summary>The beads none of whose sentences is a keyword line (주제어: …, Keywords: …), and how many were left out.</summary>
    private static (IReadOnlyList<Bead> Beads, int Dropped) WithoutKeywordLines(IReadOnlyList<Bead> beads)
    {
        var detector = new LanguageBlockDetector();
        var kept = beads
            .Where(bead => !bead.Korean.Concat(bead.English).Any(sentence => detector.Detect(sentence).Blocks.Any(block => block.Kind == BlockKind.Keywords)))
            .ToList();
        return (kept, beads.Count - kept.Count);
    }

    private sealed record Measurement(
        int Size, LongParallelDocument Document, int Beads, int SplitKorean, int SplitEnglish, AlignmentScore Score,
        TimeSpan Min, TimeSpan Median, TimeSpan Max, long AllocatedBytes);
}
