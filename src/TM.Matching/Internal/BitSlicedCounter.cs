using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace TM.Matching.Internal;

/// <summary>
/// Adds 0/1 bitmaps into per-slot counters, bit-sliced: bit b of the counters of the 256 slots of a page is
/// one Vector256 ("plane" b), so adding a bitmap is a few vector operations per 256 slots. Works on a tile of
/// up to <see cref="TilePages"/> pages at a time and tells which pages have a slot whose count reaches the
/// page's threshold.
/// </summary>
/// <remarks>
/// <para>
/// Eight bitmaps at a time go through a tree of carry-save adders (Harley and Seal's popcount scheme): seven
/// full adders, five operations each, fold them into planes 0–2 and pass one eights plane on to a ripple
/// counter in the planes above. About 4.5 operations and one 32-byte load per bitmap and page, where the
/// bitmap's postings would cost 256 × density random accesses per page.
/// </para>
/// <para>
/// Memory order matters more than operations. At a million segments the bitmaps of a query (40-odd keys ×
/// 125 KB) come from DRAM; visiting them page by page would be 40 interleaved streams, more than the hardware
/// prefetcher follows (measured: about 1 µs a page, 20 ns a load). Tile by tile and eight bitmaps at a time, each
/// bitmap is read in runs of a kilobyte, 8 streams at once, while the counters of the tile (32 pages × planes ×
/// 32 bytes) stay in L1.
/// </para>
/// <para>
/// Pruning: bitmaps come rarest first. Once the bitmaps left are fewer than a page's threshold, a page none of
/// whose slots can reach the threshold even with every bitmap left is dropped from the tile; the commonest keys,
/// which are most of the loads, are then read only for the pages that still matter.
/// </para>
/// </remarks>
internal sealed class BitSlicedCounter
{
    /// <summary>Pages per tile.</summary>
    public const int TilePages = 32;

    private const int MaxPlanes = 24;

    private readonly Vector256<ulong>[] _planes = new Vector256<ulong>[TilePages * MaxPlanes];
    private readonly int[] _live = new int[TilePages];
    private readonly Vector256<ulong>[] _passed = new Vector256<ulong>[TilePages];
    private int _bits;
    private int _passedCount;

    /// <summary>32-byte bitmap loads since the last <see cref="ResetLoads"/>: the memory traffic of counting (diagnostics).</summary>
    public long Loads { get; private set; }

    /// <summary>Starts counting <see cref="Loads"/> from zero.</summary>
    public void ResetLoads() => Loads = 0;

    /// <summary>The number of planes for counts up to <paramref name="maxCount"/> (at least 3).</summary>
    public static int PlanesFor(int maxCount) => Math.Max(3, 32 - System.Numerics.BitOperations.LeadingZeroCount((uint)maxCount));

    /// <summary>Tile positions (0 to pages − 1) of the pages with a slot at or above their threshold after <see cref="Count"/>.</summary>
    public ReadOnlySpan<int> Passed => _live.AsSpan(0, _passedCount);

    /// <summary>The slots of tile position <paramref name="position"/> at or above its threshold, a bit per slot.</summary>
    public Vector256<ulong> PassedSlots(int position) => _passed[position];

    /// <summary>
    /// Counts, for every slot of <paramref name="pages"/>, how many of <paramref name="bitmaps"/> have its bit, plus
    /// the number in <paramref name="extra"/>, and finds the slots whose total reaches their page's threshold.
    /// </summary>
    /// <param name="bitmaps">Bitmaps over slots, rarest first, each long enough for every page.</param>
    /// <param name="pages">Up to <see cref="TilePages"/> pages.</param>
    /// <param name="thresholds">The total each page needs, by tile position.</param>
    /// <param name="extra">A number to add per slot, as <paramref name="extraPlanes"/> planes of 4 words per page, page after page; cleared here.</param>
    /// <param name="extraPlanes">Planes per page in <paramref name="extra"/>.</param>
    /// <param name="maxTotal">The largest possible total (bitmaps plus the largest extra): sets the number of planes.</param>
    public void Count(ReadOnlySpan<ulong[]> bitmaps, ReadOnlySpan<int> pages, ReadOnlySpan<int> thresholds, Span<ulong> extra, int extraPlanes, int maxTotal)
    {
        int bits = _bits = Math.Min(MaxPlanes, PlanesFor(maxTotal));
        int tile = pages.Length;
        int live = 0;
        int maxThreshold = 0;
        for (int p = 0; p < tile; p++)
        {
            Span<Vector256<ulong>> planes = _planes.AsSpan(p * MaxPlanes, bits);
            planes.Clear();
            if (extraPlanes > 0)
            {
                // Starting from the extra number is adding it.
                Span<ulong> pageExtra = extra.Slice(pages[p] * extraPlanes * SegmentStore.WordsPerPage, extraPlanes * SegmentStore.WordsPerPage);
                MemoryMarshal.Cast<ulong, Vector256<ulong>>(pageExtra).CopyTo(planes);
                pageExtra.Clear();
            }

            if (thresholds[p] <= maxTotal)
            {
                _live[live++] = p;
                maxThreshold = Math.Max(maxThreshold, thresholds[p]);
            }
        }

        int count = bitmaps.Length;
        int done = 0;
        while (live > 0 && done < count)
        {
            int remaining = count - done;
            if (remaining < maxThreshold)
            {
                live = Prune(thresholds, live, remaining);
            }

            if (remaining >= 8)
            {
                AddEight(bitmaps.Slice(done, 8), pages, live);
                Loads += 8 * live;
                done += 8;
            }
            else
            {
                AddOne(bitmaps[done], pages, live);
                Loads += live;
                done++;
            }
        }

        _passedCount = 0;
        for (int i = 0; i < live; i++)
        {
            int p = _live[i];
            Vector256<ulong> passed = AtLeast(_planes.AsSpan(p * MaxPlanes, bits), thresholds[p]);
            if (passed != Vector256<ulong>.Zero)
            {
                _passed[p] = passed;
                _live[_passedCount++] = p;
            }
        }
    }

