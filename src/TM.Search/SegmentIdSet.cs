using System.Collections;
using System.Numerics;

namespace TM.Search;

/// <summary>
/// An immutable set of segment ids (what <see cref="SegmentSearchIndex.MatchingIds"/> returns), made to be asked
/// about one id at a time: <see cref="Contains"/> is O(1) and safe to call from any number of threads at once, so it
/// can serve as the filter of parallel fuzzy lookups. Enumerates its ids in ascending order.
/// </summary>
/// <remarks>
/// Ids are the store's row ids, dense from 1, so the set is a bitmap over the range from its smallest to its largest
/// id: one bit per id of the range, 125 KB per million (a memory's ids interleaved with other memories' cost the
/// bits of the whole range they span). Should the ids be so sparse that the bitmap would take more than
/// <see cref="MaxBitsPerId"/> bits per id held, a hash set (about 25 bytes per id) takes its place, so memory is
/// bounded by the ids held whatever their values.
/// </remarks>
public sealed class SegmentIdSet : IReadOnlyCollection<long>
{
    /// <summary>
    /// The most bits per id held that the bitmap may cost (32 bytes, about what a hash set costs per id); a denser set
    /// is a bitmap, a sparser one a hash set.
    /// </summary>
    internal const long MaxBitsPerId = 256;

    // Ranges up to this many bits are a bitmap however few ids they hold: 8 KB is less than any hash set of ids worth it.
    private const long MinBitmapBits = 1 << 16;

    private readonly ulong[]? _bits;
    private readonly long _first;
    private readonly long _length;
    private readonly HashSet<long>? _sparse;

    private SegmentIdSet(ulong[] bits, long first, long length, int count)
    {
        _bits = bits;
        _first = first;
        _length = length;
        Count = count;
    }

    private SegmentIdSet(HashSet<long> sparse)
    {
        _sparse = sparse;
        Count = sparse.Count;
    }

    /// <summary>The set without ids.</summary>
    public static SegmentIdSet Empty { get; } = new([], first: 1, length: 0, count: 0);

    /// <summary>How many ids the set holds.</summary>
    public int Count { get; }

    /// <summary>Whether it holds the ids as a bitmap (not a hash set), for tests.</summary>
    internal bool IsBitmap => _bits is not null;

    /// <summary>Whether the set holds <paramref name="id"/>. O(1), thread-safe.</summary>
    /// <param name="id">A segment id.</param>
    /// <returns>True when the id is in the set.</returns>
    public bool Contains(long id)
    {
        if (_bits is null)
        {
            return _sparse!.Contains(id);
        }

        // id ≥ _first ≥ 1, so the difference cannot overflow.
        if (id < _first || id - _first >= _length)
        {
            return false;
        }

        long offset = id - _first;
        return (_bits[offset >> 6] & (1UL << (int)offset)) != 0;
    }

    /// <summary>The ids in ascending order.</summary>
    /// <returns>An enumerator of the ids.</returns>
    public IEnumerator<long> GetEnumerator()
    {
        if (_bits is null)
        {
            foreach (long id in _sparse!.Order())
            {
                yield return id;
            }

            yield break;
        }

        for (int word = 0; word < _bits.Length; word++)
        {
            ulong bits = _bits[word];
            while (bits != 0)
            {
                yield return _first + (word * 64L) + BitOperations.TrailingZeroCount(bits);
                bits &= bits - 1;
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The set of <paramref name="ids"/> (positive, in any order, repeats allowed).</summary>
    internal static SegmentIdSet Of(ReadOnlySpan<long> ids)
    {
        if (ids.IsEmpty)
        {
            return Empty;
        }

        long min = long.MaxValue, max = long.MinValue;
        foreach (long id in ids)
        {
            min = Math.Min(min, id);
            max = Math.Max(max, id);
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(min, nameof(ids));
        // max − min + 1 cannot overflow: both are positive.
        long length = max - min + 1;
        if (length > MinBitmapBits && length / MaxBitsPerId > ids.Length)
        {
            var sparse = new HashSet<long>(ids.Length);
            foreach (long id in ids)
            {
                sparse.Add(id);
            }

            return new SegmentIdSet(sparse);
        }

        var bits = new ulong[(length + 63) >> 6];
        foreach (long id in ids)
        {
            long offset = id - min;
            bits[offset >> 6] |= 1UL << (int)offset;
        }

        int count = 0;
        foreach (ulong word in bits)
        {
            count += BitOperations.PopCount(word);
        }

        return new SegmentIdSet(bits, min, length, count);
    }
}
