using System.Text;
using TM.Text.Internal;

namespace TM.Text;

/// <summary>
/// Splits a document into blocks of one language: each line is classified by its script (Hangul against Latin
/// letters), and consecutive lines of the same language form a block whether or not blank lines separate them.
/// Blank lines only separate paragraphs inside a block. Korean may come first or English may; several
/// paragraphs may alternate (KO, EN, KO, EN). Noise lines are dropped and reported; keyword lines go to
/// <see cref="BlockKind.Keywords"/> blocks and do not interrupt the running text around them.
/// </summary>
public sealed class LanguageBlockDetector
{
    private readonly NoiseLineFilter noiseFilter;

    /// <summary>Creates a detector.</summary>
    /// <param name="noiseFilter">Decides which lines are noise; null means <see cref="NoiseLineFilter.Default"/>.</param>
    public LanguageBlockDetector(NoiseLineFilter? noiseFilter = null)
    {
        this.noiseFilter = noiseFilter ?? NoiseLineFilter.Default;
    }

    /// <summary>Reads the text (see <see cref="DocumentAligner"/> for what is rejected) and returns its blocks.</summary>
    /// <param name="text">The whole document.</param>
    /// <exception cref="DocumentException">The text is empty, binary or has a line over the default limit.</exception>
    public BlockLayout Detect(string text) => Detect(DocumentReader.Read(text, AlignmentOptions.Default.MaxLineLength));

    internal BlockLayout Detect(IReadOnlyList<SourceLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var builder = new Builder();
        var dropped = new List<string>();
        var keywordLines = new List<(Language Language, BlockParagraph Line)>();

        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var trimmed = line.Text.Trim();
            if (trimmed.Length == 0)
            {
                builder.BreakParagraph();
                continue;
            }

            if (KeywordLabel.TryMatch(trimmed, out var keywordLanguage, out var labelOnly))
            {
                // "Keywords:" alone on its line: the keywords are on the next non-blank line.
                var next = labelOnly ? NextNonBlank(lines, i + 1) : -1;
                if (next >= 0 && !KeywordLabel.TryMatch(lines[next].Text, out _, out _))
                {
                    trimmed = trimmed + " " + lines[next].Text.Trim();
                    i = next;
                }

                keywordLines.Add((keywordLanguage, new BlockParagraph(trimmed, line.Number)));
                builder.BreakParagraph();
                continue;
            }

            if (noiseFilter.IsNoise(trimmed))
            {
                dropped.Add(trimmed);
                builder.BreakParagraph();
                continue;
            }

            if (ScriptClassifier.Classify(trimmed) is not { } language)
            {
                // Page numbers, rules, stray punctuation: nothing to align them with.
                dropped.Add(trimmed);
                continue;
            }

            builder.Add(language, trimmed, line.Number);
        }

        var blocks = builder.Finish();
        AddKeywordBlocks(keywordLines, blocks);
        blocks.Sort((a, b) => a.FirstLineNumber.CompareTo(b.FirstLineNumber));
        return new BlockLayout(blocks, dropped);
    }

    private static int NextNonBlank(IReadOnlyList<SourceLine> lines, int from)
    {
        for (var i = from; i < lines.Count; i++)
        {
            if (!string.IsNullOrWhiteSpace(lines[i].Text))
            {
                return i;
            }
        }

        return -1;
    }

    private static void AddKeywordBlocks(List<(Language Language, BlockParagraph Line)> keywordLines, List<LanguageBlock> blocks)
    {
        var start = 0;
        for (var i = 1; i <= keywordLines.Count; i++)
        {
            if (i == keywordLines.Count || keywordLines[i].Language != keywordLines[start].Language)
            {
                var paragraphs = keywordLines.GetRange(start, i - start).ConvertAll(k => k.Line);
                blocks.Add(new LanguageBlock(keywordLines[start].Language, BlockKind.Keywords, paragraphs));
                start = i;
            }
        }
    }

    /// <summary>Accumulates lines into paragraphs and paragraphs into body blocks.</summary>
    private sealed class Builder
    {
        private readonly List<LanguageBlock> blocks = [];
        private readonly StringBuilder paragraph = new();
        private List<BlockParagraph> paragraphs = [];
        private Language language;
        private int paragraphLine;
        private bool paragraphBreak;

        public void BreakParagraph() => paragraphBreak = true;

        public void Add(Language lineLanguage, string text, int lineNumber)
        {
            if (paragraph.Length > 0 && lineLanguage != language)
            {
                CloseBlock();
            }
            else if (paragraphBreak)
            {
                CloseParagraph();
            }

            if (paragraph.Length == 0)
            {
                paragraphLine = lineNumber;
            }
            else
            {
                paragraph.Append('\n');
            }

            language = lineLanguage;
            paragraph.Append(text);
            paragraphBreak = false;
        }

        public List<LanguageBlock> Finish()
        {
            CloseBlock();
            return blocks;
        }

        private void CloseParagraph()
        {
            if (paragraph.Length > 0)
            {
                paragraphs.Add(new BlockParagraph(paragraph.ToString(), paragraphLine));
                paragraph.Clear();
            }
        }

        private void CloseBlock()
        {
            CloseParagraph();
            if (paragraphs.Count > 0)
            {
                blocks.Add(new LanguageBlock(language, BlockKind.Body, paragraphs));
                paragraphs = [];
            }
        }
    }
}
