using TM.Text;
using TM.Text.Internal;

namespace TM.Text.Tests;

public sealed class LengthRatioModelTests
{
    [Theory]
    [InlineData("휴전회담(休戰會談)은 끝났다.", 8)]
    [InlineData("휴전회담(休戰會談, 北韓)은 끝났다.", 8)]
    [InlineData("The U.S. army, 170,000 men.", 18)]
    [InlineData("", 0)]
    public void Measure_counts_letters_and_digits_but_not_Hanja_glosses(string sentence, int expected)
    {
        Assert.Equal(expected, LengthRatioModel.Measure(sentence));
    }

    // The English gives a Latin gloss's letters one for one, so they count as Korean units at the default ratio (2.55
    // letters each), rounded: 9 letters of "Korean War" are 4 units, 18 of "Korean Service Corps" 7.
    [Theory]
    [InlineData("한국전쟁(Korean War)", 4 + 4)]
    [InlineData("한국노무단(Korean Service Corps)을 창설하였다.", 5 + 7 + 6)]
    [InlineData("알몬드(Edward M. Almond) 소장", 3 + 5 + 2)]
    public void Measure_counts_a_Latin_gloss_of_a_Hangul_word_at_the_ratio_the_English_gives_it(string sentence, int expected)
    {
        Assert.Equal(expected, LengthRatioModel.Measure(sentence));
    }

    [Theory]
    [InlineData("AP(Associated Press)", 2 + 15)]
    [InlineData("전쟁 (Korean War)", 2 + 9)]
    [InlineData("전쟁(1950-53)", 2 + 6)]
    public void Measure_counts_parentheses_in_full_unless_they_gloss_the_Hangul_word_before_them(string sentence, int expected)
    {
        Assert.Equal(expected, LengthRatioModel.Measure(sentence));
    }

    [Fact]
    public void Cost_is_zero_at_the_expected_length_and_grows_with_the_difference()
    {
        var model = new LengthRatioModel(2.5, 30);

        Assert.Equal(0, model.Delta(40, 100), 9);
        Assert.Equal(0, model.Cost(40, 100), 6);
        Assert.True(model.Cost(40, 130) < model.Cost(40, 160));
        Assert.True(model.Cost(40, 70) < model.Cost(40, 40));
        Assert.True(double.IsFinite(model.Cost(1, 10_000)));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1.96, 0.05)]
    [InlineData(-2.576, 0.01)]
    [InlineData(3.291, 0.001)]
    public void Cost_is_the_negative_log_of_the_two_sided_normal_tail(double delta, double tail)
    {
        Assert.Equal(-Math.Log(tail), NormalTail.NegativeLogTwoSided(delta), 2);
    }

    [Fact]
    public void Delta_scales_the_difference_by_the_mean_length()
    {
        var model = new LengthRatioModel(2, 4);

        // Expected English 200 for 100 Korean letters; mean length (100 + 240 / 2) / 2 = 110.
        Assert.Equal(40 / Math.Sqrt(110 * 4), model.Delta(100, 240), 9);
    }

    [Fact]
    public void Document_ratio_pulls_the_model_towards_the_translator_habit()
    {
        var model = LengthRatioModel.Default;

        var verbose = model.ForDocument(1_000, 3_500);
        var small = model.ForDocument(20, 100);

        Assert.InRange(verbose.Ratio, 3.2, 3.5);
        Assert.InRange(small.Ratio, model.Ratio, 3.0);
        Assert.Equal(model, model.ForDocument(0, 100));
    }
}
