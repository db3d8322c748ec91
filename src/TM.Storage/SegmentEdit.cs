namespace TM.Storage;

/// <summary>One committed edit or delete of a segment.</summary>
/// <param name="MemoryId">The memory that holds (held) the segment.</param>
/// <param name="Record">The segment as it stands after an edit; null after a delete.</param>
/// <param name="ChangeSequence">The commit's place in the change log (the segment's new version after an edit).</param>
public sealed record SegmentEdit(long MemoryId, SegmentRecord? Record, long ChangeSequence);
