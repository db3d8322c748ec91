using TM.Analysis;

namespace TM.Analysis.Tests;

public class TextNormalizerTests
{
    [Theory]
    [InlineData("“quoted” and ‘single’ «guillemets» 「corner」 『double』", "\"quoted\" and 'single' \"guillemets\" \"corner\" \"double\"")]
    [InlineData("Kim’s `war´", "Kim's 'war'")]
    [InlineData("1950–1953 — war ‒ − ―", "1950-1953 - war - - -")]
    [InlineData("  two   spaces\t\ttabs\r\nlines\u3000ideographic\u00A0nbsp  ", "two spaces tabs lines ideographic nbsp")]
    [InlineData("ＡＢＣ　１２３！", "ABC 123!")]
    [InlineData("￦1,000", "\u20A91,000")]
    [InlineData("wait…", "wait...")]
    [InlineData("ﬁnal ﬂow", "final flow")]
    [InlineData("\uFEFFzero\u200Bwidth\u00ADsoft", "zerowidthsoft")]
    [InlineData("Chos\u006F\u0306n Kory\u006F\u0306", "Chos\u014Fn Kory\u014F")]
    [InlineData("\u1112\u1161\u11AB\u1100\u116E\u11A8", "한국")]
    [InlineData("가\u11A8", "각")]
    [InlineData("남・북", "남·북")]
    [InlineData("Seoul", "Seoul")]
    public void Normalize_removes_what_a_translator_does_not_care_about(string text, string expected)
    {
        Assert.Equal(expected, TextNormalizer.Normalize(text));
    }

    [Fact]
    public void Case_is_kept()
    {
        Assert.NotEqual(TextNormalizer.Normalize("Seoul"), TextNormalizer.Normalize("seoul"));
    }

    [Fact]
    public void An_already_normalized_text_is_returned_as_is()
    {
        string text = "마오쩌둥은 협상을 통해 전쟁을 끝낼 것을 결정하였다.";
        Assert.Same(text, TextNormalizer.Normalize(text));
    }

    [Fact]
    public void The_span_overload_rejects_a_small_destination()
    {
        char[] small = new char[5];
        Assert.Throws<ArgumentException>(() => TextNormalizer.Normalize("abc", small));
    }

    [Fact]
    public void Long_text_is_normalized_through_a_pooled_buffer()
    {
        string text = string.Concat(Enumerable.Repeat("“전쟁”  ", 500));
        string expected = string.Join(" ", Enumerable.Repeat("\"전쟁\"", 500));
        Assert.Equal(expected, TextNormalizer.Normalize(text));
    }
}
