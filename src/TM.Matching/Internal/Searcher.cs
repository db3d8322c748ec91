using System.Numerics;
using System.Runtime.Intrinsics;

namespace TM.Matching.Internal;

/// <summary>
/// One thread's search machinery: counts, for every segment whose length can reach the threshold, exactly how
/// many units it shares with the query, then verifies those whose count can reach the threshold with a bounded
/// edit distance, best first. Returns exactly what scoring every segment would (SCORING.md §4 has the bounds
/// and why they are safe).
/// </summary>
/// <remarks>
/// <para>Stages, for a query of n units, threshold θ and k results:</para>
/// <list type="number">
/// <item><description>Length filter: d ≥ |n − m|, so only lengths m with |n − m| ≤ dmax(max(n, m)) can score θ; the
/// store's pages are grouped by length class, and pages of other classes are never touched.</description></item>
/// <item><description>Keys: the query's units become keys (unit, k-th occurrence); the multiset overlap of a segment
/// with the query is the number of these keys it has. Keys stored as postings lists (rare) are first added into
/// bit-sliced per-slot counters of their own (a random access per entry, but there are few entries).</description></item>
/// <item><description>Count filter, exact: for each page in the length range, the bitmaps of the frequent keys and the
/// sparse counters are added bit-sliced (<see cref="BitSlicedCounter"/>) and compared with the overlap the page's
/// length class needs; each slot that passes is checked against the overlap its own length needs,
/// t(M) = M − dmax(M) with M = max(n, m).</description></item>
/// <item><description>Verification, in descending order of overlap, with the bit-parallel distance bounded by the
/// threshold; once k hits are kept the k-th score replaces θ, and verification stops when the best overlap left
/// cannot beat it. A candidate that <see cref="MatchOptions.Accepts"/> refuses is dropped before its distance is
/// computed and never offered, so only accepted hits raise the threshold (SCORING.md §4).</description></item>
/// </list>
/// <para>Allocation: none per search except the result array; all buffers belong to the thread and grow once.</para>
/// </remarks>
internal sealed class Searcher
{
    [ThreadStatic]
    private static Searcher? t_instance;

    private readonly QueryTermTable _table = new();
    private readonly BitParallelLevenshtein _verifier = new();
    private readonly TopHits _hits = new();
    private int[] _query = new int[64];
    private int[] _queryFamilies = new int[64];
    private int[] _familySurface = new int[64];
    private bool _queryHasVariants;
    private Analysis.TermDictionary _terms = null!;
    private readonly BitSlicedCounter _counter = new();
    private ulong[][] _denseKeys = new ulong[64][];
    private int[] _denseOrder = new int[64];
    private int _denseCount;
    private int[] _tilePages = new int[BitSlicedCounter.TilePages];
    private int[] _tileThresholds = new int[BitSlicedCounter.TilePages];
    private int[] _sparseKeys = new int[64];
    private int _sparseCount;
    private ulong[] _sparsePlanes = [];
    private bool _sparseDirty;
    private int _sparseBits;
    private int[] _requiredOverlap = new int[128];
    private readonly int[] _classThreshold = new int[LengthClasses.Count];
    private readonly bool[] _classInRange = new bool[LengthClasses.Count];
    private int[] _candidateSlots = new int[256];
    private int[] _candidateOverlaps = new int[256];
    private int[] _candidateLengths = new int[256];
    private int _candidateCount;
    private int _pagesInRange;
    private int[] _ordered = new int[256];
    private int[] _histogram = new int[65];

    private SegmentStore _store = null!;
    private MatchCosts _costs = null!;
    private int _n;
    private ulong _fingerprint;
    private double _minScore;
    private Func<int, bool>? _accepts;
    private int _minLength;
    private int _maxLength;
    private int _minClass;
    private int _maxClass;

    public static Searcher ForCurrentThread() => t_instance ??= new Searcher();

    /// <summary>The unit ids of the query set by <see cref="SetQuery"/>.</summary>
    public ReadOnlySpan<int> Query => _query.AsSpan(0, _n);

    /// <summary>The family of each query unit (<see cref="Analysis.TermDictionary.FindFamily"/>).</summary>
    public ReadOnlySpan<int> QueryFamilies => _queryFamilies.AsSpan(0, _n);

    /// <summary>The fingerprint of the query's normalized text.</summary>
    public ulong Fingerprint => _fingerprint;

    /// <summary>What the last search did (for the benchmark's diagnostics).</summary>
    public SearchWork LastWork { get; private set; }

