namespace TM.Text;

/// <summary>The result of aligning one parallel document.</summary>
/// <param name="Beads">All beads in document order, including 1-0 and 0-1 beads; every sentence is in exactly one.</param>
/// <param name="DroppedLines">Lines left out as noise (UI labels, headings such as "Abstract"), trimmed, in document order.</param>
/// <param name="KoreanSentenceCount">How many Korean sentences the document was split into (keyword lines count as one).</param>
/// <param name="EnglishSentenceCount">How many English sentences the document was split into (keyword lines count as one).</param>
public sealed record DocumentAlignment(
    IReadOnlyList<Bead> Beads,
    IReadOnlyList<string> DroppedLines,
    int KoreanSentenceCount,
    int EnglishSentenceCount);
