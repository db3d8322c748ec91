using TM.Storage;

namespace TM.Server.Memory;

/// <summary>A stored segment and how closely its source side matches a query.</summary>
/// <param name="Segment">The matched pair.</param>
/// <param name="Score">0..100; 100 only for a pair identical to the query after normalisation and trusted by the aligner.</param>
public sealed record LookupHit(StoredSegment Segment, double Score);
