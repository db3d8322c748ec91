using TM.Matching;

namespace TM.Matching.Tests;

public class FuzzyIndexTests
{
    private const string Seed = "1951년 5월 말 제5차 전역 직후 북중연합군이 전면적인 패배 위험에 처하게 되자, 마오쩌둥은 협상을 통해 전쟁을 끝낼 것을 결정하였다.";
    private static readonly MatchOptions Default = new();

    [Fact]
    public void Lookup_returns_best_match_first()
    {
        var index = new FuzzyIndex();
        index.Add(1, "마오쩌둥은 협상을 통해 전쟁을 끝낼 것을 결정하였다.");
        index.Add(2, Seed);
        index.Add(3, Seed.Replace("5월", "4월").Replace("전쟁을", "전투를"));

        // Segment 1 is the second half of the seed: 23 of 54 units, 42.6.
        IReadOnlyList<FuzzyHit> hits = index.Search(Seed.Replace("5월", "6월"), Default with { MinScore = 40 });

        Assert.Equal([2, 3, 1], hits.Select(h => h.Id));
        Assert.True(hits[0].Score > 90 && hits[0].Score < 100);
        Assert.True(hits[0].Score > hits[1].Score && hits[1].Score > hits[2].Score);
    }

    [Fact]
    public void Exact_match_scores_100_and_formatting_difference_99()
    {
        var index = new FuzzyIndex();
        index.Add(7, "The Korean War ended in 1953.");
        index.Add(8, "the Korean war ended in 1953");
        IReadOnlyList<FuzzyHit> hits = index.Search("The  Korean War ended in 1953.", Default);
        Assert.Equal([new FuzzyHit(7, 100), new FuzzyHit(8, 99)], hits);
    }

    [Fact]
    public void Equal_scores_are_ordered_by_lower_id()
    {
        var index = new FuzzyIndex();
        index.Add(30, "Stalin agreed to the talks");
        index.Add(10, "Stalin agreed to the talks");
        index.Add(20, "Stalin agreed to the talks");
        Assert.Equal([10, 20], index.Search("Stalin agreed to the talks", Default with { MaxResults = 2 }).Select(h => h.Id));
    }

    [Fact]
    public void MinScore_is_respected()
    {
        var index = new FuzzyIndex();
        index.Add(1, "a b c d e f g h i j");   // 10 words, query shares 9: 90
        index.Add(2, "a b c d e f g h x y");   // shares 8: 80
        index.Add(3, "a b c d e q r s x y");   // shares 5: 50
        string query = "a b c d e f g h i z";

        Assert.Equal([1, 2, 3], index.Search(query, Default with { MinScore = 50 }).Select(h => h.Id));
        Assert.Equal([1, 2], index.Search(query, Default with { MinScore = 80 }).Select(h => h.Id));
        Assert.Equal([1], index.Search(query, Default with { MinScore = 80.01 }).Select(h => h.Id));
        Assert.Empty(index.Search(query, Default with { MinScore = 95 }));
    }

    [Fact]
    public void MaxResults_is_respected()
    {
        var index = new FuzzyIndex();
        for (int i = 0; i < 20; i++)
        {
            index.Add(i, $"휴전회담은 군사분계선 획정 문제로 교착 상태에 빠졌다 {i}");
        }

        IReadOnlyList<FuzzyHit> hits = index.Search("휴전회담은 군사분계선 획정 문제로 교착 상태에 빠졌다 7", Default with { MaxResults = 3 });
        Assert.Equal(3, hits.Count);
        Assert.Equal(new FuzzyHit(7, 100), hits[0]);
        Assert.Equal([0, 1], hits.Skip(1).Select(h => h.Id));
    }

    [Fact]
    public void Remove_takes_a_segment_out_of_the_results()
    {
        var index = new FuzzyIndex();
        index.Add(1, "Kim accepted these suggestions");
        index.Add(2, "Kim rejected these suggestions");
        Assert.True(index.Remove(1));
        Assert.False(index.Remove(1));
        Assert.Equal(1, index.Count);
        Assert.Equal([2], index.Search("Kim accepted these suggestions", Default).Select(h => h.Id));
    }

    [Fact]
    public void Add_with_an_existing_id_replaces_the_segment()
    {
        var index = new FuzzyIndex();
        index.Add(1, "Kim accepted these suggestions");
        index.Add(1, "전쟁을 끝낼 것을 결정하였다");
        Assert.Equal(1, index.Count);
        Assert.Empty(index.Search("Kim accepted these suggestions", Default));
        Assert.Equal(100, Assert.Single(index.Search("전쟁을 끝낼 것을 결정하였다", Default)).Score);
    }

    [Fact]
    public void Many_removals_compact_the_index_without_changing_answers()
    {
        var index = new FuzzyIndex();
        for (int i = 0; i < 3000; i++)
        {
            index.Add(i, $"segment number {i} about the armistice talks of {1950 + (i % 4)}");
        }

        for (int i = 0; i < 3000; i++)
        {
            if (i % 10 != 3)
            {
                index.Remove(i);
            }
        }

        Assert.Equal(300, index.Count);
        IReadOnlyList<FuzzyHit> hits = index.Search("segment number 1233 about the armistice talks of 1951", Default with { MaxResults = 2 });
        Assert.Equal(new FuzzyHit(1233, 100), hits[0]);
        Assert.Equal(13, hits[1].Id); // same year (1951), one unit off; 3 differs in the year too
    }

