namespace TM.Text.Internal;

/// <summary>One line of the input with its 1-based line number, line break removed.</summary>
internal readonly record struct SourceLine(int Number, string Text);
