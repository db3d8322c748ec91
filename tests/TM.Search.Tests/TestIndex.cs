using TM.Search;

namespace TM.Search.Tests;

/// <summary>A <see cref="SegmentSearchIndex"/> in a temporary directory, deleted on dispose.</summary>
internal sealed class TestIndex : IDisposable
{
    private static readonly DateTimeOffset Epoch = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public TestIndex()
    {
        Directory = Path.Combine(Path.GetTempPath(), "tm-search-tests", Guid.NewGuid().ToString("N"));
        Index = SegmentSearchIndex.Open(Directory);
    }

    public string Directory { get; }

    public SegmentSearchIndex Index { get; private set; }

    /// <summary>A segment with defaults for what a test does not care about.</summary>
    public static IndexedSegment Segment(long id, string korean, string english = "", long memory = 1, string origin = "a.tmx",
        long import = 1, int createdDay = 0, int changedDay = 0, string createdBy = "kim", string changedBy = "kim") =>
        new(id, memory, korean, english, origin, import, Epoch.AddDays(createdDay), Epoch.AddDays(changedDay), createdBy, changedBy);

    public static DateTimeOffset Day(int day) => Epoch.AddDays(day);

    /// <summary>Upserts and refreshes.</summary>
    public void Add(params IndexedSegment[] segments)
    {
        Index.Upsert(segments);
        Index.Refresh();
    }

    public ConcordanceHits Search(string term, ConcordanceSides sides = ConcordanceSides.Both, long memory = 1, int maxHits = 1000) =>
        Index.Search(new ConcordanceQuery(memory, term, sides) { MaxHits = maxHits });

    public IReadOnlyList<long> Ids(string term, ConcordanceSides sides = ConcordanceSides.Both, long memory = 1) =>
        Search(term, sides, memory).Ids;

    /// <summary>Every hit of <paramref name="query"/>, page after page, checking that each page reports the same total.</summary>
    public List<long> AllPages(ConcordanceQuery query, out int total)
    {
        var ids = new List<long>();
        ConcordanceHits page = Index.Search(query);
        total = page.Total;
        while (true)
        {
            Assert.Equal(total, page.Total);
            ids.AddRange(page.Ids);
            if (page.Ids.Count < query.MaxHits)
            {
                return ids;
            }

            page = Index.Search(query with { AfterId = page.Ids[^1] });
        }
    }

    /// <summary>Closes the index (discarding what was not committed) and opens the directory again.</summary>
    public void Reopen()
    {
        Index.Dispose();
        Index = SegmentSearchIndex.Open(Directory);
    }

    public void Dispose()
    {
        Index.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A temporary directory left behind is not a test failure.
        }
    }
}