    /// <summary>Analyzes <paramref name="text"/> into this searcher's query buffer; returns the unit count.</summary>
    public int SetQuery(string text, Analysis.TermDictionary terms, SingleCharTermIds charIds)
    {
        _n = UnitAnalysis.AnalyzeQuery(text, terms, charIds, ref _query, ref _queryFamilies, out _fingerprint);
        _terms = terms;
        return _n;
    }

    public FuzzyHit[] Search(SegmentStore store, MatchCosts costs, MatchOptions options)
    {
        _store = store;
        _costs = costs;
        _minScore = options.MinScore;
        _accepts = options.Accepts;
        _hits.Reset(options.MaxResults);
        LastWork = default;
        _counter.ResetLoads();
        if (store.Count == 0)
        {
            return [];
        }

        // Keys and the bit-parallel bound are by family: a variant of a query unit counts as shared and costs nothing there,
        // so both stay lower bounds of the distance with variant costs (SCORING.md §4).
        ReadOnlySpan<int> families = _queryFamilies.AsSpan(0, _n);
        _table.Build(families);
        _verifier.SetQuery(families, _table);
        PrepareVariantCheck();
        try
        {
            SetLengthRange();
            CollectKeys();
            ScatterSparseKeys();
            CountPages();
            LastWork = new SearchWork(_denseCount, _sparseCount, _pagesInRange, _counter.Loads, _candidateCount);
            VerifyBestFirst();
            return _hits.ToSortedArray();
        }
        finally
        {
            if (_sparseDirty)
            {
                // Only after an exception: a completed count clears every page it scattered into.
                _sparsePlanes.AsSpan().Clear();
                _sparseDirty = false;
            }

            _candidateCount = 0;
            _store = null!;
            _terms = null!;
            // The searcher outlives the search (one per thread): it must not keep the caller's filter, and what the
            // filter holds, alive.
            _accepts = null;
        }
    }

    /// <summary>The lengths that can reach θ, the overlap each needs, and the threshold of each length class.</summary>
    private void SetLengthRange()
    {
        int n = _n;
        _minLength = n - _costs.MaxDistance(n, _minScore);
        _maxLength = n;
        while (_maxLength < _store.MaxLength && _maxLength + 1 - n <= _costs.MaxDistance(_maxLength + 1, _minScore))
        {
            _maxLength++;
        }

        int span = _maxLength - _minLength + 1;
        if (_requiredOverlap.Length < span)
        {
            _requiredOverlap = new int[span * 2];
        }

        for (int m = _minLength; m <= _maxLength; m++)
        {
            int longer = Math.Max(n, m);
            _requiredOverlap[m - _minLength] = longer - _costs.MaxDistance(longer, _minScore);
        }

        _minClass = LengthClasses.Of(_minLength);
        _maxClass = LengthClasses.Of(_maxLength);
        Array.Clear(_classInRange);
        for (int c = _minClass; c <= _maxClass; c++)
        {
            int low = Math.Max(LengthClasses.Low(c), _minLength);
            int high = Math.Min(LengthClasses.High(c), _maxLength);
            int threshold = int.MaxValue;
            for (int m = low; m <= high; m++)
            {
                threshold = Math.Min(threshold, _requiredOverlap[m - _minLength]);
            }

            _classThreshold[c] = threshold;
            _classInRange[c] = true;
        }
    }

    /// <summary>The query's keys (unit, k) for k up to the unit's count in the query, split by how they are stored.</summary>
    private void CollectKeys()
    {
        KeyIndex keys = _store.Keys;
        _denseCount = 0;
        _sparseCount = 0;
        ReadOnlySpan<int> terms = _table.Terms;
        ReadOnlySpan<int> counts = _table.Counts;
        for (int i = 0; i < terms.Length; i++)
        {
            int key = keys.FirstKey(terms[i]);
            for (int level = 0; level < counts[i] && key >= 0; level++)
            {
                if (keys.Bitmap(key) is { } bitmap)
                {
                    if (_denseCount == _denseKeys.Length)
                    {
                        Array.Resize(ref _denseKeys, _denseCount * 2);
                        Array.Resize(ref _denseOrder, _denseCount * 2);
                    }

                    _denseOrder[_denseCount] = keys.CountOf(key);
                    _denseKeys[_denseCount++] = bitmap;
                }
                else
                {
                    if (_sparseCount == _sparseKeys.Length)
                    {
                        Array.Resize(ref _sparseKeys, _sparseCount * 2);
                    }

                    _sparseKeys[_sparseCount++] = key;
                }

                key = keys.NextLevel(key);
            }
        }

        // Rarest first: the counter prunes pages once the keys left cannot lift any slot to the threshold.
        _denseOrder.AsSpan(0, _denseCount).Sort(_denseKeys.AsSpan(0, _denseCount));
    }

