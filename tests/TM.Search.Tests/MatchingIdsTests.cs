using TM.Search;

namespace TM.Search.Tests;

/// <summary>
/// <see cref="SegmentSearchIndex.MatchingIds"/> returns exactly the live segments of the memory whose fields pass the
/// filter, checked against the indexed segments' own fields for every condition and combinations of them, over an
/// index of several Lucene segments (memories alone and interleaved, replacements, deletions). Seeded.
/// </summary>
public sealed class MatchingIdsTests(MatchingIdsTests.Memories memories) : IClassFixture<MatchingIdsTests.Memories>
{
    private static readonly string[] Origins = ["a.tmx", "b.docx", "c.xliff"];
    private static readonly string[] Users = ["kim", "lee", "park"];
    private static readonly string[] Domains = ["war", "armistice", "diplomacy"];
    private static readonly string[] Journals = ["군사사연구", "한국사연구"];

    private readonly TestIndex _index = memories.Index;
    private readonly Dictionary<long, IndexedSegment> _model = memories.Model;

    /// <summary>Filters with each condition alone, bounds open and closed, and combinations; values present and absent.</summary>
    public static TheoryData<string> FilterNames => [.. NamedFilters(1).Keys];

    [Theory]
    [MemberData(nameof(FilterNames))]
    public void Ids_equal_a_brute_force_check_of_the_indexed_fields(string name)
    {
        foreach (long memory in new long[] { 1, 2, 3 })
        {
            AssertMatches(NamedFilters(memory)[name]);
        }
    }

    [Fact]
    public void Ids_equal_a_brute_force_check_for_random_combinations_of_conditions()
    {
        var random = new Random(38);
        for (int i = 0; i < 200; i++)
        {
            int createdFrom = random.Next(-1, 30), changedFrom = random.Next(-1, 30);
            AssertMatches(new SegmentFilter(random.Next(1, 4))
            {
                Origin = random.Next(3) == 0 ? Origins[random.Next(Origins.Length)] : null,
                ImportId = random.Next(3) == 0 ? random.Next(4) : null,
                CreatedBy = random.Next(3) == 0 ? Users[random.Next(Users.Length)] : null,
                ChangedBy = random.Next(3) == 0 ? Users[random.Next(Users.Length)] : null,
                CreatedFrom = random.Next(3) == 0 ? TestIndex.Day(createdFrom) : null,
                CreatedTo = random.Next(3) == 0 ? TestIndex.Day(createdFrom + random.Next(10)) : null,
                ChangedFrom = random.Next(3) == 0 ? TestIndex.Day(changedFrom) : null,
                ChangedTo = random.Next(3) == 0 ? TestIndex.Day(changedFrom + random.Next(10)) : null,
                Fields = random.Next(3) == 0 ? RandomFields(random) : [],
            });
        }
    }

    [Fact]
    public void Segments_of_other_memories_are_never_included()
    {
        SegmentIdSet memory2 = _index.Index.MatchingIds(new SegmentFilter(2));

        Assert.NotEmpty(memory2);
        Assert.All(memory2, id => Assert.Equal(2, _model[id].MemoryId));
        Assert.All(_model.Values.Where(s => s.MemoryId != 2), s => Assert.False(memory2.Contains(s.Id)));
        Assert.Empty(_index.Index.MatchingIds(new SegmentFilter(4)));
        Assert.Empty(_index.Index.MatchingIds(new SegmentFilter(4) { Origin = "a.tmx" }));
    }

