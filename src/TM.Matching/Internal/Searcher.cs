using System.Numerics;

namespace TM.Matching.Internal;

/// <summary>
/// One thread's search machinery: filters candidates through the inverted index, then verifies them with a
/// bounded edit distance, best first, against a threshold that rises as the top k fill up. Returns exactly
/// what scoring every segment would (see SCORING.md for the bounds and why they are safe).
/// </summary>
/// <remarks>
/// <para>Stages, for a query of n units, threshold θ and k results:</para>
/// <list type="number">
/// <item><description>Length filter: d ≥ |n − m|, so only lengths m with |n − m| ≤ dmax(max(n, m)) can score θ.</description></item>
/// <item><description>Prefix filter: a segment that scores θ shares at least t = n − dmax(n) units with the query
/// (d ≥ max(n, m) − LCS and LCS ≤ the multiset overlap). Any n − t + 1 query units must then include a shared one,
/// so scanning the postings of the rarest query terms that cover n − t + 1 units finds every candidate, with a
/// count of how many of those units it shares.</description></item>
/// <item><description>Seeding: the few candidates with the highest counts are verified first; once k hits are kept,
/// the k-th score becomes the threshold and every bound below tightens.</description></item>
/// <item><description>Count filter: while it is cheaper than verifying, the next rarest term's postings are scanned
/// (or, when the list is long and candidates are few, searched) and candidates whose overlap bound (shared so far
/// + what the unscanned units could add) is below the overlap the threshold needs are dropped.</description></item>
/// <item><description>Verification, in descending order of the overlap bound, with the bit-parallel distance bounded
/// by the threshold; it stops when the best bound left cannot beat the k-th hit.</description></item>
/// </list>
/// <para>
/// Why unigram units and not syllable bigrams as keys: q-grams give a count bound of
/// max(n, m) − q + 1 − q·d shared grams; at θ = 50 (d ≤ max/2) with q = 2 that is 1 − q ≤ 0, so it filters
/// nothing and an exact search would have to scan everything. Unigrams keep a useful bound (half the units)
/// at any θ above 0. Bigrams could be added later as a faster candidate source for θ well above 50.
/// </para>
/// <para>Allocation: none per search except the result array; all buffers belong to the thread and grow once.</para>
/// </remarks>
internal sealed class Searcher
{
    // A counter value for a slot that was touched but is not (or no longer) a candidate: out of the length
    // range, pruned, or already verified. Negative, so "counter > 0" means "live candidate".
    private const int NotCandidate = int.MinValue / 2;

    // Candidates verified before the count filter to raise the threshold early.
    private const int ExtraSeeds = 4;

    [ThreadStatic]
    private static Searcher? t_instance;

    private readonly QueryTermTable _table = new();
    private readonly BitParallelLevenshtein _verifier = new();
    private readonly TopHits _hits = new();
    private int[] _query = new int[64];
    private int[] _counters = [];
    private int[] _touched = new int[256];
    private int _touchedCount;
    private int[] _candidates = new int[256];
    private int _candidateCount;
    private int[] _termOrder = new int[64];
    private int[] _termKeys = new int[64];
    private int[] _histogram = new int[65];
    private int[] _ordered = new int[256];
    private int[] _requiredOverlap = new int[64];

    private SegmentStore _store = null!;
    private MatchCosts _costs = null!;
    private int _n;
    private ulong _fingerprint;
    private double _minScore;
    private int _minLength;
    private int _maxLength;

    public static Searcher ForCurrentThread() => t_instance ??= new Searcher();

    /// <summary>Analyzes <paramref name="text"/> into this searcher's query buffer; returns the unit count.</summary>
    public int SetQuery(string text, Analysis.TermDictionary terms)
    {
        _n = UnitAnalysis.Analyze(text, terms, addNewTerms: false, ref _query, out _fingerprint);
        return _n;
    }

