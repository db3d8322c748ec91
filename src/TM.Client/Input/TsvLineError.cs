namespace TM.Client.Input;

/// <summary>A TSV line that was skipped, and why.</summary>
internal readonly record struct TsvLineError(int Line, string Reason);
