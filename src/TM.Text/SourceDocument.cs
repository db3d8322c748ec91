using System.Text;

namespace TM.Text;

/// <summary>
/// The sentences of a document to translate, in one language: what a pretranslation or an analysis works on. Read from
/// plain text in either language, or from a parallel document (the seeds' format), of which the paragraphs of the
/// source language are taken; noise lines (UI labels, headings) are left out as the aligner leaves them out.
/// </summary>
/// <param name="Language">The language of the sentences.</param>
/// <param name="Sentences">The sentences in document order.</param>
public sealed record SourceDocument(Language Language, IReadOnlyList<SourceSentence> Sentences)
{
    /// <summary>Reads the sentences of <paramref name="text"/> in <paramref name="language"/>.</summary>
    /// <param name="text">The document.</param>
    /// <param name="language">The source language; null for the language of the document's first paragraph (the
    /// Korean of a parallel document that starts with it, as the seeds do).</param>
    /// <exception cref="DocumentException">The text is empty, binary, or has a line over the limit.</exception>
    public static SourceDocument Read(string text, Language? language = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var layout = new LanguageBlockDetector().Detect(text);
        var source = language ?? MainLanguage(layout);
        var sentences = new List<SourceSentence>();
        var paragraph = 0;
        foreach (var block in layout.Blocks)
        {
            if (block.Language != source)
                continue;
            foreach (var lines in block.Paragraphs)
            {
                // A keyword line is one unit, as the aligner keeps it; running text is split into sentences.
                var parts = block.Kind == BlockKind.Keywords
                    ? [lines.Text.Trim()]
                    : SentenceSplitter.Default.Split(lines.Text, source);
                foreach (var sentence in parts)
                {
                    if (sentence.Length > 0)
                        sentences.Add(new SourceSentence(paragraph, sentence));
                }
                paragraph++;
            }
        }
        return new SourceDocument(source, sentences);
    }

    /// <summary>
    /// What a sentence counts for in an analysis: words (runs of characters between whitespace that hold a letter or a
    /// digit: English words, Korean eojeol) and characters (everything but whitespace, by Unicode scalar: what Korean
    /// translation is paid by).
    /// </summary>
    public static (int Words, int Characters) Measure(string sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        int words = 0, characters = 0;
        var inWord = false;
        var wordCounted = false;
        foreach (var rune in sentence.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune))
            {
                inWord = false;
                continue;
            }
            characters++;
            if (!inWord)
            {
                inWord = true;
                wordCounted = false;
            }
            if (!wordCounted && (Rune.IsLetter(rune) || Rune.IsDigit(rune)))
            {
                words++;
                wordCounted = true;
            }
        }
        return (words, characters);
    }

    private static Language MainLanguage(BlockLayout layout)
    {
        foreach (var block in layout.Blocks)
        {
            if (block.Kind == BlockKind.Body)
                return block.Language;
        }
        return layout.Blocks.Count > 0 ? layout.Blocks[0].Language : Language.Korean;
    }
}
