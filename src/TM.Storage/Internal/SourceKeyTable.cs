namespace TM.Storage.Internal;

/// <summary>
/// A multimap from the 64-bit hash of one side's text to the ids of the segments holding that text, for one
/// memory: open addressing with linear probing over two parallel arrays, 16 bytes a slot, at most 3/4 full.
/// </summary>
/// <remarks>
/// It stands in for an SQLite index on the hash, which at 10^6 rows dirties most of its leaf pages at every
/// commit of 10^4 random keys (migration 003). Ids are positive; 0 marks a free slot and −1 a removed one, which
/// keeps the probe chains of the entries behind it intact until the next rehash.
/// </remarks>
internal sealed class SourceKeyTable
{
    private const long Free = 0;
    private const long Removed = -1;
    private const int MinimumCapacity = 1024;

    private long[] _hashes;
    private long[] _ids;
    private int _count;
    private int _used;

    public SourceKeyTable(int expected = 0)
    {
        var capacity = Capacity(expected);
        _hashes = new long[capacity];
        _ids = new long[capacity];
    }

    /// <summary>The entries held.</summary>
    public int Count => _count;

    public void Add(long hash, long id)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(id);
        if ((_used + 1) * 4L > _hashes.Length * 3L)
            Resize(_count + 1);
        var mask = _hashes.Length - 1;
        for (var slot = Slot(hash, mask); ; slot = (slot + 1) & mask)
        {
            // Removed slots wait for the next rehash: reusing one is only safe after searching the rest of the chain.
            if (_ids[slot] == Free)
            {
                _hashes[slot] = hash;
                _ids[slot] = id;
                _count++;
                _used++;
                return;
            }
        }
    }

    /// <summary>Removes the entry (<paramref name="hash"/>, <paramref name="id"/>); false when there is none.</summary>
    public bool Remove(long hash, long id)
    {
        var mask = _hashes.Length - 1;
        for (var slot = Slot(hash, mask); _ids[slot] != Free; slot = (slot + 1) & mask)
        {
            if (_ids[slot] == id && _hashes[slot] == hash)
            {
                _ids[slot] = Removed;
                _count--;
                return true;
            }
        }
        return false;
    }

    /// <summary>Appends the ids stored under <paramref name="hash"/> to <paramref name="ids"/>, in no particular order.</summary>
    public void Find(long hash, List<long> ids)
    {
        var mask = _hashes.Length - 1;
        for (var slot = Slot(hash, mask); _ids[slot] != Free; slot = (slot + 1) & mask)
        {
            if (_hashes[slot] == hash && _ids[slot] > 0)
                ids.Add(_ids[slot]);
        }
    }

    // The hash is already avalanched (TextHash), so its low bits are as good as any.
    private static int Slot(long hash, int mask) => (int)hash & mask;

    private static int Capacity(int entries)
    {
        var capacity = MinimumCapacity;
        while (capacity * 3L < entries * 4L)
            capacity *= 2;
        return capacity;
    }

    private void Resize(int entries)
    {
        // Double only when live entries need it; a table full of removed slots is rebuilt at the same size.
        var capacity = Math.Max(Capacity(entries), _count * 2L > _hashes.Length ? _hashes.Length * 2 : _hashes.Length);
        var hashes = _hashes;
        var ids = _ids;
        _hashes = new long[capacity];
        _ids = new long[capacity];
        _count = 0;
        _used = 0;
        for (var i = 0; i < ids.Length; i++)
        {
            if (ids[i] > 0)
                Add(hashes[i], ids[i]);
        }
    }
}
