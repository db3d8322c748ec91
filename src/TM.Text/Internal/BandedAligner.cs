namespace TM.Text.Internal;

/// <summary>
/// Dynamic programme over all alignments of two sentence lists with beads 1-1, 1-0, 0-1, 1-2, 2-1, 2-2, 1-3 and
/// 3-1, restricted to a band around the diagonal that widens when the best path reaches its edge. One forward pass computes both the best path (Viterbi) and the
/// log-sum over all paths; one backward pass completes the posterior probability of each bead on the best path.
/// </summary>
/// <remarks>
/// Cost per cell is sixteen bead evaluations (forward and backward), each a length cost (a square root and a
/// log) and a merge of two short anchor lists. With the default band of ±64 a 2,000 × 2,000 alignment visits
/// 260,000 cells and needs 25 bytes each.
/// </remarks>
internal sealed class BandedAligner
{
    private static readonly (int Ko, int En)[] Shapes = [(1, 1), (1, 0), (0, 1), (1, 2), (2, 1), (2, 2), (1, 3), (3, 1)];

    // A best path closer than this to the band's edge may have been pushed there by the edge.
    private const int EdgeMargin = 4;

    private const int MaxAnchorsPerBead = 3 * SentenceAnchorLimit;

    /// <summary>Anchors kept per sentence; a table of figures has more, and they add nothing to alignment.</summary>
    public const int SentenceAnchorLimit = 48;

    // A bead with an empty side is never stored; its confidence is its posterior scaled down so that reviewers
    // sorting by confidence meet the sentences left without a counterpart first.
    private const double UnpairedConfidenceScale = 0.2;

    private readonly SideFeatures korean;
    private readonly SideFeatures english;
    private readonly LengthRatioModel model;
    private readonly double[] shapeCosts;
    private readonly double[] matchReward;
    private readonly double[] mismatchCost;
    private readonly int[] koreanBuffer = new int[MaxAnchorsPerBead];
    private readonly int[] englishBuffer = new int[MaxAnchorsPerBead];
    private readonly int minimumBandWidth;
    private int[] low = [];
    private int[] high = [];
    private int[] rowStart = [];

    public BandedAligner(
        SideFeatures korean,
        SideFeatures english,
        LengthRatioModel model,
        AlignmentCosts costs,
        double[] matchReward,
        double[] mismatchCost,
        int minimumBandWidth)
    {
        this.korean = korean;
        this.english = english;
        this.model = model;
        this.matchReward = matchReward;
        this.mismatchCost = mismatchCost;
        shapeCosts =
        [
            costs.OneToOne, costs.OneToZero, costs.ZeroToOne, costs.OneToTwo,
            costs.TwoToOne, costs.TwoToTwo, costs.OneToThree, costs.ThreeToOne,
        ];

        this.minimumBandWidth = Math.Max(minimumBandWidth, 4);
    }

    public List<AlignedBead> Align()
    {
        var n = korean.Count;
        var m = english.Count;
        if (n == 0 || m == 0)
        {
            return Unpaired(n, m);
        }

        // Search a narrow band first and widen it while the best path runs along its edge: an abstract fits in
        // the first band, a long document with a large omission pays for the omission only.
        for (var band = minimumBandWidth; ; band *= 2)
        {
            SetBand(band);
            var beads = AlignInBand(out var touchesEdge);
            if (!touchesEdge || band >= Math.Max(n, m))
            {
                return beads;
            }
        }
    }

    private static List<AlignedBead> Unpaired(int n, int m)
    {
        var beads = new List<AlignedBead>();
        for (var i = 0; i < n; i++)
        {
            beads.Add(new AlignedBead(i, 1, 0, 0, UnpairedConfidenceScale));
        }

        for (var j = 0; j < m; j++)
        {
            beads.Add(new AlignedBead(n, 0, j, 1, UnpairedConfidenceScale));
        }

        return beads;
    }

