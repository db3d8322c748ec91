namespace TM.Text;

/// <summary>Consecutive lines of one language.</summary>
/// <param name="Language">The language of every line in the block.</param>
/// <param name="Kind">Whether the block is running text or keyword lines.</param>
/// <param name="Paragraphs">
/// The block's paragraphs in order. A paragraph is a run of lines not separated by a blank line; its lines are
/// joined with '\n' so that text wrapped in the middle of a sentence stays one sentence.
/// </param>
public sealed record LanguageBlock(Language Language, BlockKind Kind, IReadOnlyList<BlockParagraph> Paragraphs)
{
    /// <summary>The 1-based line number where the block starts.</summary>
    public int FirstLineNumber => Paragraphs.Count == 0 ? 0 : Paragraphs[0].FirstLineNumber;
}
