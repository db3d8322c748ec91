using TM.Text;

namespace TM.Text.Tests;

public sealed class BeadEvaluatorTests
{
    private static readonly Bead[] Gold =
    [
        new(["가."], ["A.", "B."], 1),
        new(["나."], [], 1),
        new(["다.", "라."], ["C."], 1),
    ];

    [Fact]
    public void Identical_alignment_scores_one()
    {
        var score = BeadEvaluator.Evaluate(Gold, Gold);

        Assert.Equal(new AlignmentScore(3, 3, 3), score);
        Assert.Equal(1.0, score.F1);
    }

    [Fact]
    public void Beads_match_after_whitespace_normalisation_only()
    {
        Bead[] predicted = [new([" 가. "], ["A.", "B.\n"], 0.5), new(["나."], [], 0.1), new(["다.  라."], ["C."], 0.5)];

        var score = BeadEvaluator.Evaluate(predicted, Gold);

        Assert.Equal(2, score.Correct);
    }

    [Fact]
    public void Precision_recall_and_F1_follow_their_definitions()
    {
        Bead[] predicted = [new(["가."], ["A."], 1), new([], ["B."], 1), new(["나."], [], 1), new(["다.", "라."], ["C."], 1)];

        var score = BeadEvaluator.Evaluate(predicted, Gold);

        Assert.Equal(0.5, score.Precision, 6);
        Assert.Equal(2.0 / 3, score.Recall, 6);
        Assert.Equal(2 * 0.5 * (2.0 / 3) / (0.5 + (2.0 / 3)), score.F1, 6);
    }

    [Fact]
    public void A_gold_bead_is_matched_only_once()
    {
        Bead[] predicted = [Gold[1], Gold[1]];

        Assert.Equal(1, BeadEvaluator.Evaluate(predicted, Gold).Correct);
    }

    [Fact]
    public void Empty_alignments_score_by_convention()
    {
        Assert.Equal(1.0, BeadEvaluator.Evaluate([], []).F1);
        Assert.Equal(0.0, BeadEvaluator.Evaluate([], Gold).F1);
    }
}
