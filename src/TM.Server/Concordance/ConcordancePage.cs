namespace TM.Server.Concordance;

/// <summary>One page of a concordance search.</summary>
/// <param name="Hits">The hits of the page, oldest segment first.</param>
/// <param name="Total">Segments matching the search on all pages.</param>
/// <param name="NextAfterId">Where the next page starts (after this segment id); null on the last page.</param>
public sealed record ConcordancePage(IReadOnlyList<ConcordanceMatch> Hits, int Total, long? NextAfterId);
