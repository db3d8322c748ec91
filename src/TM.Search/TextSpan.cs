namespace TM.Search;

/// <summary>A stretch of a text to highlight.</summary>
/// <param name="Start">The UTF-16 offset of its first character in the plain text.</param>
/// <param name="Length">Its length in UTF-16 code units.</param>
public readonly record struct TextSpan(int Start, int Length)
{
    /// <summary>The offset just after the span.</summary>
    public int End => Start + Length;
}
