namespace TM.Text;

/// <summary>One sentence of a document to translate.</summary>
/// <param name="Paragraph">The 0-based number of its paragraph among the source language's paragraphs.</param>
/// <param name="Text">The sentence as the splitter gives it (whitespace normalised).</param>
public sealed record SourceSentence(int Paragraph, string Text);
