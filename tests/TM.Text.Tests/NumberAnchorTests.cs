using TM.Text;

namespace TM.Text.Tests;

public sealed class NumberAnchorTests
{
    [Fact]
    public void Equal_values_have_equal_match_keys_whatever_their_decimal_places()
    {
        var english = Assert.Single(NumberAnchorExtractor.Extract("some 1.2 million refugees", Language.English));
        var korean = Assert.Single(NumberAnchorExtractor.Extract("약 120만 명의 피난민", Language.Korean));

        Assert.Equal(korean.MatchKey, english.MatchKey);
        Assert.Equal("n1200000", english.MatchKey);
        Assert.Equal("n2.8", new NumberAnchor(NumberAnchorKind.Cardinal, 2.80m).MatchKey);
    }
}