    public FuzzyHit[] Search(SegmentStore store, MatchCosts costs, MatchOptions options)
    {
        _store = store;
        _costs = costs;
        _minScore = options.MinScore;
        _hits.Reset(options.MaxResults);
        if (store.Count == 0)
        {
            return [];
        }

        ReadOnlySpan<int> query = _query.AsSpan(0, _n);
        if (_counters.Length < store.SlotCount)
        {
            _counters = new int[Math.Max(store.SlotCount, _counters.Length * 2)];
        }

        _table.Build(query);
        _verifier.SetQuery(query, _table);
        try
        {
            FindAndVerify();
            if (_minScore <= 0 && !_hits.IsFull)
            {
                AddSegmentsSharingNothing();
            }

            return _hits.ToSortedArray();
        }
        finally
        {
            // Counters must be zero for the next search, even after an exception.
            for (int i = 0; i < _touchedCount; i++)
            {
                _counters[_touched[i]] = 0;
            }

            _touchedCount = 0;
            _candidateCount = 0;
            _store = null!;
        }
    }

    private void FindAndVerify()
    {
        int n = _n;
        int maxDistanceAtN = _costs.MaxDistance(n, _minScore);
        _minLength = n - maxDistanceAtN;
        _maxLength = n;
        while (_maxLength < _store.MaxLength && _maxLength + 1 - n <= _costs.MaxDistance(_maxLength + 1, _minScore))
        {
            _maxLength++;
        }

        // Every segment that can score θ shares at least this many units (and, at θ = 0, segments that share
        // none are added afterwards with their score of 0).
        int minOverlap = Math.Max(1, n - maxDistanceAtN);

        int terms = OrderTermsByRarity();
        int needed = n - minOverlap + 1;
        int covered = _table.UnknownCount;
        int next = 0;
        while (covered < needed && next < terms)
        {
            int local = _termOrder[next++];
            ScanPostings(_table.Terms[local], _table.Counts[local], addCandidates: true);
            covered += _table.Counts[local];
        }

        int remaining = n - covered;
        CollectCandidates();
        Seed(remaining);

        // Count filter: scan (or probe) the next rarest term while that is cheaper than verifying the
        // candidates left; each term lowers what the unscanned units could add, so bounds tighten and the
        // prune before the next step drops more. A verification costs about as much as scanning n + 16
        // postings (measured: ~1 µs against ~10 ns a posting, dominated by cache misses in both).
        while (next < terms)
        {
            Prune(remaining);
            if (_candidateCount == 0)
            {
                return;
            }

            int local = _termOrder[next];
            int postings = _store.Postings(_table.Terms[local]).Length;
            long scanCost = postings;
            long probeCost = (long)_candidateCount * (BitOperations.Log2((uint)postings + 1) + 1) * 4;
            long verifyCost = (long)_candidateCount * (n + 16);
            if (Math.Min(scanCost, probeCost) > verifyCost)
            {
                break;
            }

            if (scanCost <= probeCost)
            {
                ScanPostings(_table.Terms[local], _table.Counts[local], addCandidates: false);
            }
            else
            {
                Probe(_table.Terms[local], _table.Counts[local]);
            }

            remaining -= _table.Counts[local];
            next++;
        }

        Prune(remaining);
        VerifyBestFirst(remaining);
    }

    /// <summary>Sorts the query's distinct terms by postings length, rarest first; returns their number.</summary>
    private int OrderTermsByRarity()
    {
        int count = _table.Count;
        if (_termOrder.Length < count)
        {
            _termOrder = new int[count * 2];
            _termKeys = new int[count * 2];
        }

        for (int i = 0; i < count; i++)
        {
            _termOrder[i] = i;
            _termKeys[i] = _store.Postings(_table.Terms[i]).Length;
        }

        _termKeys.AsSpan(0, count).Sort(_termOrder.AsSpan(0, count));
        return count;
    }

