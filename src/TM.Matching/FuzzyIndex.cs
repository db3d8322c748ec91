using TM.Analysis;
using TM.Matching.Internal;

namespace TM.Matching;

/// <summary>
/// The fuzzy-match index of one language side of one translation memory: finds the stored segments most
/// similar to a query, exactly as <see cref="FuzzyScorer"/> would rank them by scoring every segment.
/// </summary>
/// <remarks>
/// <para>
/// How it stays fast without losing exactness is described in SCORING.md: segments grouped in pages by length,
/// an exact count of the units every segment in the length range shares with the query (frequent units as
/// bitmaps added bit-sliced, 256 segments per vector operation; rare ones as postings), which drops only
/// segments that provably cannot reach the threshold, and a bounded bit-parallel edit distance for the rest,
/// verified best first.
/// </para>
/// <para>
/// Thread safety: all members may be called concurrently. Searches share a read lock and run in parallel;
/// <see cref="Add"/>, <see cref="AddRange"/> and <see cref="Remove"/> take the write lock only to apply an
/// already analyzed change, except <see cref="AddRange"/> on an empty index, which holds it while it analyzes
/// (a search then waits for the whole memory instead of seeing none of it). A <see cref="ReaderWriterLockSlim"/> rather than copy-on-write snapshots because
/// writes are frequent and small (a translator confirms a segment every few seconds): a snapshot would copy
/// the bitmaps and postings, hundreds of megabytes at a million segments, on every write, while the write lock is held
/// for O(units of the change) — microseconds for one segment.
/// </para>
/// <para>
/// The lock's wait handles are released by their finalizers when the index is collected; an index lives as
/// long as its memory, so the type is not <see cref="IDisposable"/>.
/// </para>
/// </remarks>
public sealed partial class FuzzyIndex
{
    // One growable unit buffer per thread for Add.
    [ThreadStatic]
    private static int[]? t_analysisBuffer;

    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private readonly TermDictionary _terms = new();
    private readonly SingleCharTermIds _charIds = new();
    private readonly MatchCosts _costs;
    private readonly int _denseDivisor;
    private readonly int _minDenseSlots;
    private SegmentStore _store;

    /// <summary>Creates an empty index.</summary>
    /// <param name="costs">The scoring costs; <see langword="null"/> for <see cref="MatchCosts.Default"/>.</param>
    public FuzzyIndex(MatchCosts? costs = null)
        : this(costs, SegmentStore.DefaultDenseDivisor, SegmentStore.DefaultMinDenseSlots)
    {
    }

    /// <summary>Creates an empty index with a chosen split between bitmap and postings keys (tests reach both paths with it).</summary>
    /// <param name="costs">The scoring costs; <see langword="null"/> for <see cref="MatchCosts.Default"/>.</param>
    /// <param name="denseDivisor">A key in at least 1/<paramref name="denseDivisor"/> of the slots is a bitmap; 0 for postings only.</param>
    /// <param name="minDenseSlots">No bitmaps while the index has fewer slots than this.</param>
    internal FuzzyIndex(MatchCosts? costs, int denseDivisor, int minDenseSlots)
    {
        _costs = costs ?? MatchCosts.Default;
        _denseDivisor = denseDivisor;
        _minDenseSlots = minDenseSlots;
        _store = new SegmentStore(_terms, denseDivisor, minDenseSlots);
    }

    /// <summary>The number of segments in the index.</summary>
    public int Count
    {
        get
        {
            _lock.EnterReadLock();
            try
            {
                return _store.Count;
            }
            finally
            {
                _lock.ExitReadLock();
            }
        }
    }

