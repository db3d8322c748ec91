namespace TM.Search;

/// <summary>One page of concordance hits.</summary>
/// <param name="Ids">The segment ids of this page, ascending: the first <see cref="ConcordanceQuery.MaxHits"/> hits
/// with an id above <see cref="ConcordanceQuery.AfterId"/>.</param>
/// <param name="Total">How many segments the query matches in all, whatever <see cref="ConcordanceQuery.AfterId"/> and
/// <see cref="ConcordanceQuery.MaxHits"/> say (so it stays the same from page to page while nothing is written).</param>
public sealed record ConcordanceHits(IReadOnlyList<long> Ids, int Total);
