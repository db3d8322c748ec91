using System.Text;

namespace TM.Client.Alignment;

/// <summary>
/// Bead precision, recall and F1 of a predicted alignment against a gold one. A predicted bead is correct when
/// its Korean and English sides equal those of a gold bead not already matched; every bead counts, 1-0 and 0-1
/// included, since deciding that a sentence has no counterpart is an alignment decision too.
/// </summary>
/// <param name="Correct">Predicted beads that equal a gold bead.</param>
/// <param name="Predicted">Beads the aligner produced.</param>
/// <param name="Gold">Beads in the gold alignment.</param>
internal sealed record BeadScore(int Correct, int Predicted, int Gold)
{
    /// <summary>Correct / predicted; 0 when nothing was predicted.</summary>
    public double Precision => Predicted == 0 ? 0 : (double)Correct / Predicted;

    /// <summary>Correct / gold; 0 when the gold alignment is empty.</summary>
    public double Recall => Gold == 0 ? 0 : (double)Correct / Gold;

    /// <summary>Harmonic mean of precision and recall; 0 when both are 0.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>
    /// Scores <paramref name="predicted"/> beads, given as the server returns them (sentences of a side joined with
    /// a space), against <paramref name="gold"/>. Both sides are compared with whitespace runs collapsed, so a
    /// line break inside a gold sentence does not make a correct bead wrong.
    /// </summary>
    public static BeadScore Compute(IReadOnlyList<(string Ko, string En)> predicted, IReadOnlyList<GoldBead> gold)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(gold);

        // A multiset: the same pair of sentences can legitimately occur twice in a document.
        var unmatched = new Dictionary<(string, string), int>();
        foreach (var bead in gold)
        {
            var key = (Normalize(string.Join(' ', bead.Ko)), Normalize(string.Join(' ', bead.En)));
            unmatched[key] = unmatched.GetValueOrDefault(key) + 1;
        }

        var correct = 0;
        foreach (var (ko, en) in predicted)
        {
            var key = (Normalize(ko), Normalize(en));
            if (unmatched.TryGetValue(key, out var count) && count > 0)
            {
                unmatched[key] = count - 1;
                correct++;
            }
        }

        return new BeadScore(correct, predicted.Count, gold.Count);
    }

    /// <summary><paramref name="text"/> trimmed, with every run of whitespace replaced by one space.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
