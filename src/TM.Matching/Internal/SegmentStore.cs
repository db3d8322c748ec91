namespace TM.Matching.Internal;

/// <summary>
/// The segments of one index and the inverted index over their units. Not thread-safe:
/// <see cref="FuzzyIndex"/> guards it with its lock.
/// </summary>
/// <remarks>
/// <para>
/// Segments live in slots numbered in insertion order, Lucene's doc ids: a postings list (the slots whose
/// segment has the unit, one entry per occurrence) is then sorted by construction, because a new slot is
/// always the largest. Ids are the caller's and arbitrary; replacing or removing a segment only marks its slot
/// dead (length -1). Dead entries are skipped by searches and dropped by <see cref="Compact"/> once they are
/// half of all postings, so a delete is O(1) and the rebuild cost is paid once per that many deletes.
/// </para>
/// <para>
/// Per live segment: its unit ids (for verification), length, fingerprint and id: at 60 units that is about
/// 280 bytes of units and postings plus 40 bytes of bookkeeping.
/// </para>
/// </remarks>
internal sealed class SegmentStore
{
    private const int MinDeadToCompact = 1024;

    private readonly Dictionary<int, int> _slotById = [];
    private int[] _ids = new int[16];
    private int[][] _units = new int[16][];
    private int[] _lengths = new int[16];
    private ulong[] _fingerprints = new ulong[16];
    private int[][] _postings = [];
    private int[] _postingCounts = [];
    private long _postingsTotal;
    private long _postingsDead;

    /// <summary>The number of live segments.</summary>
    public int Count { get; private set; }

    /// <summary>Slots in use, live and dead: the size of per-slot scratch arrays.</summary>
    public int SlotCount { get; private set; }

    /// <summary>The unit count of the longest segment ever added (not lowered by removals).</summary>
    public int MaxLength { get; private set; }

    /// <summary>Unit counts by slot; -1 for a dead slot, so a length range test also skips dead slots.</summary>
    public ReadOnlySpan<int> Lengths => _lengths.AsSpan(0, SlotCount);

    public int IdOf(int slot) => _ids[slot];

    public ReadOnlySpan<int> UnitsOf(int slot) => _units[slot];

    public ulong FingerprintOf(int slot) => _fingerprints[slot];

    /// <summary>The slots whose segment has <paramref name="term"/>, ascending, one entry per occurrence.</summary>
    public ReadOnlySpan<int> Postings(int term) =>
        (uint)term < (uint)_postingCounts.Length ? _postings[term].AsSpan(0, _postingCounts[term]) : default;

    /// <summary>Adds a segment, replacing the one with the same id.</summary>
    public void Add(int id, int[] units, ulong fingerprint)
    {
        if (_slotById.TryGetValue(id, out int old))
        {
            Kill(old);
            CompactIfMostlyDead();
        }

        if (SlotCount == _ids.Length)
        {
            int size = _ids.Length * 2;
            Array.Resize(ref _ids, size);
            Array.Resize(ref _units, size);
            Array.Resize(ref _lengths, size);
            Array.Resize(ref _fingerprints, size);
        }

        int slot = SlotCount++;
        _ids[slot] = id;
        _units[slot] = units;
        _lengths[slot] = units.Length;
        _fingerprints[slot] = fingerprint;
        _slotById[id] = slot;
        MaxLength = Math.Max(MaxLength, units.Length);
        Count++;
        foreach (int term in units)
        {
            Append(term, slot);
        }

        _postingsTotal += units.Length;
    }

    public bool Remove(int id)
    {
        if (!_slotById.Remove(id, out int slot))
        {
            return false;
        }

        Kill(slot);
        CompactIfMostlyDead();
        return true;
    }

    /// <summary>Renumbers the live segments into consecutive slots and rebuilds the postings without dead entries. O(total units).</summary>
    public void Compact()
    {
        int live = 0;
        for (int slot = 0; slot < SlotCount; slot++)
        {
            if (_lengths[slot] < 0)
            {
                continue;
            }

            _ids[live] = _ids[slot];
            _units[live] = _units[slot];
            _lengths[live] = _lengths[slot];
            _fingerprints[live] = _fingerprints[slot];
            _slotById[_ids[live]] = live;
            live++;
        }

        Array.Clear(_units, live, SlotCount - live);
        SlotCount = live;

        // Exact-size postings: count first, then fill in slot order (which keeps each list sorted).
        Array.Clear(_postingCounts);
        var sizes = new int[_postingCounts.Length];
        for (int slot = 0; slot < live; slot++)
        {
            foreach (int term in _units[slot])
            {
                sizes[term]++;
            }
        }

        for (int term = 0; term < sizes.Length; term++)
        {
            _postings[term] = sizes[term] == 0 ? [] : new int[sizes[term]];
        }

        MaxLength = 0;
        _postingsTotal = 0;
        for (int slot = 0; slot < live; slot++)
        {
            foreach (int term in _units[slot])
            {
                _postings[term][_postingCounts[term]++] = slot;
            }

            MaxLength = Math.Max(MaxLength, _lengths[slot]);
            _postingsTotal += _lengths[slot];
        }

        _postingsDead = 0;
    }

    private void CompactIfMostlyDead()
    {
        if (_postingsDead >= MinDeadToCompact && _postingsDead * 2 >= _postingsTotal)
        {
            Compact();
        }
    }

    private void Kill(int slot)
    {
        _postingsDead += _lengths[slot];
        _lengths[slot] = -1;
        _units[slot] = [];
        Count--;
    }

    private void Append(int term, int slot)
    {
        if (term >= _postingCounts.Length)
        {
            int size = Math.Max(term + 1, _postingCounts.Length * 2);
            int old = _postingCounts.Length;
            Array.Resize(ref _postings, size);
            Array.Resize(ref _postingCounts, size);
            for (int i = old; i < size; i++)
            {
                _postings[i] = [];
            }
        }

        int[] list = _postings[term];
        int count = _postingCounts[term];
        if (count == list.Length)
        {
            Array.Resize(ref list, Math.Max(4, count * 2));
            _postings[term] = list;
        }

        list[count] = slot;
        _postingCounts[term] = count + 1;
    }
}
