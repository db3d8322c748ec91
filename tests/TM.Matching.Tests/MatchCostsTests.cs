using TM.Matching;

namespace TM.Matching.Tests;

public class MatchCostsTests
{
    [Theory]
    [InlineData(0, 10, true, 100)]
    [InlineData(0, 10, false, 99)]
    [InlineData(0, 0, false, 99)]
    [InlineData(1, 10, true, 90)]
    [InlineData(1, 100, true, 98)]
    [InlineData(5, 10, true, 50)]
    [InlineData(10, 10, true, 0)]
    public void Score_follows_the_documented_tiers(int distance, int maxUnits, bool sameText, double expected)
    {
        Assert.Equal(expected, MatchCosts.Default.Score(distance, maxUnits, sameText), precision: 10);
    }

    [Fact]
    public void MaxDistance_is_the_largest_distance_that_still_reaches_the_score()
    {
        var costs = MatchCosts.Default;
        foreach (double minScore in new[] { 0, 1, 30, 33.333333333333336, 50, 66.66666666666667, 70, 90, 98, 98.5, 99, 100 })
        {
            for (int units = 0; units <= 150; units++)
            {
                int max = costs.MaxDistance(units, minScore);
                Assert.True(costs.Score(max, units, sameText: true) >= minScore);
                Assert.True(max == units || costs.Score(max + 1, units, sameText: true) < minScore, $"{units} units at {minScore}: {max + 1} also reaches it");
            }
        }
    }

    [Fact]
    public void Invalid_costs_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new MatchCosts(formattingOnlyScore: 100));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MatchCosts(formattingOnlyScore: 90, maxEditedScore: 95));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MatchCosts(maxEditedScore: double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => MatchCosts.Default.Score(11, 10, true));
    }
}
