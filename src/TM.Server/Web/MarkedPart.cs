namespace TM.Server.Web;

/// <summary>A stretch of text of <see cref="MarkedText"/>.</summary>
/// <param name="Text">The text.</param>
/// <param name="Marked">Whether to highlight it.</param>
/// <param name="Class">The highlight's CSS class, or null for the plain one.</param>
public sealed record MarkedPart(string Text, bool Marked, string? Class = null);
