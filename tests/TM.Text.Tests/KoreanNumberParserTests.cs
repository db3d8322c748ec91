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
    [InlineData("17만 25명", 170_000, 3)]
    [InlineData("3만 1950년", 30_000, 2)]
    [InlineData("3.5", 3.5, 3)]
    [InlineData("1,2345", 1, 1)]
    public void Parses_digits_with_Korean_units(string text, double expected, int consumed)
    {
        Assert.True(KoreanNumberParser.TryParse(text, out var value, out var length));
        Assert.Equal((decimal)expected, value);
        Assert.Equal(consumed, length);
    }

    // Issue 15: a big unit followed by its lower places in digits is one number. "7만 5,823" used to read as 70,000
    // and leave 5,823 as a number of its own, so the anchor never met the English "75,823".
    [Theory]
    [InlineData("7만 5,823명", 75_823, 8)]
    [InlineData("1만 2,773명", 12_773, 8)]
    [InlineData("2만 2천 명", 22_000, 5)]
    [InlineData("4만 1,000여 명", 41_000, 8)]
    [InlineData("1만 2773명", 12_773, 7)]
    [InlineData("7만 500명", 70_500, 6)]
    [InlineData("3억 5,000만 달러", 350_000_000, 9)]
    [InlineData("1억 2천만 5,000명", 120_005_000, 12)]
    [InlineData("12만 3,456.", 123_456, 9)]
    public void Big_unit_followed_by_its_lower_places_in_digits_is_one_number(string text, double expected, int consumed)
    {
        Assert.True(KoreanNumberParser.TryParse(text, out var value, out var length));
        Assert.Equal((decimal)expected, value);
        Assert.Equal(consumed, length);
    }

    // Digits that cannot be the lower places (too large, a decimal, a year) leave the number at its unit.
    [Theory]
    [InlineData("7만 12,000명", 70_000, 2)]
    [InlineData("7만 5.5", 70_000, 2)]
    [InlineData("2만 1953년", 20_000, 2)]
    public void Digits_that_cannot_be_lower_places_end_the_number_at_its_unit(string text, double expected, int consumed)
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
