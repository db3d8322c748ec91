using TM.Analysis;
using static TM.Analysis.Tests.TokenStreamAssert;

namespace TM.Analysis.Tests;

public class MatchAnalyzerTests
{
    [Fact]
    public void Korean_units_are_syllables_and_numbers()
    {
        Assert.Equal(
            "1951 년 5 월 말 제 5 차 전 역 직 후 마 오 쩌 둥 은",
            Units("1951년 5월 말 제5차 전역 직후, 마오쩌둥은"));
    }

    [Fact]
    public void English_units_are_lower_cased_words_without_punctuation()
    {
        Assert.Equal(
            "in the aftermath of the 5 th campaign the chinese people's volunteers",
            Units("In the aftermath of the 5th campaign, the Chinese People’s Volunteers..."));
    }

    [Fact]
    public void Mixed_text_keeps_every_script()
    {
        Assert.Equal("한 국 전 쟁 韓 國 戰 爭 korean war 1950", Units("한국전쟁(韓國戰爭, Korean War; 1950)"));
    }

    [Theory]
    [InlineData("17만", "17 만")]
    [InlineData("170,000", "170000")]
    [InlineData("170000", "170000")]
    [InlineData("１７０，０００", "170000")]
    [InlineData("1951년", "1951 년")]
    [InlineData("3.5", "3.5")]
    [InlineData("3.5%", "3.5 %")]
    [InlineData("٣٤", "34")]
    public void Numbers_are_normalized_units(string text, string expected)
    {
        Assert.Equal(expected, Units(text));
    }

    [Fact]
    public void Quote_styles_do_not_change_units()
    {
        Assert.Equal(Units("'제1차 5개년 계획'"), Units("‘제1차 5개년 계획’"));
        Assert.Equal("제 1 차 5 개 년 계 획", Units("「제1차 5개년 계획」"));
        Assert.Equal("kim's", Units("Kim’s"));
    }

    [Fact]
    public void Analyze_matches_the_token_stream()
    {
        const string text = "Ｔｈｅ  ‘38선’ 군사분계선 Line, 170,000 troops";
        var collected = new Collector();
        int count = MatchAnalyzer.Analyze(text, ref collected);
        Assert.Equal(Units(text), string.Join(" ", collected.Terms));
        Assert.Equal(count, collected.Terms.Count);
    }

    [Fact]
    public void A_consumer_may_analyze_from_inside_Add()
    {
        var outer = new NestingCollector();
        MatchAnalyzer.Analyze("가나 다", ref outer);
        Assert.Equal(["가:1", "나:1", "다:1"], outer.Terms);
    }

    [Fact]
    public void GetUnitIds_interns_when_indexing_and_maps_unknown_terms_when_querying()
    {
        var terms = new TermDictionary();
        int[] stored = MatchAnalyzer.GetUnitIds("전쟁 war War", terms, addNewTerms: true);
        Assert.Equal([0, 1, 2, 2], stored);
        int[] query = MatchAnalyzer.GetUnitIds("전투 war", terms, addNewTerms: false);
        Assert.Equal([0, TermDictionary.UnknownId, 2], query);
        Assert.Equal(3, terms.Count);
    }

    [Fact]
    public void Hangul_bigrams_overlap_within_a_run()
    {
        using var source = new ScriptTokenizer();
        const string text = "전쟁을 및 끝낼";
        source.SetInput(text.AsMemory());
        using TokenStream stream = new HangulNgramFilter(source, size: 2);
        var tokens = Consume(stream, text.Length);
        Assert.Equal("전쟁/Hangul 쟁을/Hangul 및/Hangul 끝낼/Hangul", Describe(tokens));
        Assert.Equal([(0, 2), (1, 3), (4, 5), (6, 8)], tokens.Select(t => (t.Start, t.End)));
    }

    [Fact]
    public void Analyzing_allocates_nothing_once_the_thread_has_its_chain()
    {
        const string text = "In the aftermath of the 5th campaign, 1951년 5월 말 제5차 전역 직후 “북중연합군이” ＴＨＥ 170,000 韓國 50%.";
        var counter = new UnitCounter();
        MatchAnalyzer.Analyze(text, ref counter); // warm up: the thread's chain, pooled buffers, JIT
        MatchAnalyzer.AnalyzeNormalized(text.AsMemory(), ref counter);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            MatchAnalyzer.Analyze(text, ref counter);
            MatchAnalyzer.AnalyzeNormalized(text.AsMemory(), ref counter);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(counter.Count > 100 * 2 * 25, $"{counter.Count} units");
    }

    private struct UnitCounter : IUnitConsumer
    {
        public int Count;

        public void Add(ReadOnlySpan<char> term, TokenKind kind) => Count++;
    }

    private struct Collector : IUnitConsumer
    {
        public Collector()
        {
        }

        public List<string> Terms { get; } = [];

        public readonly void Add(ReadOnlySpan<char> term, TokenKind kind) => Terms.Add(term.ToString());
    }

    private struct NestingCollector : IUnitConsumer
    {
        public NestingCollector()
        {
        }

        public List<string> Terms { get; } = [];

        public readonly void Add(ReadOnlySpan<char> term, TokenKind kind)
        {
            var inner = new Collector();
            int count = MatchAnalyzer.Analyze(term, ref inner);
            Terms.Add($"{term}:{count}");
        }
    }
}
