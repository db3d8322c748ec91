using TM.Storage;

namespace TM.Server.Memory;

/// <summary>What one committed batch changed in a memory, to be applied to its in-memory indexes.</summary>
/// <param name="Added">Segments newly stored.</param>
/// <param name="Updated">Stored segments that took a new text (OVERWRITE): same ids, new texts.</param>
/// <param name="Removed">Ids of segments the batch deleted (the other alternatives of an overwritten source).</param>
internal sealed record IndexChange(IReadOnlyList<StoredSegment> Added, IReadOnlyList<StoredSegment> Updated, IReadOnlyList<long> Removed)
{
    /// <summary>True when the batch changed nothing the indexes hold.</summary>
    public bool IsEmpty => Added.Count == 0 && Updated.Count == 0 && Removed.Count == 0;
}
