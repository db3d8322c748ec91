namespace TM.Matching.Internal;

/// <summary>
/// The inverted index of one <see cref="SegmentStore"/>, over keys rather than units: the k-th occurrence of
/// a unit in a segment is the key (unit, k). A segment then has a set of keys, and the multiset overlap of
/// two unit sequences, Σ min(count in query, count in segment) over units, is the number of keys they share.
/// That turns counting into adding 0/1 planes, which is what makes bit-sliced counting possible.
/// </summary>
/// <remarks>
/// <para>
/// A key is stored one of two ways, by density. A frequent key (in at least 1/<c>denseDivisor</c> of the slots)
/// is a bitmap over slots: a search adds it into bit-sliced counters 256 slots per vector operation, where its
/// postings would cost a random access per entry (a third of all segments contain the commonest syllables).
/// Every other key is a postings list of slots (unsorted: slots are handed out page by page per length class).
/// Keys are promoted while segments are added and demoted when the slot capacity grows past them, with a
/// factor of 4 between the two so that a key near the line does not flip back and forth.
/// </para>
/// <para>
/// Keys of a unit form a chain: <see cref="FirstKey"/> is (unit, 1), <see cref="NextLevel"/> leads to (unit, 2)
/// and so on. Removing a segment clears its bits from the bitmaps at once; its postings entries stay until the
/// store compacts, and searches skip them because the slot is dead.
/// </para>
/// </remarks>
internal sealed class KeyIndex
{
    private const int None = -1;
    private const int DemotionFactor = 4;

    private readonly long _denseDivisor;
    private readonly int _minDenseSlots;

    private int[] _firstKey = [];
    private int[] _nextLevel = new int[64];
    private int[] _counts = new int[64];
    private int[][] _postings = new int[64][];
    private ulong[]?[] _bitmaps = new ulong[64][];
    private int _capacitySlots;

    // Per term scratch for Add/Remove: occurrences so far in the segment and the key of the last one.
    private int[] _occurrences = [];
    private int[] _lastKey = [];

    // denseDivisor: a key becomes a bitmap once it is in 1/denseDivisor of the slot capacity; 0 keeps every key
    // a postings list. minDenseSlots: no bitmaps below this slot capacity (a bitmap costs per slot, not per entry).
    public KeyIndex(int denseDivisor, int minDenseSlots)
    {
        _denseDivisor = denseDivisor;
        _minDenseSlots = minDenseSlots;
    }

    /// <summary>The number of keys.</summary>
    public int Count { get; private set; }

    /// <summary>Keys stored as bitmaps.</summary>
    public int DenseCount { get; private set; }

    /// <summary>Managed bytes held by postings and bitmaps (array payloads only).</summary>
    public long Bytes
    {
        get
        {
            long bytes = 0;
            for (int key = 0; key < Count; key++)
            {
                bytes += _bitmaps[key] is { } bitmap ? bitmap.Length * 8L : _postings[key].Length * 4L;
            }

            return bytes;
        }
    }

    /// <summary>The key (term, 1), or -1 when no segment has the term.</summary>
    public int FirstKey(int term) => (uint)term < (uint)_firstKey.Length ? _firstKey[term] : None;

    /// <summary>The key one occurrence above <paramref name="key"/>, or -1 when no segment has that many.</summary>
    public int NextLevel(int key) => _nextLevel[key];

    /// <summary>The number of slots with the key (a postings list also counts dead ones).</summary>
    public int CountOf(int key) => _counts[key];

    /// <summary>The key's bitmap over slots (capacity / 64 words), or null when it is a postings list.</summary>
    public ulong[]? Bitmap(int key) => _bitmaps[key];

    /// <summary>The key's slots, unsorted, possibly with dead ones; empty for a bitmap key.</summary>
    public ReadOnlySpan<int> Postings(int key) => _bitmaps[key] is null ? _postings[key].AsSpan(0, _counts[key]) : default;

    /// <summary>
    /// Records the keys of <paramref name="units"/> for <paramref name="slot"/>; <paramref name="lengths"/> (unit
    /// counts by slot, -1 dead) tells which entries to keep when a postings list becomes a bitmap.
    /// </summary>
    public void Add(ReadOnlySpan<int> units, int slot, ReadOnlySpan<int> lengths)
    {
        EnsureTerms(units);
        foreach (int term in units)
        {
            int key = KeyOfNextOccurrence(term, create: true);
            AddToKey(key, slot, lengths);
        }

        ResetOccurrences(units);
    }

