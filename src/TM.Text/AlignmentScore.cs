namespace TM.Text;

/// <summary>Bead-level precision, recall and F1 of an alignment against a gold alignment.</summary>
/// <param name="Correct">Predicted beads that equal a gold bead.</param>
/// <param name="Predicted">All predicted beads.</param>
/// <param name="Gold">All gold beads.</param>
public sealed record AlignmentScore(int Correct, int Predicted, int Gold)
{
    /// <summary>Correct / Predicted; 1 when nothing was predicted and nothing was expected, 0 when nothing was predicted.</summary>
    public double Precision => Predicted == 0 ? (Gold == 0 ? 1 : 0) : (double)Correct / Predicted;

    /// <summary>Correct / Gold; 1 when the gold alignment is empty.</summary>
    public double Recall => Gold == 0 ? 1 : (double)Correct / Gold;

    /// <summary>Harmonic mean of precision and recall; 0 when both are 0.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <inheritdoc/>
    public override string ToString() =>
        $"P={Precision:0.000} R={Recall:0.000} F1={F1:0.000} ({Correct} correct of {Predicted} predicted, {Gold} gold)";
}
