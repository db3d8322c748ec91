namespace TM.Text.Internal;

/// <summary>
/// Dynamic programme over all alignments of two sentence lists with beads 1-1, 1-0, 0-1, 1-2, 2-1, 2-2, 1-3 and
/// 3-1, restricted to a band around the diagonal that widens when the best path reaches its edge. One forward pass computes both the best path (Viterbi) and the
/// log-sum over all paths; one backward pass completes the posterior probability of each bead on the best path.
/// </summary>
/// <remarks>
/// Cost per cell is eight bead evaluations, each a length cost (a square root and a log) and a merge of two short
/// anchor lists, plus for the six paired shapes a coverage check that is mostly a lookup of what each pair of
/// sentences shares (kept per cell). The backward pass reads the costs back. With the default band of ±64 a
/// 2,000 × 2,000 alignment visits 260,000 cells and needs 58 bytes each.
/// </remarks>
internal sealed class BandedAligner
{
    private static readonly (int Ko, int En)[] Shapes = [(1, 1), (1, 0), (0, 1), (1, 2), (2, 1), (2, 2), (1, 3), (3, 1)];

    // A best path closer than this to the band's edge may have been pushed there by the edge.
    private const int EdgeMargin = 4;

    private const int MaxAnchorsPerBead = 3 * SentenceAnchorLimit;

    // How far behind the best, in nats, a path stops counting in a soft minimum.
    private const double SoftMinHorizon = 40;

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
    private readonly RowAnchorCounts rowAnchors;
    private readonly int[] koreanBuffer = new int[MaxAnchorsPerBead];
    private readonly int[] englishBuffer = new int[MaxAnchorsPerBead];
    private readonly int minimumBandWidth;
    private readonly double uncoveredSentence;
    private readonly bool hasCoverageCharge;
    private readonly double unrelatedPair;
    private readonly double oneSidedSentence;
    private int[] low = [];
    private int[] high = [];
    private int[] rowStart = [];
    private byte[] pairs = [];

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
        rowAnchors = new RowAnchorCounts(korean, english, matchReward, mismatchCost);
        shapeCosts =
        [
            costs.OneToOne, costs.OneToZero, costs.ZeroToOne, costs.OneToTwo,
            costs.TwoToOne, costs.TwoToTwo, costs.OneToThree, costs.ThreeToOne,
        ];

