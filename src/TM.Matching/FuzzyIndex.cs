using TM.Analysis;
using TM.Matching.Internal;

namespace TM.Matching;

/// <summary>
/// The fuzzy-match index of one language side of one translation memory: finds the stored segments most
/// similar to a query, exactly as <see cref="FuzzyScorer"/> would rank them by scoring every segment.
/// </summary>
/// <remarks>
/// <para>
/// How it stays fast without losing exactness is described in SCORING.md: an inverted index over units,
/// length, prefix and count filters that only drop segments which provably cannot reach the threshold,
/// and a bounded bit-parallel edit distance for the rest, verified best first.
/// </para>
/// <para>
/// Thread safety: all members may be called concurrently. Searches share a read lock and run in parallel;
/// <see cref="Add"/>, <see cref="AddRange"/> and <see cref="Remove"/> take the write lock only to apply an
/// already analyzed change. A <see cref="ReaderWriterLockSlim"/> rather than copy-on-write snapshots because
/// writes are frequent and small (a translator confirms a segment every few seconds): a snapshot would copy
/// the postings, hundreds of megabytes at a million segments, on every write, while the write lock is held
/// for O(units of the change) — microseconds for one segment.
/// </para>
/// <para>
/// The lock's wait handles are released by their finalizers when the index is collected; an index lives as
/// long as its memory, so the type is not <see cref="IDisposable"/>.
/// </para>
/// </remarks>
public sealed class FuzzyIndex
{
    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private readonly TermDictionary _terms = new();
    private readonly SegmentStore _store = new();
    private readonly MatchCosts _costs;

    /// <summary>Creates an empty index.</summary>
    /// <param name="costs">The scoring costs; <see langword="null"/> for <see cref="MatchCosts.Default"/>.</param>
    public FuzzyIndex(MatchCosts? costs = null)
    {
        _costs = costs ?? MatchCosts.Default;
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
        int[] units = AnalyzeForIndex(text, out ulong fingerprint);
        _lock.EnterWriteLock();
        try
        {
            _store.Add(id, units, fingerprint);
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
        // Analysis (the expensive part) runs outside the lock, so a bulk import does not stall searches.
        var units = new int[items.Count][];
        var fingerprints = new ulong[items.Count];
        for (int i = 0; i < items.Count; i++)
        {
            string text = items[i].Value ?? throw new ArgumentNullException(nameof(items), $"The text of item {i} (id {items[i].Key}) is null.");
            units[i] = AnalyzeForIndex(text, out fingerprints[i]);
        }

        _lock.EnterWriteLock();
        try
        {
            for (int i = 0; i < items.Count; i++)
            {
                _store.Add(items[i].Key, units[i], fingerprints[i]);
            }
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
    public IReadOnlyList<FuzzyHit> Search(string query, MatchOptions options)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Searcher searcher = Searcher.ForCurrentThread();
        _lock.EnterReadLock();
        try
        {
            // Unit ids are looked up under the lock, so a term whose segments are being added right now is
            // either known with its postings or unknown without them, never known without them.
            if (searcher.SetQuery(query, _terms) == 0)
            {
                throw new ArgumentException("The query has nothing to match: it contains no words, syllables, numbers or symbols, only punctuation or whitespace.", nameof(query));
            }

            return searcher.Search(_store, _costs, options);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    private int[] AnalyzeForIndex(string text, out ulong fingerprint)
    {
        int[] buffer = new int[Math.Min(text.Length + 1, 256)];
        int count = UnitAnalysis.Analyze(text, _terms, addNewTerms: true, ref buffer, out fingerprint);
        return buffer.AsSpan(0, count).ToArray();
    }
}
