namespace TM.Text;

/// <summary>The language blocks of a document and the lines left out of them.</summary>
/// <param name="Blocks">Body and keyword blocks in document order.</param>
/// <param name="DroppedLines">Noise lines (UI labels, headings) and lines with no letters, trimmed, in document order.</param>
public sealed record BlockLayout(IReadOnlyList<LanguageBlock> Blocks, IReadOnlyList<string> DroppedLines);
