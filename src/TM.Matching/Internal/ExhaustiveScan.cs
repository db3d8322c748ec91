namespace TM.Matching.Internal;

/// <summary>
/// Scores every live segment of a store that <see cref="MatchOptions.Accepts"/> accepts with the bit-parallel
/// distance bounded at θ, no other filter, on every core: the reference for <see cref="Searcher"/>.
/// </summary>
/// <remarks>
/// The bound at θ is not a filter: a distance above it scores below θ by the definition of
/// <see cref="MatchCosts.MaxDistance"/>, and the verifier returns exact distances up to the bound (both are tested
/// against the plain dynamic programme). The score of each segment is exactly <see cref="FuzzyScorer"/>'s.
/// </remarks>
internal static class ExhaustiveScan
{
    private const int PagesPerTask = 16;

    public static FuzzyHit[] Search(
        SegmentStore store, Analysis.TermDictionary terms, MatchCosts costs, MatchOptions options, ReadOnlySpan<int> query, ReadOnlySpan<int> queryFamilies, ulong fingerprint)
    {
        int[] units = query.ToArray();
        int[] families = queryFamilies.ToArray();
        var merged = new TopHits();
        merged.Reset(options.MaxResults);
        int tasks = (store.PageCount + PagesPerTask - 1) / PagesPerTask;
        Parallel.For(
            0,
            tasks,
            () => new Worker(units, families, terms, options.MaxResults),
            (task, _, worker) =>
            {
                int first = task * PagesPerTask * SegmentStore.PageSize;
                int last = Math.Min(store.PageCount, (task + 1) * PagesPerTask) * SegmentStore.PageSize;
                for (int slot = first; slot < last; slot++)
                {
                    worker.Score(store, costs, options.MinScore, options.Accepts, slot, fingerprint);
                }

                return worker;
            },
            worker =>
            {
                lock (merged)
                {
                    foreach (FuzzyHit hit in worker.Hits.ToSortedArray())
                    {
                        merged.Offer(hit.Score, hit.Id);
                    }
                }
            });
        return merged.ToSortedArray();
    }

    private sealed class Worker
    {
        private readonly BitParallelLevenshtein _verifier = new();
        private readonly int[] _query;
        private readonly int[] _queryFamilies;
        private readonly Analysis.TermDictionary _terms;
        private readonly int _n;

        // The bit-parallel distance by family bounds the search as in Searcher; every segment within the bound is then
        // scored with variant costs, with no check for variants (this is the reference).
        public Worker(int[] query, int[] queryFamilies, Analysis.TermDictionary terms, int maxResults)
        {
            var table = new QueryTermTable();
            table.Build(queryFamilies);
            _verifier.SetQuery(queryFamilies, table);
            _query = query;
            _queryFamilies = queryFamilies;
            _terms = terms;
            _n = query.Length;
            Hits.Reset(maxResults);
        }

        public TopHits Hits { get; } = new();

        // MaxDistance by length, computed once per length: it costs several Score calls, the distance of a
        // 60-unit segment about as much.
        private int[] _maxDistance = [];

        private int MaxDistance(MatchCosts costs, double minScore, int longer)
        {
            if (longer >= _maxDistance.Length)
            {
                int old = _maxDistance.Length;
                Array.Resize(ref _maxDistance, Math.Max(longer + 1, old * 2));
                for (int m = old; m < _maxDistance.Length; m++)
                {
                    _maxDistance[m] = costs.MaxDistance(m, minScore);
                }
            }

            return _maxDistance[longer];
        }

        public void Score(SegmentStore store, MatchCosts costs, double minScore, Func<int, bool>? accepts, int slot, ulong fingerprint)
        {
            int length = store.Lengths[slot];
            if (length < 0)
            {
                return;
            }

            // Refused segments are skipped outright, as if the store did not hold them: the brute force over the
            // accepted segments that a filtered search must equal.
            int id = store.IdOf(slot);
            if (accepts is not null && !accepts(id))
            {
                return;
            }

            int longer = Math.Max(_n, length);
            int maxDistance = MaxDistance(costs, minScore, longer);
            ReadOnlySpan<int> units = store.UnitsOf(slot);
            ReadOnlySpan<int> families = _terms.Families;
            if (_verifier.Distance(units, families, maxDistance) > maxDistance)
            {
                return;
            }

            double distance = VariantLevenshtein.Distance(_query, _queryFamilies, units, families, _terms.NumberFamily, costs);
            double score = costs.Score(distance, longer, sameText: distance == 0 && store.FingerprintOf(slot) == fingerprint);
            if (score >= minScore)
            {
                Hits.Offer(score, id);
            }
        }
    }
}