    [Fact]
    public void Deleted_and_replaced_documents_are_not_included()
    {
        using var index = new TestIndex();
        index.Add(Enumerable.Range(1, 10).Select(i => TestIndex.Segment(i, "휴전", origin: "a.tmx", createdBy: "kim")).ToArray());
        index.Index.Upsert(
        [
            TestIndex.Segment(3, "휴전", origin: "b.tmx", createdBy: "kim"),
            TestIndex.Segment(4, "휴전", memory: 2, origin: "a.tmx", createdBy: "kim"),
            TestIndex.Segment(6, "휴전", origin: "a.tmx", createdBy: "lee"),
        ]);
        index.Index.Delete([5]);

        // Nothing changes before the refresh.
        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), index.Index.MatchingIds(new SegmentFilter(1) { Origin = "a.tmx" }));

        index.Index.Refresh();
        Assert.Equal([1L, 2, 6, 7, 8, 9, 10], index.Index.MatchingIds(new SegmentFilter(1) { Origin = "a.tmx" }));
        Assert.Equal([1L, 2, 7, 8, 9, 10], index.Index.MatchingIds(new SegmentFilter(1) { Origin = "a.tmx", CreatedBy = "kim" }));
        Assert.Equal([3L], index.Index.MatchingIds(new SegmentFilter(1) { Origin = "b.tmx" }));
        Assert.Equal([1L, 2, 3, 6, 7, 8, 9, 10], index.Index.MatchingIds(new SegmentFilter(1)));
        Assert.Equal([4L], index.Index.MatchingIds(new SegmentFilter(2)));
        Assert.False(index.Index.MatchingIds(new SegmentFilter(1)).Contains(5));
    }

    [Fact]
    public void Ids_are_right_whether_a_segment_s_runs_of_ids_are_consecutive_or_not()
    {
        // Before one refresh: ids 1,001-3,000 (consecutive runs), then 1-1,000 without the multiples of 7 (runs with
        // gaps), then ids 1-50 replaced: segments with runs of high ids followed by lower ones, and deleted documents
        // in the middle of runs.
        using var index = new TestIndex();
        var model = new Dictionary<long, IndexedSegment>();
        void Write(IEnumerable<long> ids, string origin)
        {
            IndexedSegment[] batch = ids.Select(id => TestIndex.Segment(id, "휴전", memory: 1 + (id % 3 == 0 ? 1 : 0), origin: origin,
                createdBy: Users[id % 5 % Users.Length])).ToArray();
            index.Index.Upsert(batch);
            foreach (IndexedSegment segment in batch)
            {
                model[segment.Id] = segment;
            }
        }

        Write(Enumerable.Range(1_001, 2_000).Select(i => (long)i), "a.tmx");
        Write(Enumerable.Range(1, 1_000).Where(i => i % 7 != 0).Select(i => (long)i), "b.docx");
        index.Index.Refresh();
        Write(Enumerable.Range(1, 50).Select(i => (long)i * 40), "c.xliff");
        index.Index.Refresh();

        foreach (SegmentFilter filter in new SegmentFilter[]
        {
            new(1), new(2), new(1) { CreatedBy = "lee" }, new(1) { Origin = "a.tmx" }, new(2) { Origin = "b.docx" }, new(1) { Origin = "c.xliff" },
        })
        {
            long[] expected = model.Values.Where(s => Passes(s, filter)).Select(s => s.Id).Order().ToArray();
            Assert.NotEmpty(expected);
            Assert.Equal(expected, index.Index.MatchingIds(filter));
        }
    }

    [Fact]
    public void A_filter_that_matches_nothing_returns_an_empty_set()
    {
        SegmentFilter[] nothing =
        [
            new(1) { Origin = "missing.tmx" },
            new(1) { Origin = "A.TMX" },
            new(1) { ImportId = 99 },
            new(1) { CreatedBy = "nobody" },
            new(1) { ChangedBy = "KIM" },
            new(1) { CreatedFrom = TestIndex.Day(100) },
            new(1) { ChangedTo = TestIndex.Day(-1) },
            new(1) { CreatedFrom = TestIndex.Day(5), CreatedTo = TestIndex.Day(4) },
            new(3) { ImportId = 1, Origin = "missing.tmx" },
        ];

        foreach (SegmentFilter filter in nothing)
        {
            SegmentIdSet ids = _index.Index.MatchingIds(filter);
            Assert.Empty(ids);
            Assert.All(_model.Keys, id => Assert.False(ids.Contains(id)));
        }
    }

    [Fact]
    public void A_memory_with_far_apart_ids_is_held_without_a_bitmap_of_the_range()
    {
        using var index = new TestIndex();
        index.Add(TestIndex.Segment(1, "휴전"), TestIndex.Segment(1_000_000_000_000, "휴전"), TestIndex.Segment(7, "휴전", memory: 2));

        SegmentIdSet ids = index.Index.MatchingIds(new SegmentFilter(1));

        Assert.False(ids.IsBitmap);
        Assert.Equal([1L, 1_000_000_000_000], ids);
        Assert.True(ids.Contains(1_000_000_000_000));
        Assert.False(ids.Contains(7));
        Assert.False(ids.Contains(999_999_999_999));
    }

    [Fact]
    public void An_id_set_answers_for_every_id_in_and_around_its_range()
    {
        long[] dense = [5, 6, 64, 69, 70, 127, 128, 129, 1_000, 5];
        long[] sparse = [3, 70_000, 90_000_000];
        foreach (long[] ids in new[] { dense, sparse, [1], [long.MaxValue - 1] })
        {
            SegmentIdSet set = SegmentIdSet.Of(ids);
            long[] distinct = ids.Distinct().Order().ToArray();
            Assert.Equal(distinct, set);
            Assert.Equal(distinct.Length, set.Count);
            Assert.Equal(ids != sparse, set.IsBitmap);
            foreach (long id in distinct.SelectMany(id => new[] { id - 1, id, id + 1 }).Concat([0, -1, long.MinValue, long.MaxValue]))
            {
                Assert.Equal(distinct.Contains(id), set.Contains(id));
            }
        }

        Assert.Empty(SegmentIdSet.Of([]));
        Assert.False(SegmentIdSet.Empty.Contains(1));
    }

    private static Dictionary<string, SegmentFilter> NamedFilters(long memory) => new()
    {
        ["no condition"] = new(memory),
        ["origin"] = new(memory) { Origin = "b.docx" },
        ["import"] = new(memory) { ImportId = 2 },
        ["import 0"] = new(memory) { ImportId = 0 },
        ["created by"] = new(memory) { CreatedBy = "lee" },
        ["changed by"] = new(memory) { ChangedBy = "park" },
        ["created from"] = new(memory) { CreatedFrom = TestIndex.Day(20) },
        ["created to"] = new(memory) { CreatedTo = TestIndex.Day(3) },
        ["created on one day"] = new(memory) { CreatedFrom = TestIndex.Day(7), CreatedTo = TestIndex.Day(7) },
        ["changed from, another offset"] = new(memory) { ChangedFrom = TestIndex.Day(12).ToOffset(TimeSpan.FromHours(9)) },
        ["changed range"] = new(memory) { ChangedFrom = TestIndex.Day(5), ChangedTo = TestIndex.Day(15).AddTicks(-1) },
        ["origin and created by"] = new(memory) { Origin = "a.tmx", CreatedBy = "kim" },
        ["import and changed range"] = new(memory) { ImportId = 1, ChangedFrom = TestIndex.Day(10), ChangedTo = TestIndex.Day(25) },
        ["users and created range"] = new(memory) { CreatedBy = "kim", ChangedBy = "lee", CreatedFrom = TestIndex.Day(2), CreatedTo = TestIndex.Day(28) },
        ["one field value"] = new(memory) { Fields = [new("domain", "war")] },
        ["one field, name in another case"] = new(memory) { Fields = [new("Journal", "군사사연구")] },
        ["one field, either of two values"] = new(memory) { Fields = [new("domain", "war"), new("domain", "diplomacy")] },
        ["two fields"] = new(memory) { Fields = [new("domain", "armistice"), new("journal", "한국사연구")] },
        ["a field value no pair holds"] = new(memory) { Fields = [new("domain", "peace")] },
        ["a field and an origin"] = new(memory) { Origin = "a.tmx", Fields = [new("domain", "armistice")] },
        ["every condition"] = new(memory)
        {
            Origin = "c.xliff", ImportId = 3, CreatedBy = "park", ChangedBy = "park",
            CreatedFrom = TestIndex.Day(0), CreatedTo = TestIndex.Day(29), ChangedFrom = TestIndex.Day(1), ChangedTo = TestIndex.Day(28),
        },
    };

    private static IndexedSegment RandomSegment(Random random, long id, long memory) => TestIndex.Segment(
        id,
        korean: "휴전",
        english: "armistice",
        memory: memory,
        origin: Origins[random.Next(Origins.Length)],
        import: random.Next(4),
        createdDay: random.Next(30),
        changedDay: random.Next(30),
        createdBy: Users[random.Next(Users.Length)],
        changedBy: Users[random.Next(Users.Length)]) with
    {
        Fields = RandomFields(random),
    };

    // None, one or several values: a domain or two (a multi-valued picklist) and maybe a journal.
    private static KeyValuePair<string, string>[] RandomFields(Random random)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (string domain in Domains)
        {
            if (random.Next(3) == 0)
            {
                fields.Add(new("domain", domain));
            }
        }

        if (random.Next(2) == 0)
        {
            fields.Add(new("journal", Journals[random.Next(Journals.Length)]));
        }

        return [.. fields];
    }

    private static bool Passes(IndexedSegment s, SegmentFilter f) =>
        s.MemoryId == f.MemoryId
        && (f.Origin is null || s.Origin == f.Origin)
        && (f.ImportId is null || s.ImportId == f.ImportId)
        && (f.CreatedBy is null || s.CreatedBy == f.CreatedBy)
        && (f.ChangedBy is null || s.ChangedBy == f.ChangedBy)
        && (f.CreatedFrom is null || s.Created >= f.CreatedFrom)
        && (f.CreatedTo is null || s.Created <= f.CreatedTo)
        && (f.ChangedFrom is null || s.Changed >= f.ChangedFrom)
        && (f.ChangedTo is null || s.Changed <= f.ChangedTo)
        && f.Fields.GroupBy(c => c.Key, StringComparer.OrdinalIgnoreCase).All(field =>
            field.Any(c => s.Fields.Any(v => string.Equals(v.Key, c.Key, StringComparison.OrdinalIgnoreCase) && v.Value == c.Value)));

    private void AssertMatches(SegmentFilter filter)
    {
        long[] expected = _model.Values.Where(s => Passes(s, filter)).Select(s => s.Id).Order().ToArray();
        SegmentIdSet actual = _index.Index.MatchingIds(filter);
        Assert.True(expected.SequenceEqual(actual), $"{filter}: expected {expected.Length} ids, got {actual.Count}");
        Assert.Equal(expected.Length, actual.Count);
        var members = expected.ToHashSet();
        Assert.All(_model.Keys, id => Assert.Equal(members.Contains(id), actual.Contains(id)));
    }

    /// <summary>
    /// One index for every test (they only read it), and a model of what it holds: memories 1 and 2 interleaved in one
    /// large (parallel) upsert, memory 3 alone in another, smaller batches between refreshes, then replacements (new
    /// fields or another memory) and deletions spread over the older Lucene segments.
    /// </summary>
    public sealed class Memories : IDisposable
    {
        public Memories()
        {
            var random = new Random(1953);
            Write(Enumerable.Range(1, 1_500).Select(i => RandomSegment(random, i, memory: random.Next(3) == 0 ? 2 : 1)));
            Write(Enumerable.Range(1_501, 300).Select(i => RandomSegment(random, i, memory: 3)));
            for (int batch = 0; batch < 4; batch++)
            {
                Write(Enumerable.Range(1_801 + (batch * 50), 50).Select(i => RandomSegment(random, i, memory: 1)));
            }

            Write(Enumerable.Range(0, 200).Select(_ => RandomSegment(random, random.Next(1, 2_000), memory: random.Next(4) == 0 ? 2 : 1)));
            long[] deleted = Enumerable.Range(0, 150).Select(_ => (long)random.Next(1, 2_000)).Distinct().ToArray();
            Index.Index.Delete(deleted);
            Index.Index.Refresh();
            foreach (long id in deleted)
            {
                Model.Remove(id);
            }
        }

        internal TestIndex Index { get; } = new();

        internal Dictionary<long, IndexedSegment> Model { get; } = [];

        public void Dispose() => Index.Dispose();

        private void Write(IEnumerable<IndexedSegment> segments)
        {
            IndexedSegment[] batch = segments.ToArray();
            Index.Add(batch);
            foreach (IndexedSegment segment in batch)
            {
                Model[segment.Id] = segment;
            }
        }
    }
}
