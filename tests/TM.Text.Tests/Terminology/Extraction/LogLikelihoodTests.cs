using TM.Text.Terminology;
using TM.Text.Terminology.Extraction;

namespace TM.Text.Tests.Terminology.Extraction;

public sealed class LogLikelihoodTests
{
    [Fact]
    public void Log_likelihood_ratio_matches_the_definition_on_a_known_table()
    {
        // 20 pairs: 5 hold the Korean phrase, 4 the English one, 3 both. Expected counts under independence:
        // both 5·4/20 = 1, Korean only 5·16/20 = 4, English only 15·4/20 = 3, neither 15·16/20 = 12.
        var expected = 2 * ((3 * Math.Log(3 / 1.0)) + (2 * Math.Log(2 / 4.0)) + (1 * Math.Log(1 / 3.0)) + (14 * Math.Log(14 / 12.0)));

        Assert.Equal(expected, LogLikelihood.Ratio(3, 5, 4, 20), 9);
    }

    [Fact]
    public void Perfect_association_of_half_the_pairs_scores_40_ln_2()
    {
        Assert.Equal(40 * Math.Log(2), LogLikelihood.Ratio(10, 10, 10, 20), 9);
    }

    [Fact]
    public void Two_phrases_seen_twice_and_always_together_score_twice_the_entropy()
    {
        // Every cell is either f or N - f: G² = 2 (N ln N - f ln f - (N - f) ln (N - f)).
        var expected = 2 * ((103 * Math.Log(103)) - (2 * Math.Log(2)) - (101 * Math.Log(101)));

        Assert.Equal(expected, LogLikelihood.Ratio(2, 2, 2, 103), 9);
    }

    [Theory]
    [InlineData(1, 10, 10, 100)]
    [InlineData(0, 5, 5, 50)]
    [InlineData(2, 4, 10, 20)]
    public void Chance_or_negative_association_scores_zero(long both, long korean, long english, long pairs)
    {
        Assert.Equal(0, LogLikelihood.Ratio(both, korean, english, pairs));
    }

    [Theory]
    [InlineData(3, 2, 4, 20)]
    [InlineData(1, 15, 15, 20)]
    [InlineData(-1, 2, 2, 20)]
    public void A_table_that_cannot_exist_is_refused(long both, long korean, long english, long pairs)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LogLikelihood.Ratio(both, korean, english, pairs));
    }

    [Fact]
    public void Counts_of_a_forgetful_table_are_clamped_to_a_table()
    {
        // A phrase forgotten once and counted again: 5 pairs with both, but only 3 counted for the Korean phrase.
        Assert.Equal(LogLikelihood.Ratio(5, 5, 6, 40), LogLikelihood.RatioOfPrunedCounts(5, 3, 6, 40));
    }
}