    private void ScanPostings(int term, int queryCount, bool addCandidates)
    {
        ReadOnlySpan<int> postings = _store.Postings(term);
        ReadOnlySpan<int> lengths = _store.Lengths;
        int[] counters = _counters;
        for (int i = 0; i < postings.Length; i++)
        {
            int slot = postings[i];
            int occurrences = 1;
            while (i + 1 < postings.Length && postings[i + 1] == slot)
            {
                occurrences++;
                i++;
            }

            int counter = counters[slot];
            if (counter == 0)
            {
                if (!addCandidates)
                {
                    continue;
                }

                Touch(slot);
                int length = lengths[slot];
                if (length < _minLength || length > _maxLength)
                {
                    counters[slot] = NotCandidate;
                    continue;
                }
            }
            else if (counter < 0)
            {
                continue;
            }

            counters[slot] = counter + Math.Min(queryCount, occurrences);
        }
    }

    private void Probe(int term, int queryCount)
    {
        ReadOnlySpan<int> postings = _store.Postings(term);
        for (int c = 0; c < _candidateCount; c++)
        {
            int slot = _candidates[c];
            int at = postings.BinarySearch(slot);
            if (at < 0)
            {
                continue;
            }

            int first = at;
            while (first > 0 && postings[first - 1] == slot)
            {
                first--;
            }

            int last = at;
            while (last + 1 < postings.Length && postings[last + 1] == slot)
            {
                last++;
            }

            _counters[slot] += Math.Min(queryCount, last - first + 1);
        }
    }

    private void Touch(int slot)
    {
        if (_touchedCount == _touched.Length)
        {
            Array.Resize(ref _touched, _touched.Length * 2);
        }

        _touched[_touchedCount++] = slot;
    }

    private void CollectCandidates()
    {
        if (_candidates.Length < _touchedCount)
        {
            _candidates = new int[_touched.Length];
        }

        _candidateCount = 0;
        for (int i = 0; i < _touchedCount; i++)
        {
            int slot = _touched[i];
            if (_counters[slot] > 0)
            {
                _candidates[_candidateCount++] = slot;
            }
        }
    }

    /// <summary>The threshold a candidate must reach now: θ, or the k-th kept score once k hits are kept.</summary>
    private double Threshold => _hits.IsFull ? Math.Max(_minScore, _hits.Worst.Score) : _minScore;

    /// <summary>An upper bound on the overlap of a candidate that shares <paramref name="shared"/> units through the scanned terms.</summary>
    private static int OverlapBound(int shared, int length, int remaining) => shared + Math.Min(remaining, length - shared);

    /// <summary>Verifies the few candidates with the highest counts, so that the k-th score can prune the rest.</summary>
    private void Seed(int remaining)
    {
        int seeds = Math.Min(_candidateCount, _hits.Capacity + ExtraSeeds);
        if (seeds == 0)
        {
            return;
        }

        // Histogram of counts (each at most n) to find the count of the seeds-th best candidate.
        Span<int> histogram = Histogram(_n + 1);
        for (int c = 0; c < _candidateCount; c++)
        {
            histogram[_counters[_candidates[c]]]++;
        }

        int cutoff = _n;
        int above = histogram[cutoff];
        while (above < seeds && cutoff > 1)
        {
            above += histogram[--cutoff];
        }

        int atCutoff = seeds - (above - histogram[cutoff]);
        for (int c = 0; c < _candidateCount && seeds > 0; c++)
        {
            int slot = _candidates[c];
            int shared = _counters[slot];
            if (shared > cutoff || (shared == cutoff && atCutoff-- > 0))
            {
                Verify(slot, OverlapBound(shared, _store.Lengths[slot], remaining));
                _counters[slot] = NotCandidate;
                seeds--;
            }
        }
    }