    [Fact]
    public async Task AddRange_is_atomic_for_concurrent_searches()
    {
        var index = new FuzzyIndex();
        const int BatchSize = 200;
        var batches = Enumerable.Range(0, 20)
            .Select(b => Enumerable.Range(0, BatchSize).Select(i => new KeyValuePair<int, string>((b * BatchSize) + i, $"공통 문장 {i}")).ToList())
            .ToList();
        var options = new MatchOptions { MaxResults = MatchOptions.MaxResultsLimit, MinScore = 0 };
        using var done = new CancellationTokenSource();
        var seen = new List<int>();
        Task reader = Task.Run(() =>
        {
            while (!done.IsCancellationRequested)
            {
                int count = index.Search("공통 문장", options).Count;
                lock (seen)
                {
                    seen.Add(count);
                }
            }
        });

        foreach (var batch in batches.Take(5))
        {
            index.AddRange(batch);
        }

        await done.CancelAsync();
        await reader;
        Assert.All(seen, count => Assert.Equal(0, count % BatchSize));
        Assert.Equal(5 * BatchSize, index.Count);
    }

    [Fact]
    public async Task AddRange_is_atomic_for_concurrent_searches_when_it_loads_an_empty_index()
    {
        // More than one block of 256: the first AddRange takes the path that adds while it analyzes, the next ones
        // analyze first and then add.
        var index = new FuzzyIndex();
        const int BatchSize = 700;
        var options = new MatchOptions { MaxResults = MatchOptions.MaxResultsLimit, MinScore = 0 };
        using var done = new CancellationTokenSource();
        var seen = new List<int>();
        Task reader = Task.Run(() =>
        {
            while (!done.IsCancellationRequested)
            {
                int count = index.Search("같은 문장", options).Count;
                lock (seen)
                {
                    seen.Add(count);
                }
            }
        });

        for (int b = 0; b < 3; b++)
        {
            index.AddRange(Enumerable.Range(b * BatchSize, BatchSize).Select(id => new KeyValuePair<int, string>(id, $"같은 문장 {id}")).ToList());
        }

        await done.CancelAsync();
        await reader;
        // The limit is 1,000 hits, so after the second batch a search sees 1,000.
        Assert.All(seen, count => Assert.Contains(count, new[] { 0, BatchSize, MatchOptions.MaxResultsLimit }));
        Assert.Equal(3 * BatchSize, index.Count);
    }

    [Fact]
    public void AddRange_on_an_empty_index_keeps_the_last_text_of_a_repeated_id()
    {
        var index = new FuzzyIndex();
        var items = Enumerable.Range(0, 1000).Select(i => new KeyValuePair<int, string>(i % 400, $"문장 번호 {i}")).ToList();
        index.AddRange(items);
        var exact = new MatchOptions { MinScore = 100, MaxResults = 5 };
        Assert.Equal(400, index.Count);
        Assert.Equal([new FuzzyHit(5, 100)], index.Search("문장 번호 805", exact));
        Assert.Empty(index.Search("문장 번호 5", exact));
        Assert.Empty(index.Search("문장 번호 405", exact));
    }

    [Fact]
    public void AddRange_with_a_null_text_adds_nothing()
    {
        var index = new FuzzyIndex();
        var items = new List<KeyValuePair<int, string>> { new(1, "one"), new(2, null!) };
        Assert.Throws<ArgumentNullException>(() => index.AddRange(items));
        Assert.Equal(0, index.Count);
        // Also when the batch is large enough to be analyzed while it is added.
        var many = Enumerable.Range(0, 600).Select(i => new KeyValuePair<int, string>(i, i == 599 ? null! : $"text {i}")).ToList();
        Assert.Throws<ArgumentNullException>(() => index.AddRange(many));
        Assert.Equal(0, index.Count);
    }

    [Fact]
    public void A_query_without_units_is_rejected_with_a_clear_message()
    {
        var index = new FuzzyIndex();
        index.Add(1, "text");
        var error = Assert.Throws<ArgumentException>(() => index.Search(" ... !? ", Default));
        Assert.Equal("query", error.ParamName);
        Assert.Contains("only punctuation or whitespace", error.Message);
    }

    [Theory]
    [InlineData(" ... !? ", false)]
    [InlineData("—", false)]
    [InlineData("text", true)]
    [InlineData("전쟁", true)]
    [InlineData("1.", true)]
    [InlineData("unknown words too", true)]
    public void Whether_a_query_has_something_to_match_is_what_Search_accepts(string query, bool expected)
    {
        var index = new FuzzyIndex();
        index.Add(1, "text");

        Assert.Equal(expected, index.HasSomethingToMatch(query));
        if (expected)
            index.Search(query, Default);
        else
            Assert.Throws<ArgumentException>(() => index.Search(query, Default));
    }

