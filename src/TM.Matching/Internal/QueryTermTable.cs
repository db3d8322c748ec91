namespace TM.Matching.Internal;

/// <summary>
/// The distinct known unit terms of one query: term id → dense local index (0..Count-1) and how often the
/// query has the term. A tiny open-addressing table: it answers "is this candidate unit in the query" once
/// per candidate unit in the verifier, so it must be a few instructions, not a Dictionary call.
/// </summary>
internal sealed class QueryTermTable
{
    private const int Empty = -1;

    private int[] _keys = new int[64];
    private int[] _values = new int[64];
    private int _shift = 32 - 6;
    private int[] _terms = new int[32];
    private int[] _counts = new int[32];

    /// <summary>The number of distinct terms.</summary>
    public int Count { get; private set; }

    /// <summary>Query units whose term no stored segment has (they can never match).</summary>
    public int UnknownCount { get; private set; }

    public ReadOnlySpan<int> Terms => _terms.AsSpan(0, Count);

    public ReadOnlySpan<int> Counts => _counts.AsSpan(0, Count);

    public void Build(ReadOnlySpan<int> query)
    {
        int capacity = 64;
        while (capacity < query.Length * 2)
        {
            capacity *= 2;
        }

        if (_keys.Length < capacity)
        {
            _keys = new int[capacity];
            _values = new int[capacity];
            _terms = new int[capacity / 2];
            _counts = new int[capacity / 2];
        }

        capacity = _keys.Length;
        _shift = 32 - System.Numerics.BitOperations.Log2((uint)capacity);
        _keys.AsSpan().Fill(Empty);
        Count = 0;
        UnknownCount = 0;
        foreach (int term in query)
        {
            if (term < 0)
            {
                UnknownCount++;
                continue;
            }

            int slot = Slot(term);
            while (_keys[slot] != Empty && _keys[slot] != term)
            {
                slot = (slot + 1) & (capacity - 1);
            }

            if (_keys[slot] == Empty)
            {
                _keys[slot] = term;
                _values[slot] = Count;
                _terms[Count] = term;
                _counts[Count] = 0;
                Count++;
            }

            _counts[_values[slot]]++;
        }
    }

    /// <summary>The local index of <paramref name="term"/>, or -1 when the query does not have it.</summary>
    public int Find(int term)
    {
        if (term < 0)
        {
            return -1;
        }

        int mask = _keys.Length - 1;
        int slot = Slot(term);
        while (true)
        {
            int key = _keys[slot];
            if (key == term)
            {
                return _values[slot];
            }

            if (key == Empty)
            {
                return -1;
            }

            slot = (slot + 1) & mask;
        }
    }

    // Fibonacci hashing: term ids are dense small ints, and the multiply spreads neighbours apart.
    private int Slot(int term) => (int)((uint)(term * -1640531535) >> _shift);
}