    /// <summary>The total of one slot (0–255 within the page) at tile position <paramref name="position"/>.</summary>
    public int TotalOf(int position, int slotInPage)
    {
        ReadOnlySpan<Vector256<ulong>> planes = _planes.AsSpan(position * MaxPlanes, _bits);
        int word = slotInPage >> 6;
        int bit = slotInPage & 63;
        int total = 0;
        for (int b = 0; b < planes.Length; b++)
        {
            total |= (int)((planes[b].GetElement(word) >> bit) & 1) << b;
        }

        return total;
    }

    private int Prune(ReadOnlySpan<int> thresholds, int live, int remaining)
    {
        int kept = 0;
        for (int i = 0; i < live; i++)
        {
            int p = _live[i];
            int need = thresholds[p] - remaining;
            if (need <= 0 || AtLeast(_planes.AsSpan(p * MaxPlanes, _bits), need) != Vector256<ulong>.Zero)
            {
                _live[kept++] = p;
            }
        }

        return kept;
    }

    private void AddEight(ReadOnlySpan<ulong[]> eight, ReadOnlySpan<int> pages, int live)
    {
        ref ulong b0 = ref MemoryMarshal.GetArrayDataReference(eight[0]);
        ref ulong b1 = ref MemoryMarshal.GetArrayDataReference(eight[1]);
        ref ulong b2 = ref MemoryMarshal.GetArrayDataReference(eight[2]);
        ref ulong b3 = ref MemoryMarshal.GetArrayDataReference(eight[3]);
        ref ulong b4 = ref MemoryMarshal.GetArrayDataReference(eight[4]);
        ref ulong b5 = ref MemoryMarshal.GetArrayDataReference(eight[5]);
        ref ulong b6 = ref MemoryMarshal.GetArrayDataReference(eight[6]);
        ref ulong b7 = ref MemoryMarshal.GetArrayDataReference(eight[7]);
        int bits = _bits;
        for (int i = 0; i < live; i++)
        {
            int p = _live[i];
            nuint at = (nuint)pages[p] * SegmentStore.WordsPerPage;
            Span<Vector256<ulong>> planes = _planes.AsSpan(p * MaxPlanes, bits);
            Vector256<ulong> ones = planes[0];
            Vector256<ulong> twos = planes[1];
            Vector256<ulong> fours = planes[2];
            FullAdd(out Vector256<ulong> twosA, ref ones, Vector256.LoadUnsafe(ref b0, at), Vector256.LoadUnsafe(ref b1, at));
            FullAdd(out Vector256<ulong> twosB, ref ones, Vector256.LoadUnsafe(ref b2, at), Vector256.LoadUnsafe(ref b3, at));
            FullAdd(out Vector256<ulong> foursA, ref twos, twosA, twosB);
            FullAdd(out twosA, ref ones, Vector256.LoadUnsafe(ref b4, at), Vector256.LoadUnsafe(ref b5, at));
            FullAdd(out twosB, ref ones, Vector256.LoadUnsafe(ref b6, at), Vector256.LoadUnsafe(ref b7, at));
            FullAdd(out Vector256<ulong> foursB, ref twos, twosA, twosB);
            FullAdd(out Vector256<ulong> eights, ref fours, foursA, foursB);
            planes[0] = ones;
            planes[1] = twos;
            planes[2] = fours;
            for (int b = 3; b < bits; b++)
            {
                Vector256<ulong> carry = planes[b] & eights;
                planes[b] ^= eights;
                eights = carry;
            }
        }
    }

    private void AddOne(ulong[] bitmap, ReadOnlySpan<int> pages, int live)
    {
        ref ulong start = ref MemoryMarshal.GetArrayDataReference(bitmap);
        int bits = _bits;
        for (int i = 0; i < live; i++)
        {
            int p = _live[i];
            Vector256<ulong> add = Vector256.LoadUnsafe(ref start, (nuint)pages[p] * SegmentStore.WordsPerPage);
            Span<Vector256<ulong>> planes = _planes.AsSpan(p * MaxPlanes, bits);
            for (int b = 0; b < bits; b++)
            {
                Vector256<ulong> carry = planes[b] & add;
                planes[b] ^= add;
                add = carry;
            }
        }
    }

    /// <summary>total ≥ <paramref name="threshold"/> per slot, from the lowest bit up: where the threshold has a 1 the slot
    /// needs a 1 and the lower bits at least as large; where it has a 0, a 1 wins outright.</summary>
    private static Vector256<ulong> AtLeast(ReadOnlySpan<Vector256<ulong>> planes, int threshold)
    {
        if (threshold >> planes.Length != 0)
        {
            return default;
        }

        Vector256<ulong> atLeast = Vector256<ulong>.AllBitsSet;
        for (int b = 0; b < planes.Length; b++)
        {
            atLeast = ((threshold >> b) & 1) != 0 ? planes[b] & atLeast : planes[b] | atLeast;
        }

        return atLeast;
    }

    // A full adder on 256 lanes at once: the sum of a, b and low, as (high, low).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void FullAdd(out Vector256<ulong> high, ref Vector256<ulong> low, Vector256<ulong> a, Vector256<ulong> b)
    {
        Vector256<ulong> half = a ^ b;
        high = (a & b) | (half & low);
        low = half ^ low;
    }
}