    /// <summary>Adds a segment, replacing the segment with the same id if there is one.</summary>
    /// <param name="id">The caller's id for the segment, returned in <see cref="FuzzyHit.Id"/>.</param>
    /// <param name="text">The segment text. A text without units (only punctuation) is stored and scores 0 against any query.</param>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public void Add(int id, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int[] units = t_analysisBuffer ??= new int[256];
        int count = UnitAnalysis.Analyze(text, _terms, _charIds, addNewTerms: true, ref units, 0, out ulong fingerprint);
        t_analysisBuffer = units;
        _lock.EnterWriteLock();
        try
        {
            _store.Add(id, units.AsSpan(0, count), fingerprint);
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>
    /// Adds segments, replacing those with the same ids, atomically: a concurrent search sees all of them or
    /// none. Within the batch a later item wins over an earlier one with the same id.
    /// </summary>
    /// <param name="items">Pairs of id and text.</param>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> or one of the texts is null; nothing is added then.</exception>
    public void AddRange(IReadOnlyList<KeyValuePair<int, string>> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        for (int i = 0; i < items.Count; i++)
        {
            _ = items[i].Value ?? throw new ArgumentNullException(nameof(items), $"The text of item {i} (id {items[i].Key}) is null.");
        }

        if (items.Count > AnalyzedBatch.BlockSize && TryLoadEmpty(items))
        {
            return;
        }

        // Analysis (the expensive part: normalizing, tokenizing, interning) runs outside the lock, so a bulk import
        // does not stall searches, and on every core for a large batch (the term dictionary is thread-safe).
        using AnalyzedBatch batch = AnalyzedBatch.Analyze(items, _terms, _charIds);
        _lock.EnterWriteLock();
        try
        {
            _store.AddRange(items, batch);
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>Removes the segment with id <paramref name="id"/>.</summary>
    /// <param name="id">The segment id.</param>
    /// <returns><see langword="true"/> if the segment was in the index.</returns>
    public bool Remove(int id)
    {
        _lock.EnterWriteLock();
        try
        {
            return _store.Remove(id);
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>
    /// Finds the segments most similar to <paramref name="query"/>: those scoring at least
    /// <see cref="MatchOptions.MinScore"/>, best first, ties by lower id, at most <see cref="MatchOptions.MaxResults"/>.
    /// </summary>
    /// <param name="query">The text to match.</param>
    /// <param name="options">Threshold and result count.</param>
    /// <returns>The hits, best first; empty when nothing qualifies.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> or <paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="options"/> is out of range.</exception>
    /// <exception cref="ArgumentException"><paramref name="query"/> has no units (only punctuation or whitespace).</exception>
    public IReadOnlyList<FuzzyHit> Search(string query, MatchOptions options) =>
        WithQuery(query, options, static (searcher, store, costs, options) => searcher.Search(store, costs, options));

    /// <summary>
    /// Whether <paramref name="query"/> has anything to match: a word, syllable, number or symbol. <see cref="Search"/>
    /// refuses a query without one (only punctuation or whitespace, such as "—" or "…"); a batch of a document's
    /// segments asks first and gives such a segment no matches instead.
    /// </summary>
    /// <param name="query">The text to match.</param>
    /// <returns>True when <see cref="Search"/> accepts the query.</returns>
    public bool HasSomethingToMatch(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        Searcher searcher = Searcher.ForCurrentThread();
        _lock.EnterReadLock();
        try
        {
            return searcher.SetQuery(query, _terms, _charIds) > 0;
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>
    /// Scores every segment of the index against <paramref name="query"/>, with none of the index's pruning (only
    /// <see cref="MatchOptions.Accepts"/>, when set, still refuses segments), on every core:
    /// the reference <see cref="Search"/> is checked against (the same hits, in the same order), and a way to
    /// measure what the filters save.
    /// </summary>
    /// <param name="query">The text to match.</param>
    /// <param name="options">Threshold and result count.</param>
    /// <returns>The hits, best first; empty when nothing qualifies.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> or <paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="options"/> is out of range.</exception>
    /// <exception cref="ArgumentException"><paramref name="query"/> has no units (only punctuation or whitespace).</exception>
    /// <remarks>O(segments × units): about 0.1–0.2 s per query at a million segments on two cores. Writes wait meanwhile.</remarks>
    public IReadOnlyList<FuzzyHit> SearchExhaustive(string query, MatchOptions options) =>
        WithQuery(query, options, (searcher, store, costs, options) => ExhaustiveScan.Search(store, _terms, costs, options, searcher.Query, searcher.QueryFamilies, searcher.Fingerprint));

    /// <summary>
    /// Loading an empty index (the server's start, a first import): the segments are added while later ones are still
    /// being analyzed, so adding overlaps analysis instead of following it. The write lock is held throughout, which is
    /// what makes this a different path: a search meanwhile waits for the whole memory rather than seeing an empty one.
    /// </summary>
    /// <returns><see langword="false"/> when the index is not empty; nothing is done then.</returns>
    private bool TryLoadEmpty(IReadOnlyList<KeyValuePair<int, string>> items)
    {
        _lock.EnterWriteLock();
        try
        {
            if (_store.Count != 0)
            {
                return false;
            }

            using AnalyzedBatch batch = AnalyzedBatch.Start(items, _terms, _charIds);
            try
            {
                _store.AddRange(items, batch);
            }
            catch
            {
                // The index was empty, so an empty store is exactly what it held: the batch leaves no trace.
                _store = new SegmentStore(_terms, _denseDivisor, _minDenseSlots);
                throw;
            }

            return true;
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>What the index holds, for diagnostics: segments, slots, keys and how they are stored, bytes.</summary>
    internal IndexStatistics Statistics()
    {
        _lock.EnterReadLock();
        try
        {
            return new IndexStatistics(_store.Count, _store.SlotCount, _store.Keys.Count, _store.Keys.DenseCount, _store.Bytes);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>What the calling thread's last <see cref="Search"/> counted and verified (diagnostics).</summary>
    internal static SearchWork LastSearchWork => Searcher.ForCurrentThread().LastWork;

    // Both searches: checks the arguments, analyzes the query into this thread's searcher and runs the search under
    // the read lock. The search is a static lambda, so passing it allocates nothing.
    private FuzzyHit[] WithQuery(string query, MatchOptions options, Func<Searcher, SegmentStore, MatchCosts, MatchOptions, FuzzyHit[]> search)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Searcher searcher = Searcher.ForCurrentThread();
        _lock.EnterReadLock();
        try
        {
            SetQuery(searcher, query);
            return search(searcher, _store, _costs, options);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    // Call under the read lock: unit ids are looked up there, so a term whose segments are being added right now is
    // either known with its postings or unknown without them, never known without them.
    private void SetQuery(Searcher searcher, string query)
    {
        if (searcher.SetQuery(query, _terms, _charIds) == 0)
        {
            throw new ArgumentException("The query has nothing to match: it contains no words, syllables, numbers or symbols, only punctuation or whitespace.", nameof(query));
        }
    }
}
