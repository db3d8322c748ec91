using System.Diagnostics;
using TM.Text.Terminology;
using Xunit.Abstractions;

namespace TM.Text.Tests.Terminology.Extraction;

public sealed class TermCandidateExtractorTests(ITestOutputHelper output)
{
    private static readonly ExtractionPair[] Memory =
    [
        new(11, "맥아더는 인천상륙작전을 지휘하였다.", "MacArthur directed the Incheon landing."),
        new(12, "인천상륙작전은 전세를 역전시켰다.", "The Incheon landing reversed the war."),
        new(13, "트루먼은 맥아더를 해임하였다.", "Truman relieved MacArthur."),
        new(14, "맥아더의 해임에 여론이 반발하였다.", "The dismissal of MacArthur angered the public."),
        new(15, "트루먼 대통령은 제한전을 고수하였다.", "President Truman held to a limited war."),
    ];

    [Fact]
    public void Extractor_proposes_recurring_terms_with_their_frequency_and_two_example_pairs()
    {
        var candidates = TermCandidateExtractor.Extract(Memory);

        var macArthur = Assert.Single(candidates, c => c.Korean == "맥아더");
        Assert.Equal("MacArthur", macArthur.English);
        Assert.Equal(3, macArthur.Frequency);
        Assert.Equal([11, 13], macArthur.ExamplePairIds);
        var landing = Assert.Single(candidates, c => c.Korean == "인천상륙작전");
        Assert.Equal("Incheon landing", landing.English);
        Assert.Equal(2, landing.Frequency);
        Assert.Contains(candidates, c => c.Korean == "트루먼" && c.English == "Truman");
        Assert.Equal(candidates.OrderByDescending(c => c.Score).Select(c => c.Score), candidates.Select(c => c.Score));
    }

    [Fact]
    public void A_term_seen_in_fewer_pairs_than_the_minimum_is_not_proposed()
    {
        var candidates = TermCandidateExtractor.Extract(Memory, new TermExtractionOptions { MinFrequency = 3 });

        Assert.Equal(["맥아더"], candidates.Select(c => c.Korean));
    }

    [Fact]
    public void No_more_candidates_than_asked_for_are_returned()
    {
        Assert.Single(TermCandidateExtractor.Extract(Memory, new TermExtractionOptions { MaxCandidates = 1 }));
    }

    [Fact]
    public void An_empty_memory_or_one_without_recurring_phrases_proposes_nothing()
    {
        Assert.Empty(TermCandidateExtractor.Extract([]));
        Assert.Empty(TermCandidateExtractor.Extract([new ExtractionPair(1, "포로 송환", "repatriation"), new ExtractionPair(2, "", "")]));
    }

    [Fact]
    public void A_pair_without_text_is_refused_with_its_position_and_id()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            TermCandidateExtractor.Extract([Memory[0], new ExtractionPair(42, "포로", null!)]));

        Assert.Contains("Pair 1 (id 42) has no English text", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(nameof(TermExtractionOptions.MaxCandidates))]
    [InlineData(nameof(TermExtractionOptions.MinFrequency))]
    [InlineData(nameof(TermExtractionOptions.MaxKoreanWords))]
    [InlineData(nameof(TermExtractionOptions.MaxEnglishWords))]
    [InlineData(nameof(TermExtractionOptions.MaxCandidatesPerSide))]
    [InlineData(nameof(TermExtractionOptions.MaxTableEntries))]
    public void An_out_of_range_option_is_refused_by_name(string option)
    {
        var options = option switch
        {
            nameof(TermExtractionOptions.MaxCandidates) => new TermExtractionOptions { MaxCandidates = 0 },
            nameof(TermExtractionOptions.MinFrequency) => new TermExtractionOptions { MinFrequency = 0 },
            nameof(TermExtractionOptions.MaxKoreanWords) => new TermExtractionOptions { MaxKoreanWords = 9 },
            nameof(TermExtractionOptions.MaxEnglishWords) => new TermExtractionOptions { MaxEnglishWords = 0 },
            nameof(TermExtractionOptions.MaxCandidatesPerSide) => new TermExtractionOptions { MaxCandidatesPerSide = 0 },
            _ => new TermExtractionOptions { MaxTableEntries = 10 },
        };

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => TermCandidateExtractor.Extract(Memory, options));

        Assert.Equal(option, error.ParamName);
    }

    [Fact]
    public void The_same_memory_gives_the_same_candidates()
    {
        var memory = SyntheticMemory.Create(pairCount: 500, termCount: 60, seed: 3);

        Assert.Equal(TermCandidateExtractor.Extract(memory.Pairs).Select(Describe), TermCandidateExtractor.Extract(memory.Pairs).Select(Describe));
    }

    [Theory]
    [InlineData(5_000, 2_000_000)]
    [InlineData(5_000, 5_000)]
    public void A_memory_of_thousands_of_pairs_yields_at_most_MaxCandidates_and_finds_its_terms(int pairs, int maxTableEntries)
    {
        var memory = SyntheticMemory.Create(pairs, termCount: 300, seed: 7);
        var options = new TermExtractionOptions { MaxTableEntries = maxTableEntries };

        var clock = Stopwatch.StartNew();
        var candidates = TermCandidateExtractor.Extract(memory.Pairs, options);
        clock.Stop();

        var correct = candidates.Count(c => memory.Terms.TryGetValue(c.Korean, out var english) && english == c.English);
        output.WriteLine($"{pairs} pairs, tables of at most {maxTableEntries} entries: {candidates.Count} candidates, {correct} correct, {clock.ElapsedMilliseconds} ms");
        Assert.InRange(candidates.Count, 1, options.MaxCandidates);
        Assert.True(correct >= candidates.Count * 9 / 10, $"only {correct} of {candidates.Count} candidates are invented terms");
    }

    private static string Describe(TermCandidate c) => $"{c.Korean}={c.English} {c.Frequency} {c.Score} {string.Join(',', c.ExamplePairIds)}";
}