    /// <summary>Clears the bits of a segment that is being removed (its postings entries go at compaction).</summary>
    public void Remove(ReadOnlySpan<int> units, int slot)
    {
        EnsureTerms(units);
        foreach (int term in units)
        {
            int key = KeyOfNextOccurrence(term, create: false);
            if (_bitmaps[key] is { } bitmap)
            {
                bitmap[slot >> 6] &= ~(1UL << slot);
                _counts[key]--;
            }
        }

        ResetOccurrences(units);
    }

    /// <summary>Grows every bitmap to <paramref name="slots"/> (a multiple of 64) and demotes the keys that have become rare.</summary>
    public void SetCapacity(int slots)
    {
        _capacitySlots = slots;
        int words = slots >> 6;
        for (int key = 0; key < Count; key++)
        {
            if (_bitmaps[key] is not { } bitmap)
            {
                continue;
            }

            if ((long)_counts[key] * _denseDivisor * DemotionFactor < slots)
            {
                Demote(key, bitmap);
            }
            else
            {
                Array.Resize(ref _bitmaps[key], words);
            }
        }
    }

    /// <summary>Forgets every key's entries (not the keys): the store re-adds its live segments after compacting.</summary>
    public void ClearEntries()
    {
        for (int key = 0; key < Count; key++)
        {
            _counts[key] = 0;
            _postings[key] = [];
            _bitmaps[key] = null;
        }

        DenseCount = 0;
    }

    private int KeyOfNextOccurrence(int term, bool create)
    {
        int level = _occurrences[term]++;
        int key;
        if (level == 0)
        {
            key = _firstKey[term];
            if (key == None && create)
            {
                key = _firstKey[term] = NewKey();
            }
        }
        else
        {
            int below = _lastKey[term];
            key = _nextLevel[below];
            if (key == None && create)
            {
                key = NewKey();
                _nextLevel[below] = key;
            }
        }

        _lastKey[term] = key;
        return key;
    }

    private void ResetOccurrences(ReadOnlySpan<int> units)
    {
        foreach (int term in units)
        {
            _occurrences[term] = 0;
        }
    }

    private void AddToKey(int key, int slot, ReadOnlySpan<int> lengths)
    {
        int count = _counts[key];
        if (_bitmaps[key] is { } bitmap)
        {
            bitmap[slot >> 6] |= 1UL << slot;
            _counts[key] = count + 1;
            return;
        }

        int[] list = _postings[key];
        if (count == list.Length)
        {
            Array.Resize(ref list, Math.Max(4, count + (count >> 1)));
            _postings[key] = list;
        }

        list[count] = slot;
        _counts[key] = ++count;
        if (_capacitySlots >= _minDenseSlots && (long)count * _denseDivisor >= _capacitySlots)
        {
            Promote(key, lengths);
        }
    }

    private void Promote(int key, ReadOnlySpan<int> lengths)
    {
        var bitmap = new ulong[_capacitySlots >> 6];
        int live = 0;
        foreach (int slot in _postings[key].AsSpan(0, _counts[key]))
        {
            if (lengths[slot] >= 0)
            {
                bitmap[slot >> 6] |= 1UL << slot;
                live++;
            }
        }

        _bitmaps[key] = bitmap;
        _postings[key] = [];
        _counts[key] = live;
        DenseCount++;
    }

    private void Demote(int key, ulong[] bitmap)
    {
        var list = new int[_counts[key]];
        int count = 0;
        for (int word = 0; word < bitmap.Length; word++)
        {
            ulong bits = bitmap[word];
            while (bits != 0)
            {
                list[count++] = (word << 6) + System.Numerics.BitOperations.TrailingZeroCount(bits);
                bits &= bits - 1;
            }
        }

        _postings[key] = list;
        _bitmaps[key] = null;
        DenseCount--;
    }

    private int NewKey()
    {
        if (Count == _nextLevel.Length)
        {
            int size = Count * 2;
            Array.Resize(ref _nextLevel, size);
            Array.Resize(ref _counts, size);
            Array.Resize(ref _postings, size);
            Array.Resize(ref _bitmaps, size);
        }

        int key = Count++;
        _nextLevel[key] = None;
        _counts[key] = 0;
        _postings[key] = [];
        _bitmaps[key] = null;
        return key;
    }

    private void EnsureTerms(ReadOnlySpan<int> units)
    {
        int max = -1;
        foreach (int term in units)
        {
            max = Math.Max(max, term);
        }

        if (max < _firstKey.Length)
        {
            return;
        }

        int old = _firstKey.Length;
        int size = Math.Max(max + 1, old * 2);
        Array.Resize(ref _firstKey, size);
        Array.Resize(ref _occurrences, size);
        Array.Resize(ref _lastKey, size);
        _firstKey.AsSpan(old).Fill(None);
    }
}
