using TM.Search;

namespace TM.Search.Tests;

/// <summary>Filters narrow the hits inside the index, and pages of hits go by id with a total that does not move.</summary>
public sealed class FilterAndPagingTests : IDisposable
{
    private readonly TestIndex _index = new();

    public FilterAndPagingTests()
    {
        // 300 pairs containing 휴전: memory 1 or 2, two origins, three imports, two creators, changed on days 0..29.
        _index.Add(Enumerable.Range(1, 300).Select(i => TestIndex.Segment(
            id: i * 3,
            korean: $"휴전 {i}",
            english: $"armistice {i}",
            memory: i % 4 == 0 ? 2 : 1,
            origin: i % 2 == 0 ? "even.tmx" : "odd.tmx",
            import: i % 3,
            createdDay: i % 10,
            changedDay: i % 30,
            createdBy: i % 5 == 0 ? "lee" : "kim",
            changedBy: i % 5 == 0 ? "kim" : "lee")).ToArray());
    }

    private static IEnumerable<int> All => Enumerable.Range(1, 300);

    [Fact]
    public void Hits_never_come_from_another_memory()
    {
        Assert.Equal(Expected(i => i % 4 != 0), Hits(new ConcordanceQuery(1, "휴전", ConcordanceSides.Korean)));
        Assert.Equal(Expected(i => i % 4 == 0), Hits(new ConcordanceQuery(2, "armistice", ConcordanceSides.English)));
        Assert.Empty(Hits(new ConcordanceQuery(3, "휴전", ConcordanceSides.Both)));
    }

    [Fact]
    public void Origin_import_creator_and_changer_filters_keep_exact_matches_only()
    {
        var query = new ConcordanceQuery(1, "휴전", ConcordanceSides.Both);
        Assert.Equal(Expected(i => i % 4 != 0 && i % 2 == 0), Hits(query with { Origin = "even.tmx" }));
        Assert.Empty(Hits(query with { Origin = "EVEN.tmx" }));
        Assert.Equal(Expected(i => i % 4 != 0 && i % 3 == 2), Hits(query with { ImportId = 2 }));
        Assert.Equal(Expected(i => i % 4 != 0 && i % 5 == 0), Hits(query with { CreatedBy = "lee" }));
        Assert.Equal(Expected(i => i % 4 != 0 && i % 5 != 0), Hits(query with { ChangedBy = "lee" }));
        Assert.Equal(Expected(i => i % 4 != 0 && i % 2 == 1 && i % 3 == 0 && i % 5 == 0), Hits(query with { Origin = "odd.tmx", ImportId = 0, CreatedBy = "lee" }));
    }

    [Fact]
    public void Date_ranges_are_inclusive_and_open_ended_when_a_bound_is_null()
    {
        var query = new ConcordanceQuery(1, "armistice", ConcordanceSides.English);
        Assert.Equal(Expected(i => i % 4 != 0 && i % 30 >= 10 && i % 30 <= 12),
            Hits(query with { ChangedFrom = TestIndex.Day(10), ChangedTo = TestIndex.Day(12) }));
        Assert.Equal(Expected(i => i % 4 != 0 && i % 30 >= 25), Hits(query with { ChangedFrom = TestIndex.Day(25) }));
        Assert.Equal(Expected(i => i % 4 != 0 && i % 30 <= 1), Hits(query with { ChangedTo = TestIndex.Day(1).AddTicks(1) }));
        Assert.Equal(Expected(i => i % 4 != 0 && i % 10 == 3 && i % 2 == 0),
            Hits(query with { CreatedFrom = TestIndex.Day(3), CreatedTo = TestIndex.Day(3), Origin = "even.tmx" }));
        // The same instant in another offset is the same instant.
        Assert.Equal(Expected(i => i % 4 != 0 && i % 30 == 5),
            Hits(query with { ChangedFrom = TestIndex.Day(5).ToOffset(TimeSpan.FromHours(9)), ChangedTo = TestIndex.Day(5).ToOffset(TimeSpan.FromHours(-5)) }));
    }

