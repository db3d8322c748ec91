namespace TM.Client.Output;

/// <summary>
/// One stretch of a diff between a match's source and the query. <see cref="Source"/> is the text as the memory
/// has it (empty for <see cref="DiffKind.Inserted"/>), <see cref="Query"/> the text as the user typed it (empty for
/// <see cref="DiffKind.Deleted"/>); both are the same for <see cref="DiffKind.Equal"/>.
/// </summary>
internal readonly record struct DiffSegment(DiffKind Kind, string Source, string Query);
