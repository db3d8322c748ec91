using System.Diagnostics;
using TM.Search;
using TM.Server.Hosting.Telemetry;
using TM.Server.Interchange;
using TM.Server.Memory;
using TM.Storage;

namespace TM.Server.Concordance;

/// <summary>
/// The one door for concordance: runs a search on the search index, reads the hits from the store (the source of
/// truth, so a hit shows the pair as it stands; during an outage of a shared store, the index's copies) and finds the
/// term in both sides for highlighting.
/// </summary>
public sealed class ConcordanceSearcher(SearchIndexFollower search, ISegmentStore store, ServerMetrics? metrics = null)
{
    private readonly SegmentRecordReader _records = new(store, search);

    /// <summary>How long a concordance waits for the search index to catch up at start before it says UNAVAILABLE.</summary>
    public static readonly TimeSpan CatchUpWait = TimeSpan.FromSeconds(5);

    /// <summary>Runs one page of a search in <paramref name="memory"/>.</summary>
    /// <param name="memory">The memory searched; the query's memory id is set from it.</param>
    /// <param name="query">The term, sides, filters and page.</param>
    /// <param name="cancellationToken">The call's cancellation.</param>
    /// <exception cref="SearchIndexUnavailableException">The search index is still taking up the store's changes at start.</exception>
    public async Task<ConcordancePage> SearchAsync(MemoryIndex memory, ConcordanceQuery query, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var pageSize = query.MaxHits;
        // One more than the page, to know whether there is a next one.
        var found = await search.SearchAsync(query with { MemoryId = memory.Info.Id, MaxHits = pageSize + 1 }, CatchUpWait, cancellationToken);
        var ids = found.Ids.Count > pageSize ? found.Ids.Take(pageSize).ToList() : found.Ids;
        var records = _records.GetRecords(ids);
        var hits = new List<ConcordanceMatch>(records.Count);
        foreach (var record in records)
        {
            var segment = record.Segment;
            var korean = SideRendering.Render(segment.Korean, segment.KoreanMarkup);
            var english = SideRendering.Render(segment.English, segment.EnglishMarkup);
            hits.Add(new ConcordanceMatch(
                record, korean.Plain, english.Plain, korean.Tmx, english.Tmx,
                Spans(query, ConcordanceSides.Korean, korean.Plain),
                Spans(query, ConcordanceSides.English, english.Plain)));
        }
        metrics?.ConcordanceSearched(memory.Info.Name, Stopwatch.GetElapsedTime(started));
        long? next = found.Ids.Count > pageSize ? ids[^1] : null;
        return new ConcordancePage(hits, found.Total, next);
    }

    private static IReadOnlyList<TextSpan> Spans(ConcordanceQuery query, ConcordanceSides side, string text) =>
        (query.Sides & side) == 0 ? [] : ConcordanceSpans.Find(text, query.Term, side, query.EnglishWordForms);
}
