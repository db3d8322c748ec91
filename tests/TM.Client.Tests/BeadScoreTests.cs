using TM.Client.Alignment;

namespace TM.Client.Tests;

public class BeadScoreTests
{
    private static GoldBead Gold(string[] ko, string[] en) => new(ko, en, 1);

    [Fact]
    public void Identical_alignment_scores_one()
    {
        var gold = new[] { Gold(["가."], ["A."]), Gold(["나.", "다."], ["B and C."]) };

        var score = BeadScore.Compute([("가.", "A."), ("나. 다.", "B and C.")], gold);

        Assert.Equal((2, 2, 2), (score.Correct, score.Predicted, score.Gold));
        Assert.Equal(1.0, score.F1);
    }

    [Fact]
    public void Precision_recall_and_f1_count_exact_beads()
    {
        var gold = new[]
        {
            Gold(["가."], ["A."]), Gold(["나."], ["B."]), Gold(["다."], ["C."]), Gold(["라.", "마."], ["D E."]), Gold(["바."], []),
        };

        // Right: 가, 나, 바 (a 1-0 bead). Wrong: 다+라 merged, 마 alone.
        (string, string)[] predicted = [("가.", "A."), ("나.", "B."), ("다. 라.", "C. D E."), ("바.", "")];

        var score = BeadScore.Compute(predicted, gold);

        Assert.Equal(3, score.Correct);
        Assert.Equal(0.75, score.Precision, 10);
        Assert.Equal(0.6, score.Recall, 10);
        Assert.Equal(2 * 0.75 * 0.6 / 1.35, score.F1, 10);
    }

    [Fact]
    public void Whitespace_differences_do_not_make_a_bead_wrong()
    {
        var gold = new[] { Gold(["휴전 회담은\n교착 상태에 빠졌다."], ["The talks  stalled."]) };

        var score = BeadScore.Compute([(" 휴전 회담은 교착 상태에 빠졌다.", "The talks stalled. ")], gold);

        Assert.Equal(1, score.Correct);
    }

    [Fact]
    public void A_repeated_bead_is_credited_only_as_often_as_the_gold_has_it()
    {
        var gold = new[] { Gold(["예."], ["Yes."]), Gold(["아니오."], ["No."]) };

        var score = BeadScore.Compute([("예.", "Yes."), ("예.", "Yes."), ("아니오.", "No.")], gold);

        Assert.Equal(2, score.Correct);
        Assert.Equal(2.0 / 3, score.Precision, 10);
        Assert.Equal(1.0, score.Recall);
    }

    [Fact]
    public void Nothing_predicted_scores_zero_without_dividing_by_zero()
    {
        var score = BeadScore.Compute([], [Gold(["가."], ["A."])]);

        Assert.Equal((0.0, 0.0, 0.0), (score.Precision, score.Recall, score.F1));
    }

    [Fact]
    public void Normalize_collapses_and_trims_whitespace()
    {
        Assert.Equal("a b c", BeadScore.Normalize("  a \t b\r\n c \n"));
    }
}
