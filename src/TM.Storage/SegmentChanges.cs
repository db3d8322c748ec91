namespace TM.Storage;

/// <summary>One read of the store's change log: the segments written and the ids deleted after a cursor, up to <see cref="Next"/>.</summary>
/// <param name="Written">Segments inserted or overwritten, as they stand now, in log order.</param>
/// <param name="Deleted">Ids of segments deleted.</param>
/// <param name="Next">Where the next read starts: after every change returned.</param>
/// <param name="Complete">True when the read reached the end of the log as it stood: <see cref="Next"/> is then
/// <see cref="ChangeCursor.After"/> the store's change sequence at the time of the read.</param>
public sealed record SegmentChanges(IReadOnlyList<SegmentRecord> Written, IReadOnlyList<long> Deleted, ChangeCursor Next, bool Complete)
{
    /// <summary>
    /// The last change sequence whose changes a reader holds once it has applied this read and all before it: the
    /// sequence before <see cref="Next"/>'s when the read stopped inside a transaction's changes.
    /// </summary>
    public long AppliedThrough => Complete || Next.SegmentId == long.MaxValue ? Next.Sequence : Next.Sequence - 1;
}