    private void SetBand(int band)
    {
        var n = korean.Count;
        var m = english.Count;
        low = new int[n + 1];
        high = new int[n + 1];
        rowStart = new int[n + 2];
        for (var i = 0; i <= n; i++)
        {
            var center = (int)((long)i * m / n);
            low[i] = Math.Max(0, center - band);
            high[i] = Math.Min(m, center + band);
            rowStart[i + 1] = rowStart[i] + high[i] - low[i] + 1;
        }
    }

    private List<AlignedBead> AlignInBand(out bool touchesEdge)
    {
        var n = korean.Count;
        var m = english.Count;
        var beads = new List<AlignedBead>();
        touchesEdge = false;

        var cells = rowStart[n + 1];

        // Each bead's cost is computed once, in the forward pass, and read back by the backward pass and the
        // trace: the cost is most of the work, the cache 32 bytes per cell.
        var costs = new float[cells * Shapes.Length];
        var best = new double[cells];
        var forward = new double[cells];
        var backward = new double[cells];
        var choice = new sbyte[cells];
        Array.Fill(best, double.PositiveInfinity);
        Array.Fill(forward, double.PositiveInfinity);
        Array.Fill(backward, double.PositiveInfinity);
        best[Cell(0, 0)] = 0;
        forward[Cell(0, 0)] = 0;

        Span<double> terms = stackalloc double[Shapes.Length];
        for (var i = 0; i <= n; i++)
        {
            for (var j = low[i]; j <= high[i]; j++)
            {
                if (i == 0 && j == 0)
                {
                    continue;
                }

                var count = 0;
                var bestCost = double.PositiveInfinity;
                var bestShape = -1;
                var cell = Cell(i, j);
                for (var s = 0; s < Shapes.Length; s++)
                {
                    var previous = Cell(i - Shapes[s].Ko, j - Shapes[s].En);
                    if (previous < 0 || double.IsPositiveInfinity(forward[previous]))
                    {
                        costs[(cell * Shapes.Length) + s] = float.PositiveInfinity;
                        continue;
                    }

                    var cost = (float)BeadCost(s, i, j);
                    costs[(cell * Shapes.Length) + s] = cost;
                    if (best[previous] + cost < bestCost)
                    {
                        bestCost = best[previous] + cost;
                        bestShape = s;
                    }

                    terms[count++] = forward[previous] + cost;
                }

                best[cell] = bestCost;
                choice[cell] = (sbyte)bestShape;
                forward[cell] = SoftMin(terms[..count]);
            }
        }

        backward[Cell(n, m)] = 0;
        for (var i = n; i >= 0; i--)
        {
            for (var j = high[i]; j >= low[i]; j--)
            {
                var count = 0;
                for (var s = 0; s < Shapes.Length; s++)
                {
                    var next = Cell(i + Shapes[s].Ko, j + Shapes[s].En);
                    if (next >= 0 && !double.IsPositiveInfinity(backward[next]))
                    {
                        terms[count++] = costs[(next * Shapes.Length) + s] + backward[next];
                    }
                }

                if (count > 0)
                {
                    backward[Cell(i, j)] = SoftMin(terms[..count]);
                }
            }
        }

        var total = forward[Cell(n, m)];
        for (int i = n, j = m; i > 0 || j > 0;)
        {
            var cell = Cell(i, j);
            touchesEdge |= (j - low[i] < EdgeMargin && low[i] > 0) || (high[i] - j < EdgeMargin && high[i] < m);
            var (di, dj) = Shapes[choice[cell]];
            var cost = costs[(cell * Shapes.Length) + choice[cell]];
            var posterior = Math.Clamp(Math.Exp(total - forward[Cell(i - di, j - dj)] - cost - backward[cell]), 0, 1);
            beads.Add(new AlignedBead(i - di, di, j - dj, dj, Confidence(posterior, i - di, di, j - dj, dj)));
            i -= di;
            j -= dj;
        }

        beads.Reverse();
        return beads;
    }

