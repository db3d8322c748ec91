using TM.Text.Internal;

namespace TM.Text;

/// <summary>
/// Scores an alignment against a gold alignment bead by bead: a predicted bead is correct when its Korean
/// sentence list and its English sentence list both equal those of a gold bead, after trimming and collapsing
/// whitespace. All beads count, 1-0 and 0-1 included; each gold bead can be matched once.
/// </summary>
public static class BeadEvaluator
{
    /// <summary>Computes precision, recall and F1 of <paramref name="predicted"/> against <paramref name="gold"/>.</summary>
    /// <param name="predicted">The beads an aligner produced.</param>
    /// <param name="gold">The reference beads.</param>
    public static AlignmentScore Evaluate(IEnumerable<Bead> predicted, IEnumerable<Bead> gold)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(gold);

        var remaining = new Dictionary<string, int>(StringComparer.Ordinal);
        var goldCount = 0;
        foreach (var bead in gold)
        {
            var key = Key(bead);
            remaining[key] = remaining.GetValueOrDefault(key) + 1;
            goldCount++;
        }

        var correct = 0;
        var predictedCount = 0;
        foreach (var bead in predicted)
        {
            predictedCount++;
            var key = Key(bead);
            if (remaining.GetValueOrDefault(key) > 0)
            {
                remaining[key]--;
                correct++;
            }
        }

        return new AlignmentScore(correct, predictedCount, goldCount);
    }

    private static string Key(Bead bead)
    {
        ArgumentNullException.ThrowIfNull(bead);

        // Unit and record separators cannot occur in validated text, so the key is unambiguous.
        return string.Join('\u001F', bead.Korean.Select(s => Whitespace.Normalize(s)))
            + '\u001E'
            + string.Join('\u001F', bead.English.Select(s => Whitespace.Normalize(s)));
    }
}
