using TM.Matching;

namespace TM.Benchmarks;

/// <summary>
/// Keeps the best k hits scoring at least θ, ordered as <see cref="FuzzyIndex.Search"/> orders them (score
/// descending, then lower id), so a brute-force result compares with the index's element by element.
/// </summary>
internal sealed class RankedHits
{
    private readonly List<FuzzyHit> _hits;
    private readonly int _k;
    private readonly double _minScore;

    public RankedHits(int k, double minScore)
    {
        _k = k;
        _minScore = minScore;
        _hits = new List<FuzzyHit>(k + 1);
    }

    public void Offer(int id, double score)
    {
        if (score < _minScore || (_hits.Count == _k && !Precedes(new FuzzyHit(id, score), _hits[^1])))
            return;
        var at = _hits.Count;
        while (at > 0 && Precedes(new FuzzyHit(id, score), _hits[at - 1]))
            at--;
        _hits.Insert(at, new FuzzyHit(id, score));
        if (_hits.Count > _k)
            _hits.RemoveAt(_k);
    }

    public FuzzyHit[] ToArray() => [.. _hits];

    private static bool Precedes(FuzzyHit a, FuzzyHit b) => a.Score > b.Score || (a.Score == b.Score && a.Id < b.Id);
}
