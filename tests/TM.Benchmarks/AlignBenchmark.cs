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
        var misses = arguments.GetInt("misses", 0, min: 0, max: 1_000_000);
        arguments.ThrowIfUnknown();

        var clock = Stopwatch.StartNew();
        void Log(string message) => Console.Error.WriteLine($"[{Command} {clock.Elapsed:mm\\:ss}] {message}");

        var seedBeads = ReadGold("seed-alignment.jsonl");
        var ownBeads = ReadGold("own-alignment.jsonl");
        var (beads, leftOut) = WithSplittableSentences([.. seedBeads, .. ownBeads]);
        var leftOutBeads = seedBeads.Count + ownBeads.Count - beads.Count;
        Log($"{beads.Count} gold beads ({seedBeads.Count} from the seeds, {ownBeads.Count} from own-alignment.jsonl, {leftOutBeads} left out)");

        var rows = new List<Measurement>();
        foreach (var size in ScaleSentences.Where(size => size < sentences).Append(sentences))
        {
            var document = LongParallelDocument.Build(beads, size, Seed);
            Log($"{size:N0} sentences per side: {document.Gold.Count:N0} beads, {document.Text.Length:N0} characters; warm-up and {TimedRuns} runs");
            rows.Add(Measure(document, size));
        }

        var report = new MarkdownReport(sentences == DefaultSentences ? Command : $"{Command}-{sentences}", $"Document alignment on long documents — up to {sentences:N0} sentences per side");
        report.Paragraph(
            $"Each document is built from hand-made gold beads: the {seedBeads.Count} of `tests/TM.Text.Tests/Gold/seed-alignment.jsonl` (the two seeds) and the " +
            $"{ownBeads.Count} of `own-alignment.jsonl` (the {Directory.GetFiles(Path.Combine(RepositoryPaths.GoldAlignments, "Documents"), "*.txt").Length} documents under Gold/Documents), less the {leftOutBeads} that hold a sentence the sentence splitter " +
            $"does not give back intact when other sentences follow it ({string.Join("; ", leftOut.Select(Abbreviate))}): {beads.Count} beads. " +
            $"The bead list is repeated, each repetition shuffled (System.Random, seed {Seed.ToString(CultureInfo.InvariantCulture)}), until both sides reach the size; " +
            "the Korean sentences of every 10 beads make one line, all Korean lines come first, then a blank line, then the English lines. The aligner so " +
            "sees one Korean block against one English block, with no paragraphs to pair. The smaller documents are prefixes of the largest.");

        report.Heading("Wall time of `new DocumentAligner().Align(text)`");
        report.Table(
            ["Sentences KO / EN", "Characters", "Gold beads", "Beads", "Bead F1", "min", "median", "max", "median per KO sentence", "CPU time, median", "Allocated per run"],
            rows.Select(Row));
        report.Paragraph(
            $"One warm-up run, then {TimedRuns} timed runs on one thread after a full garbage collection each; default AlignmentOptions (glossary and known terms, " +
            "no learned lexicon). The time covers the whole pipeline: reading, language blocks, sentence splitting and the banded alignment. The aligner runs " +
            "on one thread, so its CPU time (the process's, garbage collector included) is what the wall time would be on an idle machine; when the " +
            "load average exceeds the cores, wall time is inflated by waiting for a core. Bead F1 is BeadEvaluator's, against the beads the document " +
            "was built from.");

        if (rows.Find(row => row.Size == BarSentences) is { } bar)
        {
            report.Paragraph(
                $"**Issue 3's bar, {BarSentences:N0} sentences per side in under {BarTime.TotalSeconds:0} s: {(bar.Median < BarTime ? "met" : "NOT met")}** " +
                $"(wall time median {Units.Seconds(bar.Median)}, max {Units.Seconds(bar.Max)}; CPU time median {Units.Seconds(bar.MedianProcessorTime)}).");
        }

        var largest = rows[^1];
        report.Heading($"Recall by gold bead shape, {Units.Count(largest.Document.KoreanSentences)} / {Units.Count(largest.Document.EnglishSentences)} sentences");
        report.Table(["Gold bead (KO-EN)", "Found"], RecallByShape(largest.Document.Gold, largest.Alignment.Beads));
        report.Paragraph(
            "A gold bead is found when a predicted bead holds exactly its sentences at the same place in the document; a 1-0 or 0-1 bead " +
            "is placed by its own side only, since an omission beside an addition is the same alignment in either order. " +
            "\"beside each other\" counts the 1-0 and 0-1 beads that have a bead of the other empty shape next to them (an omission " +
            "next to an addition, which a 1-1 can swallow; issue 15).");
        foreach (var line in MissedUnpaired(largest.Document.Gold, largest.Alignment.Beads, misses))
        {
            Log(line);
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
        var processorTime = new TimeSpan[TimedRuns];
        using var process = Process.GetCurrentProcess();
        var allocated = 0L;
        DocumentAlignment? alignment = null;
        for (var run = 0; run < TimedRuns; run++)
        {
            // Garbage left by the previous run is collected here, not inside the next timed run.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var bytesBefore = GC.GetAllocatedBytesForCurrentThread();
            process.Refresh();
            var processorBefore = process.TotalProcessorTime;
            var start = Stopwatch.GetTimestamp();
            alignment = new DocumentAligner().Align(document.Text);
            elapsed[run] = Stopwatch.GetElapsedTime(start);
            process.Refresh();
            processorTime[run] = process.TotalProcessorTime - processorBefore;
            allocated = GC.GetAllocatedBytesForCurrentThread() - bytesBefore;
        }

        Array.Sort(elapsed);
        Array.Sort(processorTime);
        var score = BeadEvaluator.Evaluate(alignment!.Beads, document.Gold);
        return new Measurement(size, document, alignment, alignment.Beads.Count, alignment.KoreanSentenceCount, alignment.EnglishSentenceCount,
            score, elapsed[0], elapsed[TimedRuns / 2], elapsed[^1], processorTime[TimedRuns / 2], allocated);
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
        Units.Duration(row.MedianProcessorTime.TotalMicroseconds),
        Units.Bytes(row.AllocatedBytes),
    ];

    private static IEnumerable<string[]> RecallByShape(IReadOnlyList<Bead> gold, IReadOnlyList<Bead> predicted)
    {
        // Identical sentences recur in every repetition, so beads are compared by position, not by text.
        var predictedSpans = new HashSet<(int Korean, int KoreanCount, int English, int EnglishCount)>();
        var (korean, english) = (0, 0);
        foreach (var bead in predicted)
        {
            predictedSpans.Add(Span(korean, bead.Korean.Count, english, bead.English.Count));
            (korean, english) = (korean + bead.Korean.Count, english + bead.English.Count);
        }

        var found = new SortedDictionary<(int Korean, int English), (int Found, int All)>();
        (korean, english) = (0, 0);
        foreach (var bead in gold)
        {
            var shape = (bead.Korean.Count, bead.English.Count);
            var (hits, all) = found.GetValueOrDefault(shape);
            found[shape] = (hits + (predictedSpans.Contains(Span(korean, bead.Korean.Count, english, bead.English.Count)) ? 1 : 0), all + 1);
            (korean, english) = (korean + bead.Korean.Count, english + bead.English.Count);
        }

        var rows = found.Select(entry => new[] { $"{entry.Key.Korean}-{entry.Key.English}", Units.Fraction(entry.Value.Found, entry.Value.All) }).ToList();
        var beside = new[] { 0, 0 };
        for (var (b, k, e) = (0, 0, 0); b < gold.Count; b++)
        {
            var bead = gold[b];
            if (!bead.IsPair && (IsOtherEmptyShape(b - 1) || IsOtherEmptyShape(b + 1)))
            {
                beside[1]++;
                beside[0] += predictedSpans.Contains(Span(k, bead.Korean.Count, e, bead.English.Count)) ? 1 : 0;
            }

            (k, e) = (k + bead.Korean.Count, e + bead.English.Count);

            bool IsOtherEmptyShape(int other) =>
                other >= 0 && other < gold.Count && !gold[other].IsPair && (gold[other].Korean.Count == 0) != (bead.Korean.Count == 0);
        }

        rows.Add(["1-0 and 0-1 beside each other", Units.Fraction(beside[0], beside[1])]);
        return rows;
    }

    /// <summary>
    /// Where a bead lies, as recall compares it. A bead with an empty side says only that its sentences have no counterpart;
    /// where it falls among the other side's sentences means nothing, so a 1-0 is placed by its Korean sentences alone and a
    /// 0-1 by its English ones. An omission beside an addition written 1-0 then 0-1 or 0-1 then 1-0 is the same alignment
    /// (BeadEvaluator, which compares text, already counts both orders right), and the two orders cost the same.
    /// </summary>
    private static (int Korean, int KoreanCount, int English, int EnglishCount) Span(int korean, int koreanCount, int english, int englishCount) =>
        koreanCount == 0 ? (-1, 0, english, englishCount)
        : englishCount == 0 ? (korean, koreanCount, -1, 0)
        : (korean, koreanCount, english, englishCount);

    // --misses N prints (to stderr) the first N missed 1-0 and 0-1 gold beads with the predicted beads over them.
    private static IEnumerable<string> MissedUnpaired(IReadOnlyList<Bead> gold, IReadOnlyList<Bead> predicted, int limit)
    {
        var starts = new List<(int Korean, int English, Bead Bead)>();
        var (korean, english) = (0, 0);
        foreach (var bead in predicted)
        {
            starts.Add((korean, english, bead));
            (korean, english) = (korean + bead.Korean.Count, english + bead.English.Count);
        }

        var shown = 0;
        (korean, english) = (0, 0);
        foreach (var bead in gold)
        {
            if (shown < limit && !bead.IsPair && !starts.Any(p => Span(p.Korean, p.Bead.Korean.Count, p.English, p.Bead.English.Count)
                == Span(korean, bead.Korean.Count, english, bead.English.Count)))
            {
                shown++;
                yield return $"missed {bead.Korean.Count}-{bead.English.Count}: {Abbreviate(bead.KoreanText + bead.EnglishText)}";
                foreach (var (_, _, p) in starts.Where(s => s.Korean <= korean + 1 && s.Korean + s.Bead.Korean.Count >= korean
                    && s.English <= english + 1 && s.English + s.Bead.English.Count >= english))
                {
                    yield return $"    predicted {p.Korean.Count}-{p.English.Count} {p.Confidence:0.00}: {Abbreviate(p.KoreanText)} | {Abbreviate(p.EnglishText)}";
                }
            }

            (korean, english) = (korean + bead.Korean.Count, english + bead.English.Count);
        }
    }

    private static string Abbreviate(string sentence) => sentence.Length <= 40 ? $"“{sentence}”" : $"“{sentence[..20]}…{sentence[^20..]}”";

    private static IReadOnlyList<Bead> ReadGold(string fileName)
    {
        using var reader = new StreamReader(Path.Combine(RepositoryPaths.GoldAlignments, fileName));
        return GoldAlignmentReader.Read(reader);
    }

    /// <summary>
    /// The beads whose every sentence the splitter gives back intact when any other gold sentence of its language
    /// follows it, and the sentences that made the others leave. The document puts sentences side by side that never
    /// were; those that fail are a keyword line (its own line in a real document, paired by its label) and sentences
    /// ending in an ambiguous abbreviation ("… aid from the U.S." before "Under Secretary …"). Their beads would make F1
    /// measure the splitter, not the aligner.
    /// </summary>
    private static (IReadOnlyList<Bead> Beads, IReadOnlyList<string> LeftOut) WithSplittableSentences(IReadOnlyList<Bead> beads)
    {
        var splitter = SentenceSplitter.Default;
        var leftOut = new List<string>();
        foreach (var (language, side) in new (Language, Func<Bead, IReadOnlyList<string>>)[] { (Language.Korean, b => b.Korean), (Language.English, b => b.English) })
        {
            var sentences = beads.SelectMany(side).Distinct(StringComparer.Ordinal).ToList();
            leftOut.AddRange(sentences.Where(sentence => sentences.Any(next =>
                splitter.Split(sentence + " " + next, language) is not [var first, var second] || first != sentence || second != next)));
        }

        var unsplittable = leftOut.ToHashSet(StringComparer.Ordinal);
        return ([.. beads.Where(bead => !bead.Korean.Concat(bead.English).Any(unsplittable.Contains))], leftOut);
    }

    private sealed record Measurement(
        int Size, LongParallelDocument Document, DocumentAlignment Alignment, int Beads, int SplitKorean, int SplitEnglish, AlignmentScore Score,
        TimeSpan Min, TimeSpan Median, TimeSpan Max, TimeSpan MedianProcessorTime, long AllocatedBytes);
}
