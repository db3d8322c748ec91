namespace TM.Text;

/// <summary>A paragraph of a <see cref="LanguageBlock"/>.</summary>
/// <param name="Text">The paragraph's lines joined with '\n'.</param>
/// <param name="FirstLineNumber">The 1-based line number of the paragraph's first line.</param>
public sealed record BlockParagraph(string Text, int FirstLineNumber)
{
    /// <summary>The 1-based line number of the character at <paramref name="offset"/> in <see cref="Text"/>.</summary>
    /// <param name="offset">A position in <see cref="Text"/>.</param>
    public int LineNumberAt(int offset)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        return FirstLineNumber + Text.AsSpan(0, Math.Min(offset, Text.Length)).Count('\n');
    }
}
