using TM.Storage;

namespace TM.Server.Memory;

/// <summary>A stored segment, with what the store records about it, and how closely its source side matches a query.</summary>
/// <param name="Record">The matched pair, its import, times and authors.</param>
/// <param name="Score">0..100; 100 only for a pair identical to the query after normalisation and trusted by the aligner.</param>
public sealed record LookupHit(SegmentRecord Record, double Score)
{
    /// <summary>The matched pair.</summary>
    public StoredSegment Segment => Record.Segment;
}
