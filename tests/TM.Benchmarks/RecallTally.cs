using TM.Matching;

namespace TM.Benchmarks;

/// <summary>
/// Counts how often a method's hits agree with the ground truth (brute force): recall@1 — its best hit scores
/// as high as the true best; recall@5 — its k scores are the true top-k scores; exact — same ids, same order.
/// </summary>
/// <remarks>
/// Recall compares scores, not ids, so a tie between two equally good segments is not counted as a miss.
/// Queries without any true hit ≥ θ have nothing to recall and are counted only in <see cref="Queries"/>.
/// </remarks>
internal sealed class RecallTally
{
    public int Queries { get; private set; }

    public int WithTrueMatch { get; private set; }

    public int BestFound { get; private set; }

    public int TopKFound { get; private set; }

    public int Exact { get; private set; }

    public void Add(IReadOnlyList<FuzzyHit> truth, IReadOnlyList<FuzzyHit> found)
    {
        Queries++;
        if (SameHits(truth, found))
            Exact++;
        if (truth.Count == 0)
            return;
        WithTrueMatch++;
        if (found.Count > 0 && found[0].Score == truth[0].Score)
            BestFound++;
        if (found.Count == truth.Count && SameScores(truth, found))
            TopKFound++;
    }

    public string RecallAt1 => Units.Fraction(BestFound, WithTrueMatch);

    public string RecallAtK => Units.Fraction(TopKFound, WithTrueMatch);

    public string ShortRecall => WithTrueMatch == 0
        ? "—"
        : $"{Units.Percent((double)BestFound / WithTrueMatch)} / {Units.Percent((double)TopKFound / WithTrueMatch)}";

    private static bool SameScores(IReadOnlyList<FuzzyHit> a, IReadOnlyList<FuzzyHit> b)
    {
        for (var i = 0; i < a.Count; i++)
        {
            if (a[i].Score != b[i].Score)
                return false;
        }
        return true;
    }

    private static bool SameHits(IReadOnlyList<FuzzyHit> a, IReadOnlyList<FuzzyHit> b)
    {
        if (a.Count != b.Count)
            return false;
        for (var i = 0; i < a.Count; i++)
        {
            if (a[i] != b[i])
                return false;
        }
        return true;
    }
}
