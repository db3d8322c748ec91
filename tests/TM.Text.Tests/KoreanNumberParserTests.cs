using TM.Text;

namespace TM.Text.Tests;

public sealed class KoreanNumberParserTests
{
    // text | value | characters consumed
    [Theory]
    [InlineData("17만 명", 170_000, 3)]
    [InlineData("2만 7천 명", 27_000, 5)]
    [InlineData("3천", 3_000, 2)]
    [InlineData("1억", 100_000_000, 2)]
    [InlineData("1억 2천만 달러", 120_000_000, 6)]
    [InlineData("5백만", 5_000_000, 3)]
    [InlineData("1,000만", 10_000_000, 6)]
    [InlineData("3.5만", 35_000, 4)]
    [InlineData("170,000명", 170_000, 7)]
    [InlineData("1951년", 1951, 4)]
    [InlineData("17만 5", 170_000, 3)]
    [InlineData("3.5", 3.5, 3)]
    [InlineData("1,2345", 1, 1)]
    public void Parses_digits_with_Korean_units(string text, double expected, int consumed)
    {
        Assert.True(KoreanNumberParser.TryParse(text, out var value, out var length));
        Assert.Equal((decimal)expected, value);
        Assert.Equal(consumed, length);
    }

    [Theory]
    [InlineData("")]
    [InlineData("만 명")]
    [InlineData("열일곱")]
    public void Text_without_leading_digits_is_not_a_number(string text)
    {
        Assert.False(KoreanNumberParser.TryParse(text, out _, out _));
    }
}