    [Fact]
    public void Options_out_of_range_are_rejected()
    {
        var index = new FuzzyIndex();
        Assert.Throws<ArgumentOutOfRangeException>(() => index.Search("a", Default with { MaxResults = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => index.Search("a", Default with { MinScore = 101 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => index.Search("a", Default with { MinScore = double.NaN }));
        Assert.Throws<ArgumentNullException>(() => index.Search(null!, Default));
        Assert.Throws<ArgumentNullException>(() => index.Search("a", null!));
    }

    [Fact]
    public void Searching_an_empty_index_finds_nothing()
    {
        Assert.Empty(new FuzzyIndex().Search("전쟁", Default));
    }

    [Fact]
    public void Unknown_query_words_match_nothing_but_still_count_as_units()
    {
        var index = new FuzzyIndex();
        index.Add(1, "Stalin agreed to the talks");
        // "reluctantly" is in no segment: it is an edit like any other word (5 of 6 shared).
        Assert.Equal(100.0 * 5 / 6, Assert.Single(index.Search("Stalin reluctantly agreed to the talks", Default)).Score, precision: 10);
    }

    [Fact]
    public void Minimum_score_zero_returns_segments_that_share_nothing_lowest_id_first()
    {
        var index = new FuzzyIndex();
        index.Add(5, "전혀 다른 문장");
        index.Add(2, "...");
        index.Add(9, "war");
        index.Add(1, "전쟁");
        var hits = index.Search("war", new MatchOptions { MinScore = 0, MaxResults = 3 });
        Assert.Equal([new FuzzyHit(9, 100), new FuzzyHit(1, 0), new FuzzyHit(2, 0)], hits);
    }

    [Fact]
    public void A_search_allocates_only_its_result()
    {
        var index = new FuzzyIndex();
        for (int i = 0; i < 1000; i++)
        {
            index.Add(i, $"{i}번 문장: 휴전회담은 군사분계선 획정과 외국군 철군 문제로 교착 상태에 빠졌다.");
        }

        const string query = "777번 문장: 휴전회담은 군사분계선 획정 문제로 교착 상태에 빠졌다.";
        var options = new MatchOptions { MaxResults = 3, MinScore = 50 };
        index.Search(query, options); // warm up: the thread's buffers, JIT

        long before = GC.GetAllocatedBytesForCurrentThread();
        IReadOnlyList<FuzzyHit> hits = index.Search(query, options);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(777, hits[0].Id);
        // The result array: 3 hits of 16 bytes plus the array header.
        Assert.InRange(allocated, 1, 128);
    }

    [Fact]
    public void Concurrent_searches_and_writes_do_not_interfere()
    {
        var index = new FuzzyIndex();
        for (int i = 0; i < 500; i++)
        {
            index.Add(i, $"고정된 문장 {i} 입니다");
        }

        var scorer = new FuzzyScorer();
        Parallel.For(0, 8, worker =>
        {
            for (int i = 0; i < 200; i++)
            {
                if (worker == 0)
                {
                    index.Add(1000 + i, $"새로 추가된 다른 segment {i}");
                    index.Remove(1000 + i - 1);
                }
                else
                {
                    string query = $"고정된 문장 {(worker * 37) + i} 입니다";
                    var hit = index.Search(query, new MatchOptions { MaxResults = 1 })[0];
                    Assert.Equal(100, hit.Score);
                    Assert.Equal(scorer.Score(query, $"고정된 문장 {hit.Id} 입니다"), hit.Score);
                }
            }
        });
    }

    [Fact]
    public void A_query_word_in_a_form_no_segment_has_finds_its_other_forms_at_a_variant_cost()
    {
        var index = new FuzzyIndex();
        index.Add(1, "The armistice agreement was signed");
        index.Add(2, "The armistice talks were signed");

        // "agreements" is in no segment: its family (agreement) still counts as shared, and costs half a word of five.
        IReadOnlyList<FuzzyHit> hits = index.Search("The armistice agreements was signed", Default);

        Assert.Equal([1, 2], hits.Select(h => h.Id));
        Assert.Equal(90, hits[0].Score, 2);
        Assert.Equal(new FuzzyScorer().Score("The armistice agreements was signed", "The armistice agreement was signed"), hits[0].Score);
        Assert.Equal(hits[0].Score, index.SearchExhaustive("The armistice agreements was signed", Default)[0].Score);
    }

    [Fact]
    public void A_differing_number_costs_a_quarter_of_a_unit_and_a_missing_one_a_whole_unit()
    {
        var index = new FuzzyIndex();
        index.Add(1, "1951년 5월 말");
        index.Add(2, "1951년 말");

        IReadOnlyList<FuzzyHit> hits = index.Search("1951년 6월 말", Default);

        // 6 for 5 of 5 units: 1 − 0.25/5 = 95; 6월 missing of 5 units: 1 − 2/5 = 60.
        Assert.Equal([1, 2], hits.Select(h => h.Id));
        Assert.Equal(95, hits[0].Score, 2);
        Assert.Equal(60, hits[1].Score, 2);
    }
}