    /// <summary>Drops candidates whose overlap bound is below what the current threshold needs.</summary>
    private void Prune(int remaining)
    {
        double threshold = Threshold;
        int n = _n;
        int span = _maxLength - _minLength + 1;
        if (_requiredOverlap.Length < span)
        {
            _requiredOverlap = new int[span * 2];
        }

        for (int m = _minLength; m <= _maxLength; m++)
        {
            int longer = Math.Max(n, m);
            _requiredOverlap[m - _minLength] = Math.Max(1, longer - _costs.MaxDistance(longer, threshold));
        }

        ReadOnlySpan<int> lengths = _store.Lengths;
        int kept = 0;
        for (int c = 0; c < _candidateCount; c++)
        {
            int slot = _candidates[c];
            int shared = _counters[slot];
            if (shared <= 0)
            {
                continue;
            }

            int length = lengths[slot];
            if (OverlapBound(shared, length, remaining) < _requiredOverlap[length - _minLength])
            {
                _counters[slot] = NotCandidate;
                continue;
            }

            _candidates[kept++] = slot;
        }

        _candidateCount = kept;
    }

    /// <summary>Verifies the candidates in descending order of overlap bound, stopping when no bound left can make the top k.</summary>
    private void VerifyBestFirst(int remaining)
    {
        int n = _n;
        ReadOnlySpan<int> lengths = _store.Lengths;
        Span<int> histogram = Histogram(n + 2);
        for (int c = 0; c < _candidateCount; c++)
        {
            int slot = _candidates[c];
            histogram[OverlapBound(_counters[slot], lengths[slot], remaining)]++;
        }

        // Counting sort by bound, highest first: start[b] is where bound b begins in _ordered.
        int position = 0;
        for (int bound = n; bound >= 0; bound--)
        {
            int size = histogram[bound];
            histogram[bound] = position;
            position += size;
        }

        if (_ordered.Length < _candidateCount)
        {
            _ordered = new int[_candidates.Length];
        }

        for (int c = 0; c < _candidateCount; c++)
        {
            int slot = _candidates[c];
            _ordered[histogram[OverlapBound(_counters[slot], lengths[slot], remaining)]++] = slot;
        }

        for (int i = 0; i < _candidateCount; i++)
        {
            int slot = _ordered[i];
            int bound = OverlapBound(_counters[slot], lengths[slot], remaining);
            // M ≥ n for every candidate and the score bound falls as M grows, so this bounds the rest too.
            double best = _costs.Score(n - bound, n, sameText: true);
            if (best < Threshold)
            {
                return;
            }

            Verify(slot, bound);
        }
    }

    /// <summary>Scores one candidate if its overlap bound and then its bounded distance allow it to enter the top k.</summary>
    private void Verify(int slot, int overlapBound)
    {
        int length = _store.Lengths[slot];
        int longer = Math.Max(_n, length);
        int id = _store.IdOf(slot);
        double threshold = Threshold;
        double best = _costs.Score(longer - overlapBound, longer, sameText: true);
        if (best < threshold || !_hits.WouldKeep(best, id))
        {
            return;
        }

        int maxDistance = _costs.MaxDistance(longer, threshold);
        if (longer - overlapBound > maxDistance)
        {
            return;
        }

        int distance = _verifier.Distance(_store.UnitsOf(slot), maxDistance);
        if (distance > maxDistance)
        {
            return;
        }

        double score = _costs.Score(distance, longer, sameText: distance == 0 && _store.FingerprintOf(slot) == _fingerprint);
        if (score >= _minScore)
        {
            _hits.Offer(score, id);
        }
    }

    /// <summary>At θ = 0 every segment qualifies: fills the top k with segments that share no unit (score 0), lowest ids first.</summary>
    private void AddSegmentsSharingNothing()
    {
        ReadOnlySpan<int> lengths = _store.Lengths;
        // Every slot, not just until k are kept: slots are in insertion order, not id order, and a lower id
        // found later must replace a higher one.
        for (int slot = 0; slot < lengths.Length; slot++)
        {
            if (lengths[slot] >= 0 && _counters[slot] == 0)
            {
                _hits.Offer(0, _store.IdOf(slot));
            }
        }
    }

    private Span<int> Histogram(int size)
    {
        if (_histogram.Length < size)
        {
            _histogram = new int[size * 2];
        }

        Span<int> histogram = _histogram.AsSpan(0, size);
        histogram.Clear();
        return histogram;
    }
}