    /// <summary>
    /// Adds the postings of the sparse keys into bit-sliced counters laid out page by page
    /// (<see cref="_sparseBits"/> planes of 4 words per page), skipping pages outside the length range.
    /// </summary>
    private void ScatterSparseKeys()
    {
        if (_sparseCount == 0)
        {
            _sparseBits = 0;
            return;
        }

        int bits = 32 - BitOperations.LeadingZeroCount((uint)_sparseCount);
        _sparseBits = bits;
        int stride = bits * SegmentStore.WordsPerPage;
        long size = (long)_store.PageCount * stride;
        if (_sparsePlanes.Length < size)
        {
            _sparsePlanes = new ulong[Math.Max(size, Math.Min(Array.MaxLength, _sparsePlanes.Length * 2L))];
        }

        ulong[] planes = _sparsePlanes;
        ReadOnlySpan<byte> pageClasses = _store.PageClasses;
        bool[] inRange = _classInRange;
        KeyIndex keys = _store.Keys;
        _sparseDirty = true;
        for (int k = 0; k < _sparseCount; k++)
        {
            foreach (int slot in keys.Postings(_sparseKeys[k]))
            {
                int page = slot >> SegmentStore.PageShift;
                if (!inRange[pageClasses[page]])
                {
                    continue;
                }

                // Increment a bit-sliced counter: flip bits upward until one flips from 0 to 1.
                int at = (page * stride) + ((slot >> 6) & (SegmentStore.WordsPerPage - 1));
                ulong bit = 1UL << slot;
                for (int b = 0; b < bits; b++, at += SegmentStore.WordsPerPage)
                {
                    ulong old = planes[at];
                    planes[at] = old ^ bit;
                    if ((old & bit) == 0)
                    {
                        break;
                    }
                }
            }
        }
    }

    /// <summary>Counts every page in the length range, tile by tile in page order, and collects the slots whose overlap can reach θ.</summary>
    private void CountPages()
    {
        _candidateCount = 0;
        _pagesInRange = 0;
        int maxTotal = _denseCount + _sparseCount;
        ReadOnlySpan<ulong[]> dense = _denseKeys.AsSpan(0, _denseCount);
        ReadOnlySpan<byte> pageClasses = _store.PageClasses;
        int tile = 0;
        for (int page = 0; page < pageClasses.Length; page++)
        {
            int lengthClass = pageClasses[page];
            if (!_classInRange[lengthClass])
            {
                continue;
            }

            _pagesInRange++;
            _tilePages[tile] = page;
            _tileThresholds[tile] = _classThreshold[lengthClass];
            if (++tile == BitSlicedCounter.TilePages)
            {
                CountTile(dense, tile, maxTotal);
                tile = 0;
            }
        }

        if (tile > 0)
        {
            CountTile(dense, tile, maxTotal);
        }

        _sparseDirty = false;
    }

    private void CountTile(ReadOnlySpan<ulong[]> dense, int tile, int maxTotal)
    {
        _counter.Count(dense, _tilePages.AsSpan(0, tile), _tileThresholds.AsSpan(0, tile), _sparsePlanes, _sparseBits, maxTotal);
        foreach (int position in _counter.Passed)
        {
            CollectPassed(position, _tilePages[position], _counter.PassedSlots(position));
        }
    }

    private void CollectPassed(int position, int page, Vector256<ulong> passed)
    {
        ReadOnlySpan<int> lengths = _store.Lengths;
        int first = page << SegmentStore.PageShift;
        for (int word = 0; word < SegmentStore.WordsPerPage; word++)
        {
            ulong bits = passed.GetElement(word);
            while (bits != 0)
            {
                int inPage = (word << 6) + BitOperations.TrailingZeroCount(bits);
                bits &= bits - 1;
                int slot = first + inPage;
                int length = lengths[slot];
                if (length < _minLength || length > _maxLength)
                {
                    continue;
                }

                int overlap = _counter.TotalOf(position, inPage);
                if (overlap < _requiredOverlap[length - _minLength])
                {
                    continue;
                }

                if (_candidateCount == _candidateSlots.Length)
                {
                    Array.Resize(ref _candidateSlots, _candidateCount * 2);
                    Array.Resize(ref _candidateOverlaps, _candidateCount * 2);
                    Array.Resize(ref _candidateLengths, _candidateCount * 2);
                }

                _candidateSlots[_candidateCount] = slot;
                _candidateLengths[_candidateCount] = length;
                _candidateOverlaps[_candidateCount++] = overlap;
            }
        }
    }

    /// <summary>The threshold a candidate must reach now: θ, or the k-th kept score once k hits are kept.</summary>
    private double Threshold => _hits.IsFull ? Math.Max(_minScore, _hits.Worst.Score) : _minScore;

