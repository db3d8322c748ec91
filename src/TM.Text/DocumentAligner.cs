using TM.Text.Internal;

namespace TM.Text;

/// <summary>
/// Aligns a parallel Korean–English document: text → language blocks → sentences → beads.
/// <list type="number">
/// <item>Reading: a byte order mark is ignored, CRLF, LF and CR all end lines. Empty text, binary data (NUL and
/// other control characters, U+FFFD from invalid UTF-8) and lines over <see cref="AlignmentOptions.MaxLineLength"/>
/// are rejected with a <see cref="DocumentException"/> naming the line.</item>
/// <item>Blocks (<see cref="LanguageBlockDetector"/>): lines are grouped by language; noise lines are dropped and
/// reported; keyword lines form their own blocks.</item>
/// <item>Pairing: when there are as many Korean as English body blocks (KO¶1 EN¶1 KO¶2 EN¶2, either language
/// first), the n-th Korean block is aligned with the n-th English block; otherwise all Korean text is aligned with
/// all English text. Keyword lines of both languages make one bead.</item>
/// <item>Sentences (<see cref="SentenceSplitter"/>); a sentence over <see cref="AlignmentOptions.MaxSentenceLength"/>
/// is rejected.</item>
/// <item>Alignment of each pair of blocks (<see cref="SentenceAligner"/>).</item>
/// </list>
/// The aligner is stateless and thread-safe.
/// </summary>
public sealed class DocumentAligner
{
    // Keyword lines pair by their labels, not by statistics: a structural match that rarely fails.
    private const double KeywordPairConfidence = 0.9;
    private const double UnpairedKeywordConfidence = 0.2;

    private readonly AlignmentOptions options;
    private readonly LanguageBlockDetector detector;
    private readonly SentenceAligner aligner;

    /// <summary>Creates an aligner.</summary>
    /// <param name="options">Limits, models and costs; null means <see cref="AlignmentOptions.Default"/>.</param>
    public DocumentAligner(AlignmentOptions? options = null)
    {
        this.options = options ?? AlignmentOptions.Default;
        detector = new LanguageBlockDetector(this.options.NoiseFilter);
        aligner = new SentenceAligner(this.options);
    }

    /// <summary>Aligns a whole document.</summary>
    /// <param name="text">The document as decoded text.</param>
    /// <returns>The beads in document order, the dropped noise lines and the sentence counts.</returns>
    /// <exception cref="DocumentException">The document cannot be aligned; the message says why and what to do.</exception>
    public DocumentAlignment Align(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var layout = detector.Detect(DocumentReader.Read(text, options.MaxLineLength));
        RequireBothLanguages(layout.Blocks);

        var units = new List<(int FirstLine, IReadOnlyList<Bead> Beads)>();
        var koreanSentences = 0;
        var englishSentences = 0;

        var korean = layout.Blocks.Where(b => b.Kind == BlockKind.Body && b.Language == Language.Korean).ToList();
        var english = layout.Blocks.Where(b => b.Kind == BlockKind.Body && b.Language == Language.English).ToList();
        var pairs = korean.Count == english.Count
            ? korean.Zip(english, (k, e) => (Korean: (IReadOnlyList<LanguageBlock>)[k], English: (IReadOnlyList<LanguageBlock>)[e])).ToList()
            : [(Korean: korean, English: english)];

        foreach (var (koreanBlocks, englishBlocks) in pairs)
        {
            var koreanList = SplitSentences(koreanBlocks);
            var englishList = SplitSentences(englishBlocks);
            koreanSentences += koreanList.Count;
            englishSentences += englishList.Count;
            units.Add((FirstLine(koreanBlocks, englishBlocks), aligner.Align(koreanList, englishList)));
        }

        var koreanKeywords = KeywordLines(layout.Blocks, Language.Korean);
        var englishKeywords = KeywordLines(layout.Blocks, Language.English);
        if (koreanKeywords.Count > 0 || englishKeywords.Count > 0)
        {
            koreanSentences += koreanKeywords.Count;
            englishSentences += englishKeywords.Count;
            var paired = koreanKeywords.Count > 0 && englishKeywords.Count > 0;
            var bead = new Bead(
                koreanKeywords.ConvertAll(k => k.Text),
                englishKeywords.ConvertAll(k => k.Text),
                paired ? KeywordPairConfidence : UnpairedKeywordConfidence);
            var firstLine = koreanKeywords.Concat(englishKeywords).Min(k => k.FirstLineNumber);
            units.Add((firstLine, [bead]));
        }

        var beads = units.OrderBy(u => u.FirstLine).SelectMany(u => u.Beads).ToList();
        return new DocumentAlignment(beads, layout.DroppedLines, koreanSentences, englishSentences);
    }

    private static void RequireBothLanguages(IReadOnlyList<LanguageBlock> blocks)
    {
        var hasKorean = blocks.Any(b => b.Language == Language.Korean);
        var hasEnglish = blocks.Any(b => b.Language == Language.English);
        if (hasKorean && !hasEnglish)
        {
            throw new DocumentException("The document has Korean text but no English text; a parallel document needs both.");
        }

        if (hasEnglish && !hasKorean)
        {
            throw new DocumentException("The document has English text but no Korean text; a parallel document needs both.");
        }

        if (!hasKorean)
        {
            throw new DocumentException(
                "The document has no Korean or English text to align, only headings or lines without letters.");
        }
    }

    private List<string> SplitSentences(IReadOnlyList<LanguageBlock> blocks)
    {
        var sentences = new List<string>();
        var ranges = new List<Range>();
        foreach (var block in blocks)
        {
            foreach (var paragraph in block.Paragraphs)
            {
                ranges.Clear();
                SentenceSplitter.SplitRanges(paragraph.Text, block.Language, ranges);
                foreach (var range in ranges)
                {
                    var sentence = Whitespace.Normalize(paragraph.Text.AsSpan()[range]);
                    if (sentence.Length > options.MaxSentenceLength)
                    {
                        var line = paragraph.LineNumberAt(range.Start.Value);
                        throw new DocumentException(
                            $"Line {line}: a {(block.Language == Language.Korean ? "Korean" : "English")} sentence is " +
                            $"{sentence.Length:N0} characters long; the limit is {options.MaxSentenceLength:N0}. " +
                            "Check that the text ends its sentences with '.', '?' or '!', or split it into shorter sentences.",
                            line);
                    }

                    sentences.Add(sentence);
                }
            }
        }

        return sentences;
    }

    private static List<BlockParagraph> KeywordLines(IReadOnlyList<LanguageBlock> blocks, Language language) =>
        blocks.Where(b => b.Kind == BlockKind.Keywords && b.Language == language).SelectMany(b => b.Paragraphs).ToList();

    private static int FirstLine(IReadOnlyList<LanguageBlock> korean, IReadOnlyList<LanguageBlock> english) =>
        korean.Concat(english).Select(b => b.FirstLineNumber).DefaultIfEmpty(int.MaxValue).Min();
}
