namespace TM.Interchange;

/// <summary>A TMX <c>&lt;note&gt;</c>: a free-text comment.</summary>
/// <param name="Text">The element's text, unescaped.</param>
/// <param name="Language">The <c>xml:lang</c> attribute, or null when absent.</param>
public sealed record TmxNote(string Text, string? Language = null);