        this.minimumBandWidth = Math.Max(minimumBandWidth, 4);
        // A negative charge would be a reward, which the pruning in AlignInBand cannot allow.
        uncoveredSentence = Math.Max(0, costs.UncoveredSentence);
        hasCoverageCharge = uncoveredSentence > 0;
        unrelatedPair = Math.Max(0, costs.UnrelatedPair);
        // Most documents have no funding note or acknowledgment: then no bead needs to look for one.
        oneSidedSentence = Array.IndexOf(korean.OneSided, true) >= 0 || Array.IndexOf(english.OneSided, true) >= 0
            ? Math.Max(0, costs.OneSidedSentence)
            : 0;
    }

    /// <summary>Content words each side of a paired bead needs before sharing nothing counts against the pair
    /// (<see cref="AlignmentCosts.UnrelatedPair"/>): a short line ("Abstract", a date) may have nothing to share.</summary>
    public const int UnrelatedPairContentWords = 3;

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
        pairs = hasCoverageCharge ? new byte[cells] : [];
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
                var bestTerm = double.PositiveInfinity;
                var cell = Cell(i, j);
                for (var s = 0; s < Shapes.Length; s++)
                {
                    var previous = Cell(i - Shapes[s].Ko, j - Shapes[s].En);
                    if (previous < 0 || double.IsPositiveInfinity(forward[previous]))
                    {
                        costs[(cell * Shapes.Length) + s] = float.PositiveInfinity;
                        continue;
                    }

                    var cost = BeadCost(s, i, j);

                    // The coverage charge only adds, so a bead already 40 nats behind the best way into this cell that
                    // cannot beat the best path there stays negligible without it: the soft minimum drops it, and any
                    // path through it is as far behind the best. Skipping the charge there changes no result.
                    if (hasCoverageCharge && IsPaired(s)
                        && (forward[previous] + cost < bestTerm + SoftMinHorizon || best[previous] + cost < bestCost))
                    {
                        cost += CoverageCharge(i - Shapes[s].Ko, Shapes[s].Ko, j - Shapes[s].En, Shapes[s].En);
                    }

                    costs[(cell * Shapes.Length) + s] = (float)cost;
                    if (best[previous] + cost < bestCost)
                    {
                        bestCost = best[previous] + cost;
                        bestShape = s;
                    }

                    terms[count++] = forward[previous] + cost;
                    bestTerm = Math.Min(bestTerm, forward[previous] + cost);
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
        // lengths (one shared number, 3.5 nats of reward, divides the doubt left by the length by e^1.75 ≈ 6); anchors
        // on one side only cast doubt as far as shared ones do not outweigh them (one unmatched number on a pair
        // with no shared anchor, 2.1 nats, costs 65%; a paraphrased word beside a shared date and name costs nothing).
        var delta = model.Delta(korean.LengthOf(koreanStart, koreanCount), english.LengthOf(englishStart, englishCount));
        var lengthFit = Math.Exp(-delta * delta / 8);
        var (reward, charge) = AnchorEvidence(koreanStart, koreanCount, englishStart, englishCount);
        var quality = (1 - ((1 - lengthFit) * Math.Exp(-reward / 2))) * Math.Exp(-Math.Max(0, charge - reward) / 2);

        // Evidence that the sentences are not translations of each other doubts the pair whatever the path's posterior
        // says: with the default charges a pair that shares nothing keeps at most e^(-3.8/2) = 15% of its quality, one
        // holding a funding note unmatched at most 11%, so either falls under the 0.5 low-confidence flag.
        if (IsUnrelatedPair(koreanStart, koreanCount, englishStart, englishCount, reward))
        {
            quality *= Math.Exp(-unrelatedPair / 2);
        }

        quality *= Math.Exp(-OneSidedCharge(koreanStart, koreanCount, englishStart, englishCount) / 2);
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
        var (reward, charge) = rowAnchors.Evidence(i, di, j - dj, dj);
        if (IsUnrelatedPair(i - di, di, j - dj, dj, reward))
        {
            charge += unrelatedPair;
        }

        return cost - reward + charge + OneSidedCharge(i - di, di, j - dj, dj);
    }

    /// <summary>
    /// A paired bead whose two sides share no anchor at all (number, name, term, glossary or learned word) while each has
    /// content words of its own: what <see cref="AlignmentCosts.UnrelatedPair"/> is charged for. Every paired shape pays
    /// it alike, so that it weighs pairing against leaving sentences unpaired, not a 1-1 against a merge: charged on 1-1
    /// beads alone it turned 115 of 300 synthetic 1-1 pairs without anchors into 2-2 and 1-2 beads.
    /// </summary>
    private bool IsUnrelatedPair(int koreanStart, int koreanCount, int englishStart, int englishCount, double reward) =>
        koreanCount > 0 && englishCount > 0 && reward <= 0 && unrelatedPair > 0
        && ContentWords(korean, koreanStart, koreanCount) >= UnrelatedPairContentWords
        && ContentWords(english, englishStart, englishCount) >= UnrelatedPairContentWords;

    private static int ContentWords(SideFeatures side, int start, int count)
    {
        var total = 0;
        for (var s = start; s < start + count; s++)
        {
            total += side.ContentWords[s];
        }

        return total;
    }

    /// <summary>
    /// <see cref="AlignmentCosts.OneSidedSentence"/> for each sentence of a paired bead that reads as a funding note,
    /// acknowledgment or translator's note, unless the other side of the bead has one as well (a Korean funding note
    /// translated). Charging every pairing of the sentence is the same, for every path, as crediting its 1-0 or 0-1 bead.
    /// </summary>
    private double OneSidedCharge(int koreanStart, int koreanCount, int englishStart, int englishCount)
    {
        if (oneSidedSentence <= 0)
        {
            return 0;
        }

        var koreanNotes = Count(korean.OneSided, koreanStart, koreanCount);
        var englishNotes = Count(english.OneSided, englishStart, englishCount);
        return koreanNotes > 0 && englishNotes > 0 ? 0 : (koreanNotes + englishNotes) * oneSidedSentence;

        static int Count(bool[] flags, int start, int count)
        {
            var total = 0;
            for (var s = start; s < start + count; s++)
            {
                total += flags[s] ? 1 : 0;
            }

            return total;
        }
    }

    private static bool IsPaired(int shape) => Shapes[shape].Ko > 0 && Shapes[shape].En > 0;

    /// <summary>
    /// What a paired bead pays for each sentence that nothing on the other side vouches for: both sentences of a 1-1, the
    /// larger side of a merge. A sentence that belongs to a bead shares a number, name or word with the translation almost
    /// always (every merged sentence of the hand-aligned gold does); a sentence the translator left out, glued to its
    /// neighbour or paired with another orphan by the length model, shares none. Without this charge a merge wins
    /// whenever the length fits a little better, since 1-0 and 0-1 are rarer.
    /// </summary>
    private double CoverageCharge(int koreanStart, int koreanCount, int englishStart, int englishCount)
    {
        double charge = 0;
        if (koreanCount > 1 || englishCount == 1)
        {
            charge += UncoveredSentences(korean, koreanStart, koreanCount, english, englishStart, englishCount);
        }

        if (englishCount > 1 || koreanCount == 1)
        {
            charge += UncoveredSentences(english, englishStart, englishCount, korean, koreanStart, koreanCount);
        }

        return charge;
    }

    /// <summary>
    /// The charge for the sentences of one side of a paired bead: nothing for a sentence when one of its anchors is found on
    /// the other side at least as often as on its own side. An anchor the larger side has more often than the other
    /// ("Incheon" in a sentence and in the translator's note after it, once in the Korean) cannot vouch for every
    /// sentence that has it.
    /// </summary>
    private double UncoveredSentences(SideFeatures side, int start, int count, SideFeatures other, int otherStart, int otherCount)
    {
        var korean = ReferenceEquals(side, this.korean);
        double charge = 0;
        for (var s = start; s < start + count; s++)
        {
            var sentence = side.Anchors[s];
            if (!side.Telling[s])
            {
                continue;
            }

            // What each pair of sentences shares is worked out once and kept per cell: a sentence meets the same
            // counterpart in up to six shapes of several cells.
            var anyCovers = false;
            var noneShares = true;
            for (var o = otherStart; o < otherStart + otherCount && !anyCovers; o++)
            {
                var pair = Pair(korean, s, o);
                anyCovers = pair == PairCoverage.Covered;
                noneShares &= pair == PairCoverage.None;
            }

            var covered = anyCovers || (!noneShares && (otherCount == 1
                ? CoveredBy(sentence, other.Anchors[otherStart], side.Anchors, start, count)
                : CoveredBy(sentence, other.Anchors, otherStart, otherCount, side.Anchors, start, count)));
            if (!covered)
            {
                charge += uncoveredSentence;
            }
        }

        return charge;
    }

    private PairCoverage Pair(bool koreanSentence, int sentence, int counterpart)
    {
        var cell = koreanSentence ? Cell(sentence, counterpart) : Cell(counterpart, sentence);
        if (cell < 0)
        {
            return PairCoverage.Unknown;
        }

        var shift = koreanSentence ? 0 : 2;
        var known = (PairCoverage)((pairs[cell] >> shift) & 3);
        if (known != PairCoverage.Unknown)
        {
            return known;
        }

        var verdict = koreanSentence
            ? Coverage(korean.Anchors, sentence, english.Anchors[counterpart])
            : Coverage(english.Anchors, sentence, korean.Anchors[counterpart]);
        pairs[cell] |= (byte)((int)verdict << shift);
        return verdict;
    }

    /// <summary>
    /// Whether <paramref name="counterpart"/> vouches for sentence <paramref name="sentence"/> in any merge: it does when
    /// they share an anchor that the counterpart has at least as often and that none of the sentence's neighbours within
    /// two has (no merge shape reaches further), so that no sibling in the merge can claim it too.
    /// </summary>
    private static PairCoverage Coverage(int[][] side, int sentence, int[] counterpart)
    {
        var anchors = side[sentence];
        var shares = false;
        int a = 0, b = 0;
        while (a < anchors.Length && b < counterpart.Length)
        {
            var id = anchors[a];
            if (id < counterpart[b])
            {
                a++;
                continue;
            }

            if (id > counterpart[b])
            {
                b++;
                continue;
            }

            shares = true;
            var there = 0;
            while (b < counterpart.Length && counterpart[b] == id)
            {
                there++;
                b++;
            }

            var here = 0;
            while (a < anchors.Length && anchors[a] == id)
            {
                here++;
                a++;
            }

            var first = Math.Max(0, sentence - 2);
            var last = Math.Min(side.Length - 1, sentence + 2);
            if (there >= here && Occurrences(side, first, last - first + 1, id) == here)
            {
                return PairCoverage.Covered;
            }
        }

        return shares ? PairCoverage.Ambiguous : PairCoverage.None;
    }

    // The other side is one sentence in five of the six paired shapes: one walk along both sorted lists.
    private static bool CoveredBy(int[] sentence, int[] other, int[][] side, int start, int count)
    {
        int a = 0, b = 0;
        while (a < sentence.Length && b < other.Length)
        {
            var id = sentence[a];
            if (id < other[b])
            {
                a++;
                continue;
            }

            if (id > other[b])
            {
                b++;
                continue;
            }

            var shared = 0;
            while (b < other.Length && other[b] == id)
            {
                shared++;
                b++;
            }

            if (shared >= Occurrences(side, start, count, id))
            {
                return true;
            }

            while (a < sentence.Length && sentence[a] == id)
            {
                a++;
            }
        }

        return false;
    }

    private static bool CoveredBy(int[] sentence, int[][] other, int otherStart, int otherCount, int[][] side, int start, int count)
    {
        var previous = -1;
        foreach (var id in sentence)
        {
            if (id == previous)
            {
                continue;
            }

            previous = id;
            var shared = Occurrences(other, otherStart, otherCount, id);
            if (shared > 0 && shared >= Occurrences(side, start, count, id))
            {
                return true;
            }
        }

        return false;
    }

    private static int Occurrences(int[][] anchors, int start, int count, int id)
    {
        var total = 0;
        for (var s = start; s < start + count; s++)
        {
            var sorted = anchors[s].AsSpan();
            var at = sorted.BinarySearch(id);
            if (at < 0)
            {
                continue;
            }

            var first = at;
            while (first > 0 && sorted[first - 1] == id)
            {
                first--;
            }

            var last = at;
            while (last + 1 < sorted.Length && sorted[last + 1] == id)
            {
                last++;
            }

            total += last - first + 1;
        }

        return total;
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

        // Each list is sorted already: merging them from the back costs one pass, where sorting the copies cost a fifth
        // of a long alignment.
        length = 0;
        for (var s = start; s < start + count; s++)
        {
            var next = anchors[s];
            int a = length - 1, b = next.Length - 1, write = length + next.Length - 1;
            while (b >= 0)
            {
                buffer[write--] = a >= 0 && buffer[a] > next[b] ? buffer[a--] : next[b--];
            }

            length += next.Length;
        }

        return buffer.AsSpan(0, length);
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
            if (v - min < SoftMinHorizon)
            {
                sum += Math.Exp(min - v);
            }
        }

        return min - Math.Log(sum);
    }

    /// <summary>What one sentence of a paired bead learns from one sentence of the other side (two bits per pair and direction).</summary>
    private enum PairCoverage : byte
    {
        /// <summary>Not worked out yet, or the pair lies outside the band.</summary>
        Unknown = 0,

        /// <summary>They share no anchor.</summary>
        None = 1,

        /// <summary>They share an anchor that no neighbour of the sentence has: covered in any merge.</summary>
        Covered = 2,

        /// <summary>They share anchors that neighbours have too: the merge has to count them.</summary>
        Ambiguous = 3,
    }
}