    private double Confidence(double posterior, int koreanStart, int koreanCount, int englishStart, int englishCount)
    {
        if (koreanCount == 0 || englishCount == 0)
        {
            return posterior * UnpairedConfidenceScale;
        }

        // Length fit: 1 at δ = 0, 0.6 at |δ| = 2, 0.14 at |δ| = 4. Shared anchors vouch for a pair whatever its
        // lengths (one shared number, 2 nats of reward, divides the doubt left by the length by e); anchors on
        // one side only cast doubt as far as shared ones do not outweigh them (one unmatched number on a pair
        // with no shared anchor costs 30%; a paraphrased word beside a shared date and name costs nothing).
        var delta = model.Delta(korean.LengthOf(koreanStart, koreanCount), english.LengthOf(englishStart, englishCount));
        var lengthFit = Math.Exp(-delta * delta / 8);
        var (reward, charge) = AnchorEvidence(koreanStart, koreanCount, englishStart, englishCount);
        var quality = (1 - ((1 - lengthFit) * Math.Exp(-reward / 2))) * Math.Exp(-Math.Max(0, charge - reward) / 2);
        return Math.Clamp(posterior * quality, 0, 1);
    }

    private double BeadCost(int shape, int i, int j)
    {
        var (di, dj) = Shapes[shape];
        var cost = shapeCosts[shape];
        if (di == 0 || dj == 0)
        {
            return cost;
        }

        cost += model.Cost(korean.LengthOf(i - di, di), english.LengthOf(j - dj, dj));
        var (reward, charge) = AnchorEvidence(i - di, di, j - dj, dj);
        return cost - reward + charge;
    }

    private (double Reward, double Charge) AnchorEvidence(int koreanStart, int koreanCount, int englishStart, int englishCount)
    {
        var ko = Gather(korean.Anchors, koreanStart, koreanCount, koreanBuffer);
        var en = Gather(english.Anchors, englishStart, englishCount, englishBuffer);
        if (ko.IsEmpty && en.IsEmpty)
        {
            return (0, 0);
        }

        double reward = 0;
        double charge = 0;
        int a = 0, b = 0;
        while (a < ko.Length && b < en.Length)
        {
            if (ko[a] == en[b])
            {
                reward += matchReward[ko[a]];
                a++;
                b++;
            }
            else if (ko[a] < en[b])
            {
                charge += mismatchCost[ko[a++]];
            }
            else
            {
                charge += mismatchCost[en[b++]];
            }
        }

        for (; a < ko.Length; a++)
        {
            charge += mismatchCost[ko[a]];
        }

        for (; b < en.Length; b++)
        {
            charge += mismatchCost[en[b]];
        }

        return (reward, charge);
    }

    private static ReadOnlySpan<int> Gather(int[][] anchors, int start, int count, int[] buffer)
    {
        // Most sentences have no anchors or are alone in their bead: no copy, no sort.
        var withAnchors = -1;
        var length = 0;
        for (var s = start; s < start + count; s++)
        {
            if (anchors[s].Length > 0)
            {
                withAnchors = length == 0 ? s : -2;
                length += anchors[s].Length;
            }
        }

        if (withAnchors != -2)
        {
            return withAnchors < 0 ? [] : anchors[withAnchors];
        }

        length = 0;
        for (var s = start; s < start + count; s++)
        {
            anchors[s].CopyTo(buffer, length);
            length += anchors[s].Length;
        }

        var span = buffer.AsSpan(0, length);
        span.Sort();
        return span;
    }

    private int Cell(int i, int j)
    {
        if (i < 0 || j < 0 || i >= low.Length || j < low[i] || j > high[i])
        {
            return -1;
        }

        return rowStart[i] + j - low[i];
    }

    // −ln Σ exp(−v): the cost of "any of these paths", dominated by the cheapest.
    private static double SoftMin(ReadOnlySpan<double> values)
    {
        if (values.IsEmpty)
        {
            return double.PositiveInfinity;
        }

        var min = double.PositiveInfinity;
        foreach (var v in values)
        {
            min = Math.Min(min, v);
        }

        if (double.IsPositiveInfinity(min))
        {
            return min;
        }

        double sum = 0;
        foreach (var v in values)
        {
            // Paths 40 nats (a factor of 10^17) worse than the best do not change the sum.
            if (v - min < 40)
            {
                sum += Math.Exp(min - v);
            }
        }

        return min - Math.Log(sum);
    }
}
