using TM.Search;

namespace TM.Search.Tests;

/// <summary>Highlight spans, by the rules the index matches with.</summary>
public class ConcordanceSpansTests
{
    [Theory]
    [InlineData("한국전쟁과 전쟁의 기원", "전쟁", "2:2 6:2")]
    [InlineData("1951년 7월", "1951", "0:4")]
    [InlineData("UN군과 un의 Un", "un", "0:2 5:2 9:2")]
    [InlineData("휴전회담(休戰會談)", "休戰", "5:2")]
    [InlineData("하하하하", "하하", "0:2 2:2")]        // non-overlapping, left to right
    [InlineData("휴전  회담", "휴전 회담", "")]          // two spaces are not one
    [InlineData("휴전\t회담", "휴전 회담", "0:5")]       // any whitespace character is a whitespace character
    [InlineData("휴전 회담", "  휴전 회담* ", "0:5")]   // the term as typed: trimmed, a trailing star dropped
    [InlineData("𠀀가𠀀", "𠀀", "0:2 3:2")]
    [InlineData("휴전", "", "")]
    public void Korean_spans_are_the_occurrences_of_the_term(string text, string term, string expected) =>
        Assert.Equal(expected, Describe(ConcordanceSpans.Find(text, term, ConcordanceSides.Korean, englishWordForms: false)));

    [Theory]
    [InlineData("The Armistice, and armistices.", "armistice", false, "4:9")]
    [InlineData("The Armistice, and armistices.", "armistice", true, "4:9 19:10")]
    [InlineData("The Armistice, and armistices.", "armistic*", false, "4:9 19:10")]
    [InlineData("Armistice negotiations and negotiation", "armistice negotiations", false, "0:22")]
    [InlineData("Armistice negotiations and negotiation", "armistice negotiation", true, "0:22")]
    [InlineData("truce talks, truce talk", "truce tal*", false, "0:11 13:10")]
    [InlineData("China's leaders and China", "china", false, "20:5")]
    [InlineData("China's leaders and China", "china", true, "0:7 20:5")]
    [InlineData("the war of the", "the", false, "0:3 11:3")]
    [InlineData("the war", "...", false, "")]
    public void English_spans_run_from_the_first_matching_word_to_the_last(string text, string term, bool wordForms, string expected) =>
        Assert.Equal(expected, Describe(ConcordanceSpans.Find(text, term, ConcordanceSides.English, wordForms)));

    [Fact]
    public void Spans_are_on_one_side_only()
    {
        Assert.Throws<ArgumentException>(() => ConcordanceSpans.Find("휴전", "휴전", ConcordanceSides.Both, englishWordForms: false));
    }

    private static string Describe(IReadOnlyList<TextSpan> spans) => string.Join(" ", spans.Select(s => $"{s.Start}:{s.Length}"));
}
