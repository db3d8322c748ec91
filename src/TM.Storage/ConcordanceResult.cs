namespace TM.Storage;

/// <summary>Segments containing a term.</summary>
/// <param name="Hits">The first segments found, oldest first.</param>
/// <param name="Total">How many segments contain the term in all; may exceed <see cref="Hits"/>.Count.</param>
public sealed record ConcordanceResult(IReadOnlyList<StoredSegment> Hits, int Total);