    /// <summary>Verifies the candidates in descending order of overlap, stopping when no overlap left can make the top k.</summary>
    private void VerifyBestFirst()
    {
        int n = _n;
        int count = _candidateCount;
        Span<int> histogram = Histogram(n + 2);
        for (int c = 0; c < count; c++)
        {
            histogram[_candidateOverlaps[c]]++;
        }

        // Counting sort by overlap, highest first: start[o] is where overlap o begins in _ordered.
        int position = 0;
        for (int overlap = n; overlap >= 0; overlap--)
        {
            int size = histogram[overlap];
            histogram[overlap] = position;
            position += size;
        }

        if (_ordered.Length < count)
        {
            _ordered = new int[_candidateSlots.Length];
        }

        for (int c = 0; c < count; c++)
        {
            _ordered[histogram[_candidateOverlaps[c]]++] = c;
        }

        for (int i = 0; i < count; i++)
        {
            int c = _ordered[i];
            int overlap = _candidateOverlaps[c];
            // The score is at most overlap / max(n, m) ≤ overlap / n, so this bounds every candidate left.
            if (overlap < n && _costs.Score(n - overlap, n, sameText: true) < Threshold)
            {
                return;
            }

            Verify(_candidateSlots[c], _candidateLengths[c], overlap);
        }
    }

    /// <summary>Scores one candidate if its overlap and then its bounded distance allow it to enter the top k.</summary>
    private void Verify(int slot, int length, int overlap)
    {
        int longer = Math.Max(_n, length);
        // At θ the bound is in the table SetLengthRange made; only a full top k (a raised threshold) needs it computed.
        int maxDistance = _hits.IsFull && _hits.Worst.Score > _minScore
            ? _costs.MaxDistance(longer, _hits.Worst.Score)
            : longer - _requiredOverlap[length - _minLength];
        if (longer - overlap > maxDistance)
        {
            return;
        }

        int id = _store.IdOf(slot);
        if (!_hits.WouldKeep(_costs.Score(longer - overlap, longer, sameText: true), id))
        {
            return;
        }

        // A refused segment is not part of this search: dropped before the distance, its most expensive step, and never
        // offered, so the threshold is raised by accepted hits only and the top k is that of the accepted segments.
        if (_accepts is { } accepts && !accepts(id))
        {
            return;
        }

        ReadOnlySpan<int> units = _store.UnitsOf(slot);
        ReadOnlySpan<int> families = _terms.Families;
        int distance = _verifier.Distance(units, families, maxDistance);
        if (distance > maxDistance)
        {
            return;
        }

        double exact = _queryHasVariants && HasVariantOfQueryUnit(units, families)
            ? VariantLevenshtein.Distance(Query, QueryFamilies, units, families, _terms.NumberFamily, _costs)
            : distance;
        double score = _costs.Score(exact, longer, sameText: exact == 0 && _store.FingerprintOf(slot) == _fingerprint);
        if (score >= _minScore)
        {
            _hits.Offer(score, id);
        }
    }

    // For each of the query's families (by its index in the table), the query's one unit of that family, or Mixed when the
    // query has several (agreement … agreements) or one no segment has in that form; and whether any family may meet a
    // variant at all. Korean syllables have no variants, so a Korean query without numbers never needs the check.
    private void PrepareVariantCheck()
    {
        const int Mixed = -2;
        const int Unset = int.MinValue;
        if (_familySurface.Length < _table.Count)
        {
            _familySurface = new int[_table.Count * 2];
        }

        _familySurface.AsSpan(0, _table.Count).Fill(Unset);
        _queryHasVariants = false;
        for (int i = 0; i < _n; i++)
        {
            int family = _queryFamilies[i];
            if (family < 0)
            {
                continue;
            }

            int unit = _query[i];
            int local = _table.Find(family);
            int known = _familySurface[local];
            _familySurface[local] = known == Unset && unit >= 0 ? unit : known == unit ? unit : Mixed;
            _queryHasVariants |= unit < 0 || _terms.HasVariants(family);
        }
    }

    // Whether the text has a unit of a query family other than the query's own unit of it: only then can a variant
    // substitution be part of the alignment, and the distance differ from the bit-parallel one (in which a family's units
    // are equal). Otherwise every pair of one family in any alignment is the same unit, and the two distances are equal.
    private bool HasVariantOfQueryUnit(ReadOnlySpan<int> units, ReadOnlySpan<int> families)
    {
        foreach (int unit in units)
        {
            int local = _table.Find(families[unit]);
            if (local >= 0 && _familySurface[local] != unit)
            {
                return true;
            }
        }

        return false;
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
