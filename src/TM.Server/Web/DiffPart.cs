namespace TM.Server.Web;

/// <summary>A stretch of text in a <see cref="TextDiff"/>.</summary>
/// <param name="Text">The text.</param>
/// <param name="Kind">Whether both texts have it, or only one.</param>
public sealed record DiffPart(string Text, DiffKind Kind);