    [Fact]
    public void Pages_follow_ids_and_the_total_counts_every_hit_on_every_page()
    {
        var query = new ConcordanceQuery(1, "휴전", ConcordanceSides.Korean) { MaxHits = 7 };
        List<long> all = _index.AllPages(query, out int total);
        Assert.Equal(Expected(i => i % 4 != 0), all);
        Assert.Equal(225, total);

        ConcordanceHits page = _index.Index.Search(query with { AfterId = 100 });
        Assert.Equal(225, page.Total);
        Assert.Equal([102, 105, 111, 114, 117, 123, 126], page.Ids); // 108 and 120 are memory 2
        Assert.Equal([105, 111], _index.Index.Search(query with { AfterId = 102, MaxHits = 2 }).Ids); // after an id that is a hit
        Assert.Empty(_index.Index.Search(query with { AfterId = 900 }).Ids);
        ConcordanceHits count = _index.Index.Search(query with { MaxHits = 0 });
        Assert.Empty(count.Ids);
        Assert.Equal(225, count.Total);
    }

    [Fact]
    public void Pages_stay_in_id_order_when_a_segment_holds_lower_ids_after_higher_ones()
    {
        // Ids 1,001-3,000, then ids 1-1,000, before one refresh (each Upsert indexed by several threads in blocks):
        // the segments hold a run of high ids followed by a run of low ones, and no deletion.
        using var index = new TestIndex();
        index.Index.Upsert(Enumerable.Range(1_001, 2_000).Select(i => TestIndex.Segment(i, $"휴전 {i}")).ToArray());
        index.Index.Upsert(Enumerable.Range(1, 1_000).Select(i => TestIndex.Segment(i, $"휴전 {i}")).ToArray());
        index.Index.Refresh();

        var query = new ConcordanceQuery(1, "휴전", ConcordanceSides.Korean) { MaxHits = 7 };
        Assert.Equal(Enumerable.Range(1, 3_000).Select(i => (long)i), index.AllPages(query, out int total));
        Assert.Equal(3_000, total);
        Assert.Equal([999L, 1_000L, 1_001L], index.Index.Search(query with { AfterId = 998, MaxHits = 3 }).Ids);
    }

    [Theory]
    [InlineData("휴전", "rare.tmx")]     // a term in every pair, a rare origin: the origin's postings are intersected
    [InlineData("희귀", "common.tmx")]   // a rare term, a common origin: each hit's origin is checked instead
    [InlineData("휴전 희귀", "rare.tmx")] // a phrase, estimated by its rarest gram
    public void An_origin_filter_keeps_exactly_that_origin_s_hits_either_way(string term, string origin)
    {
        using var index = new TestIndex();
        index.Add(Enumerable.Range(1, 400).Select(i => TestIndex.Segment(
            i, i % 50 == 0 ? "휴전 희귀" : "휴전 협상", origin: i % 40 == 0 ? "rare.tmx" : "common.tmx")).ToArray());

        var hits = index.AllPages(new ConcordanceQuery(1, term, ConcordanceSides.Korean) { Origin = origin, MaxHits = 3 }, out int total);

        long[] expected = Enumerable.Range(1, 400)
            .Where(i => (i % 40 == 0 ? "rare.tmx" : "common.tmx") == origin && (term == "휴전" || i % 50 == 0))
            .Select(i => (long)i).ToArray();
        Assert.Equal(expected, hits);
        Assert.Equal(expected.Length, total);
    }

    [Fact]
    public void A_negative_page_size_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _index.Index.Search(new ConcordanceQuery(1, "휴전", ConcordanceSides.Korean) { MaxHits = -1 }));
        Assert.Throws<ArgumentException>(() => _index.Index.Search(new ConcordanceQuery(1, "휴전", 0)));
    }

    private List<long> Hits(ConcordanceQuery query) => _index.AllPages(query with { MaxHits = 50 }, out _);

    private static List<long> Expected(Func<int, bool> keep) => All.Where(keep).Select(i => i * 3L).ToList();

    public void Dispose() => _index.Dispose();
}
