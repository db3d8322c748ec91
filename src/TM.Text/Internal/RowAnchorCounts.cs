namespace TM.Text.Internal;

/// <summary>
/// The anchors of the Korean sentences that end at one row of the alignment grid (the last one, two and three of them),
/// kept as counts per anchor id, so that a bead's evidence against a run of English sentences is one pass over the English
/// anchors instead of a merge of two sorted lists. The dynamic programme fills a row's cells one after another, so the
/// counts change only when the row does.
/// </summary>
/// <remarks>
/// With the 590-concept glossary a sentence carries five to ten anchors, and merging the sorted lists of every bead in the
/// band took 30% of the time of a 2,000-sentence alignment (perf, the long benchmark document). The result is the
/// merge's: each English occurrence of an anchor takes one Korean occurrence, rewarded once; what is left on either side
/// is charged.
/// </remarks>
internal sealed class RowAnchorCounts
{
    private const int MaxSentences = 3;

    private readonly int[][] koreanAnchors;
    private readonly int[][] englishAnchors;
    private readonly double[] koreanCharges;
    private readonly double[] englishCharges;
    private readonly double[] matchReward;
    private readonly double[] mismatchCost;

    // counts[k][id]: occurrences of the anchor in the last k Korean sentences before the row; rowCharges[k] their charges summed.
    private readonly int[][] counts = new int[MaxSentences + 1][];
    private readonly double[] rowCharges = new double[MaxSentences + 1];
    private readonly int[] taken;
    private int row = -1;

    public RowAnchorCounts(SideFeatures korean, SideFeatures english, double[] matchReward, double[] mismatchCost)
    {
        koreanAnchors = korean.Anchors;
        englishAnchors = english.Anchors;
        this.matchReward = matchReward;
        this.mismatchCost = mismatchCost;
        koreanCharges = Charges(korean.Anchors, mismatchCost);
        englishCharges = Charges(english.Anchors, mismatchCost);
        for (var k = 1; k <= MaxSentences; k++)
        {
            counts[k] = new int[matchReward.Length];
        }

        taken = new int[MaxSentences * BandedAligner.SentenceAnchorLimit];
    }

    /// <summary>
    /// Reward for the anchors shared and charge for those on one side only, for the <paramref name="koreanCount"/> Korean
    /// sentences that end at <paramref name="koreanEnd"/> against the English sentences from <paramref name="englishStart"/>.
    /// </summary>
    public (double Reward, double Charge) Evidence(int koreanEnd, int koreanCount, int englishStart, int englishCount)
    {
        if (koreanEnd != row)
        {
            MoveTo(koreanEnd);
        }

        var available = counts[koreanCount];
        var charge = rowCharges[koreanCount];
        double reward = 0;
        double sharedCharge = 0;
        var takenCount = 0;
        for (var t = englishStart; t < englishStart + englishCount; t++)
        {
            charge += englishCharges[t];
            foreach (var id in englishAnchors[t])
            {
                if (available[id] > 0)
                {
                    available[id]--;
                    taken[takenCount++] = id;
                    reward += matchReward[id];
                    sharedCharge += mismatchCost[id];
                }
            }
        }

        for (var k = 0; k < takenCount; k++)
        {
            available[taken[k]]++;
        }

        // Each shared pair of occurrences was counted in the charges of both sides.
        return (reward, charge - (2 * sharedCharge));
    }

    private void MoveTo(int koreanEnd)
    {
        for (var k = 1; k <= MaxSentences; k++)
        {
            Add(k, row, -1);
            Add(k, koreanEnd, 1);
            rowCharges[k] = 0;
            for (var s = Math.Max(0, koreanEnd - k); s < koreanEnd; s++)
            {
                rowCharges[k] += koreanCharges[s];
            }
        }

        row = koreanEnd;
    }

    private void Add(int k, int end, int delta)
    {
        if (end < 0)
        {
            return;
        }

        for (var s = Math.Max(0, end - k); s < end; s++)
        {
            foreach (var id in koreanAnchors[s])
            {
                counts[k][id] += delta;
            }
        }
    }

    private static double[] Charges(int[][] anchors, double[] mismatchCost)
    {
        var charges = new double[anchors.Length];
        for (var s = 0; s < anchors.Length; s++)
        {
            foreach (var id in anchors[s])
            {
                charges[s] += mismatchCost[id];
            }
        }

        return charges;
    }
}
