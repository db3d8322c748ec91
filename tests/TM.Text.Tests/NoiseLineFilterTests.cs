using TM.Text;

namespace TM.Text.Tests;

public sealed class NoiseLineFilterTests
{
    [Theory]
    [InlineData("초록 열기/닫기 버튼")]
    [InlineData("Abstract")]
    [InlineData("ABSTRACT:")]
    [InlineData("국문초록")]
    [InlineData("국문 초록")]
    [InlineData("초록")]
    [InlineData("요약")]
    [InlineData("Summary")]
    [InlineData("English Abstract")]
    [InlineData("  Ⅰ. 요약  ")]
    [InlineData("서론")]
    [InlineData("Introduction")]
    public void Labels_and_short_headings_are_noise(string line)
    {
        Assert.True(NoiseLineFilter.Default.IsNoise(line));
    }

    [Theory]
    [InlineData("전쟁은 끝났다.")]
    [InlineData("Peace.")]
    [InlineData("What now?")]
    [InlineData("스탈린의 죽음과 한국전쟁의 종결")]
    [InlineData("Stalin's Death and the End of the Korean War")]
    [InlineData("")]
    public void Sentences_and_titles_are_not_noise(string line)
    {
        Assert.False(NoiseLineFilter.Default.IsNoise(line));
    }

    [Fact]
    public void Custom_labels_are_matched_whatever_their_length()
    {
        var filter = new NoiseLineFilter(["Download the full text of this article now"]) { MaxHeadingWords = 0 };

        Assert.True(filter.IsNoise("download the  full text of this article now"));
        Assert.False(filter.IsNoise("Abstract"));
    }
}
