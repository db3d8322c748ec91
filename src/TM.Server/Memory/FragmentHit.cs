namespace TM.Server.Memory;

/// <summary>One sentence of a stored multi-sentence segment that matched a query.</summary>
/// <param name="SegmentId">The segment the sentence belongs to.</param>
/// <param name="Sentence">The sentence's position in the segment's side, from 0.</param>
/// <param name="Score">How closely the sentence matches the query, 0..100.</param>
public readonly record struct FragmentHit(long SegmentId, int Sentence, double Score);
