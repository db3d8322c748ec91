using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;
using TM.Matching.Internal.Snapshots;

namespace TM.Matching.Internal;

/// <summary>
/// The segments of one index: their units in one arena, per-slot bookkeeping, and the <see cref="KeyIndex"/>
/// over them. Not thread-safe: <see cref="FuzzyIndex"/> guards it with its lock.
/// </summary>
/// <remarks>
/// <para>
/// Slots come in pages of 256 (one 256-bit vector of a bitmap), and a page holds segments of one
/// <see cref="LengthClasses">length class</see> only: a new segment takes the next slot of its class's open
/// page. A search then visits only the pages whose length can reach the threshold and tests each page
/// against one count threshold. Pages are never re-sorted, so adding stays O(units) however the lengths come.
/// </para>
/// <para>
/// Ids are the caller's and arbitrary. Replacing or removing a segment marks its slot dead (length -1) and
/// clears its bitmap bits; the slot, its arena units and its postings entries are reclaimed by
/// <see cref="Compact"/> once dead slots are half of all used slots, so a delete is O(units) and the
/// rebuild is paid once per that many deletes.
/// </para>
/// <para>
/// Per live segment: its units (4 bytes each), id, length, arena offset and fingerprint (20 bytes), the id map
/// entry (about 20 bytes), one bit per bitmap key and 4 bytes per postings entry.
/// </para>
/// </remarks>
internal sealed class SegmentStore
{
    /// <summary>log2 of the slots per page.</summary>
    public const int PageShift = 8;

    /// <summary>Slots per page: one Vector256 of bitmap.</summary>
    public const int PageSize = 1 << PageShift;

    /// <summary>Bitmap words (ulong) per page.</summary>
    public const int WordsPerPage = PageSize / 64;

    /// <summary>The default density above which a key is stored as a bitmap: 1/128 of the slots (see SCORING.md).</summary>
    public const int DefaultDenseDivisor = 128;

    /// <summary>The default slot capacity below which no key is a bitmap.</summary>
    public const int DefaultMinDenseSlots = 1 << 14;

    private const int MinDeadToCompact = 1024;

    // Far above any memory this index is meant for (slots are ints, and pages of them must fit), far below what a
    // damaged count would make it allocate.
    private const int MaxSnapshotSegments = 1 << 28;

    // Keys are added once this many segments are staged: enough to fill the open page of every common length class
    // a few times over (the locality IndexStaged is for), few enough that the staged segments' units (4 MB) are still in the last-level cache.
    private const int MaxStaged = 1 << 14;
    private const int NoPage = -1;

    private readonly int _denseDivisor;
    private readonly int _minDenseSlots;
    private readonly Dictionary<int, int> _slotById = [];
    private int[] _ids = [];
    private int[] _lengths = [];
    private int[] _starts = [];
    private ulong[] _fingerprints = [];
    // The units of all segments, in chunks of ChunkUnits ints: a segment's units are contiguous within one chunk
    // and its start is chunk << ChunkShift | offset. Chunks rather than one doubling array: at a million segments
    // the units are 240 MB, and doubling would hold 1.5 times that (old and new copy) at the moment it grows.
    private const int ChunkShift = 20;
    private const int ChunkUnits = 1 << ChunkShift;
    private int[][] _chunks = [];
    private int _chunkCount;
    private int _chunkFill;
    private byte[] _pageClass = [];
    private readonly int[][] _classPages = new int[LengthClasses.Count][];
    private readonly int[] _classPageCount = new int[LengthClasses.Count];
    private readonly int[] _openPage = new int[LengthClasses.Count];
    private readonly int[] _openFill = new int[LengthClasses.Count];
    private int _deadSlots;
    // Slots placed (units stored, slot taken) whose keys are not yet in Keys; see Stage.
    private int[] _staged = [];
    private int _stagedCount;
    private readonly Analysis.TermDictionary _terms;
    private int[] _familyScratch = new int[256];

    /// <param name="terms">The dictionary the stored units come from: keys are made of the units' families.</param>
    /// <param name="denseDivisor">See <see cref="KeyIndex"/>.</param>
    /// <param name="minDenseSlots">See <see cref="KeyIndex"/>.</param>
    public SegmentStore(Analysis.TermDictionary terms, int denseDivisor = DefaultDenseDivisor, int minDenseSlots = DefaultMinDenseSlots)
    {
        _terms = terms;
        _denseDivisor = denseDivisor;
        _minDenseSlots = minDenseSlots;
        Keys = new KeyIndex(denseDivisor, minDenseSlots);
        Reset();
    }

    public KeyIndex Keys { get; private set; }

    /// <summary>The number of live segments.</summary>
    public int Count { get; private set; }

    /// <summary>Pages in use.</summary>
    public int PageCount { get; private set; }

    /// <summary>Slots in use or reserved (pages × 256): the size of per-slot scratch arrays.</summary>
    public int SlotCount => PageCount << PageShift;

    /// <summary>The unit count of the longest segment ever added (not lowered by removals).</summary>
    public int MaxLength { get; private set; }

    /// <summary>Unit counts by slot; -1 for a dead or unused slot, so a length range test also skips those.</summary>
    public ReadOnlySpan<int> Lengths => _lengths;

    /// <summary>Length class by page.</summary>
    public ReadOnlySpan<byte> PageClasses => _pageClass.AsSpan(0, PageCount);

    /// <summary>The pages of one length class.</summary>
    public ReadOnlySpan<int> PagesOf(int lengthClass) =>
        _classPages[lengthClass] is { } pages ? pages.AsSpan(0, _classPageCount[lengthClass]) : default;

    /// <summary>Managed bytes held by the store's arrays (payloads only, not the id map).</summary>
    public long Bytes => Keys.Bytes + (_chunkCount * (long)ChunkUnits * 4) + (_ids.Length * 20L) + _pageClass.Length;

    public int IdOf(int slot) => _ids[slot];

    public ReadOnlySpan<int> UnitsOf(int slot)
    {
        int start = _starts[slot];
        return _chunks[start >> ChunkShift].AsSpan(start & (ChunkUnits - 1), Math.Max(0, _lengths[slot]));
    }

    public ulong FingerprintOf(int slot) => _fingerprints[slot];

    /// <summary>Adds a segment, replacing the one with the same id.</summary>
    public void Add(int id, ReadOnlySpan<int> units, ulong fingerprint)
    {
        Stage(id, units, fingerprint);
        IndexStaged();
    }

    /// <summary>
    /// Adds the segments of a batch as its blocks are analyzed, replacing those with the same ids; a later item wins
    /// over an earlier one.
    /// </summary>
    public void AddRange(IReadOnlyList<KeyValuePair<int, string>> items, AnalyzedBatch batch)
    {
        try
        {
            for (int block = 0; block < batch.Blocks; block++)
            {
                batch.WaitForBlock(block);
                (int first, int end) = (block * AnalyzedBatch.BlockSize, Math.Min(items.Count, (block + 1) * AnalyzedBatch.BlockSize));
                for (int i = first; i < end; i++)
                {
                    Stage(items[i].Key, batch.UnitsOf(i), batch.FingerprintOf(i));
                }

                batch.Release(block);
                if (_stagedCount >= MaxStaged)
                {
                    IndexStaged();
                }
            }
        }
        finally
        {
            IndexStaged();
        }
    }

    public bool Remove(int id)
    {
        if (!_slotById.Remove(id, out int slot))
        {
            return false;
        }

        Kill(slot);
        Count--;
        CompactIfMostlyDead();
        return true;
    }

    /// <summary>Moves the live segments into fresh pages and rebuilds the keys without dead entries. O(total units).</summary>
    public void Compact()
    {
        int[] ids = _ids;
        int[] lengths = _lengths;
        int[] starts = _starts;
        ulong[] fingerprints = _fingerprints;
        int[][] chunks = _chunks;
        int slots = SlotCount;
        int live = Count;
        Reset();
        Keys.ClearEntries();
        for (int slot = 0; slot < slots; slot++)
        {
            if (lengths[slot] >= 0)
            {
                int start = starts[slot];
                Place(ids[slot], chunks[start >> ChunkShift].AsSpan(start & (ChunkUnits - 1), lengths[slot]), fingerprints[slot]);
                if (_stagedCount >= MaxStaged)
                {
                    IndexStaged();
                }
            }
        }

        IndexStaged();
        Count = live;
    }

    /// <summary>
    /// Writes the live segments in slot order: ids, lengths and fingerprints as arrays, then their units. Slots and
    /// keys are not written: <see cref="ReadSnapshot"/> places the segments afresh, which is as fast as reading keys
    /// back and leaves the file independent of how keys are stored.
    /// </summary>
    public void WriteSnapshot(SnapshotWriter writer)
    {
        int[] ids = new int[Count];
        int[] lengths = new int[Count];
        ulong[] fingerprints = new ulong[Count];
        long units = 0;
        int live = 0;
        int slots = SlotCount;
        for (int slot = 0; slot < slots; slot++)
        {
            if (_lengths[slot] >= 0)
            {
                ids[live] = _ids[slot];
                lengths[live] = _lengths[slot];
                fingerprints[live] = _fingerprints[slot];
                units += _lengths[slot];
                live++;
            }
        }

        writer.WriteInt32(live);
        writer.Write<int>(ids);
        writer.Write<int>(lengths);
        writer.Write<ulong>(fingerprints);
        writer.WriteInt64(units);
        for (int slot = 0; slot < slots; slot++)
        {
            if (_lengths[slot] >= 0)
            {
                writer.Write(UnitsOf(slot));
            }
        }
    }

    /// <summary>Fills an empty store with the segments <see cref="WriteSnapshot"/> wrote, checking every value it relies on.</summary>
    /// <param name="reader">The snapshot, positioned at the segments.</param>
    /// <param name="termCount">Terms in the index's dictionary: every unit must be one of them.</param>
    /// <exception cref="InvalidDataException">The snapshot contradicts itself; the store is then in no useful state.</exception>
    public void ReadSnapshot(SnapshotReader reader, int termCount)
    {
        if (Count != 0 || PageCount != 0)
        {
            throw new InvalidOperationException("A snapshot is read into an empty store only.");
        }

        int count = reader.ReadCount("segments", (2 * sizeof(int)) + sizeof(ulong), MaxSnapshotSegments);
        int[] ids = new int[count];
        int[] lengths = new int[count];
        ulong[] fingerprints = new ulong[count];
        reader.Read<int>(ids);
        reader.Read<int>(lengths);
        reader.Read<ulong>(fingerprints);
        long units = reader.ReadInt64();
        long sum = 0;
        int maxLength = 0;
        foreach (int length in lengths)
        {
            if (length < 0)
            {
                throw SnapshotReader.Invalid($"a segment has {length} units");
            }

            sum += length;
            maxLength = Math.Max(maxLength, length);
        }

        if (sum != units)
        {
            throw SnapshotReader.Invalid($"its segments' lengths add up to {sum:N0} units, not the {units:N0} it holds");
        }

        reader.EnsureAvailable(units * sizeof(int), $"{units:N0} units");
        _slotById.EnsureCapacity(count);
        int[] buffer = ArrayPool<int>.Shared.Rent(Math.Max(1 << 16, maxLength));
        try
        {
            int next = 0;
            while (next < count)
            {
                // As many whole segments as fit in the buffer, read at once.
                int end = next;
                int total = 0;
                while (end < count && total + lengths[end] <= buffer.Length)
                {
                    total += lengths[end++];
                }

                Span<int> block = buffer.AsSpan(0, total);
                reader.Read(block);
                if (!block.IsEmpty && (uint)MaxOf(block) >= (uint)termCount)
                {
                    throw SnapshotReader.Invalid("a segment holds a unit that is not in its dictionary");
                }

                for (int offset = 0; next < end; next++)
                {
                    if (_slotById.ContainsKey(ids[next]))
                    {
                        throw SnapshotReader.Invalid($"it holds segment {ids[next]} twice");
                    }

                    Place(ids[next], block.Slice(offset, lengths[next]), fingerprints[next]);
                    Count++;
                    offset += lengths[next];
                    if (_stagedCount >= MaxStaged)
                    {
                        IndexStaged();
                    }
                }
            }

            IndexStaged();
        }
        finally
        {
            ArrayPool<int>.Shared.Return(buffer);
        }
    }

    // Negative units read as huge unsigned ones, so one comparison of the largest catches both kinds of damage.
    private static uint MaxOf(ReadOnlySpan<int> units)
    {
        ReadOnlySpan<uint> values = MemoryMarshal.Cast<int, uint>(units);
        var max = Vector<uint>.Zero;
        int i = 0;
        for (; i <= values.Length - Vector<uint>.Count; i += Vector<uint>.Count)
        {
            max = Vector.Max(max, new Vector<uint>(values[i..]));
        }

        uint result = 0;
        for (int lane = 0; lane < Vector<uint>.Count; lane++)
        {
            result = Math.Max(result, max[lane]);
        }

        for (; i < values.Length; i++)
        {
            result = Math.Max(result, values[i]);
        }

        return result;
    }

    private void Reset()
    {
        _slotById.Clear();
        _ids = [];
        _lengths = [];
        _starts = [];
        _fingerprints = [];
        _pageClass = [];
        _chunks = [];
        _chunkCount = 0;
        _chunkFill = 0;
        Array.Clear(_classPages);
        Array.Clear(_classPageCount);
        Array.Fill(_openPage, NoPage);
        Array.Clear(_openFill);
        PageCount = 0;
        MaxLength = 0;
        _deadSlots = 0;
        Keys.SetCapacity(0);
    }

    /// <summary>
    /// Places a segment and leaves its keys for <see cref="IndexStaged"/>. A replaced segment's keys must be in
    /// Keys before its bits can be cleared, so the staged keys go in first then.
    /// </summary>
    private void Stage(int id, ReadOnlySpan<int> units, ulong fingerprint)
    {
        if (_slotById.TryGetValue(id, out int old))
        {
            IndexStaged();
            Kill(old);
            Count--;
            CompactIfMostlyDead();
        }

        Place(id, units, fingerprint);
        Count++;
    }

    private void Place(int id, ReadOnlySpan<int> units, ulong fingerprint)
    {
        int slot = NewSlot(LengthClasses.Of(units.Length));
        _starts[slot] = StoreUnits(units);
        _ids[slot] = id;
        _lengths[slot] = units.Length;
        _fingerprints[slot] = fingerprint;
        _slotById[id] = slot;
        MaxLength = Math.Max(MaxLength, units.Length);
        if (_stagedCount == _staged.Length)
        {
            Array.Resize(ref _staged, Math.Max(256, _stagedCount * 2));
        }

        _staged[_stagedCount++] = slot;
    }

    /// <summary>
    /// Adds the keys of the staged segments in slot order. A batch's segments take slots in up to a hundred open
    /// pages (one per length class); in slot order the writes into each of the 500-odd bitmaps go page after page,
    /// so a page's bitmap words stay in cache while its segments are added, and postings lists come out sorted.
    /// In arrival order every segment touched a different page of every bitmap, a cache miss per unit: at a million
    /// segments slot order cut the time to add keys by a third for Korean (2.25 to 1.45 s) and a sixth for English.
    /// </summary>
    private void IndexStaged()
    {
        Span<int> staged = _staged.AsSpan(0, _stagedCount);
        staged.Sort();
        foreach (int slot in staged)
        {
            Keys.Add(FamiliesOf(UnitsOf(slot)), slot, _lengths);
        }

        _stagedCount = 0;
    }

    /// <summary>Copies units into the chunks; returns where they start.</summary>
    private int StoreUnits(ReadOnlySpan<int> units)
    {
        if (_chunkCount == 0 || ChunkUnits - _chunkFill < units.Length)
        {
            if (_chunkCount == _chunks.Length)
            {
                Array.Resize(ref _chunks, Math.Max(4, _chunks.Length * 2));
            }

            if (_chunkCount == 1 << (31 - ChunkShift))
            {
                throw new InvalidOperationException($"The index holds more than {int.MaxValue:N0} units; it cannot grow further.");
            }

            // The first chunk grows with a small index; a segment longer than a chunk gets one of its own size.
            int size = _chunkCount == 0 ? Math.Max(units.Length, 4096) : Math.Max(units.Length, ChunkUnits);
            _chunks[_chunkCount++] = new int[size];
            _chunkFill = 0;
        }

        int[] chunk = _chunks[_chunkCount - 1];
        if (chunk.Length - _chunkFill < units.Length)
        {
            Array.Resize(ref chunk, (int)Math.Min(ChunkUnits, Math.Max(_chunkFill + (long)units.Length, chunk.Length * 2L)));
            _chunks[_chunkCount - 1] = chunk;
        }

        units.CopyTo(chunk.AsSpan(_chunkFill));
        int start = ((_chunkCount - 1) << ChunkShift) | _chunkFill;
        _chunkFill += units.Length;
        return start;
    }

    private int NewSlot(int lengthClass)
    {
        int page = _openPage[lengthClass];
        if (page == NoPage || _openFill[lengthClass] == PageSize)
        {
            page = NewPage(lengthClass);
        }

        return (page << PageShift) + _openFill[lengthClass]++;
    }

    private int NewPage(int lengthClass)
    {
        if (PageCount == _pageClass.Length)
        {
            int capacity = Math.Max(4, _pageClass.Length * 2);
            int slots = capacity << PageShift;
            int old = _lengths.Length;
            Array.Resize(ref _pageClass, capacity);
            Array.Resize(ref _ids, slots);
            Array.Resize(ref _lengths, slots);
            Array.Resize(ref _starts, slots);
            Array.Resize(ref _fingerprints, slots);
            _lengths.AsSpan(old).Fill(-1);
            Keys.SetCapacity(slots);
        }

        int page = PageCount++;
        _pageClass[page] = (byte)lengthClass;
        ref int[] pages = ref _classPages[lengthClass];
        pages ??= new int[4];
        if (_classPageCount[lengthClass] == pages.Length)
        {
            Array.Resize(ref pages, pages.Length * 2);
        }

        pages[_classPageCount[lengthClass]++] = page;
        _openPage[lengthClass] = page;
        _openFill[lengthClass] = 0;
        return page;
    }

    private void CompactIfMostlyDead()
    {
        if (_deadSlots >= MinDeadToCompact && _deadSlots * 2L >= SlotCount - FreeSlots())
        {
            Compact();
        }
    }

    private int FreeSlots()
    {
        int free = 0;
        for (int lengthClass = 0; lengthClass < LengthClasses.Count; lengthClass++)
        {
            if (_openPage[lengthClass] != NoPage)
            {
                free += PageSize - _openFill[lengthClass];
            }
        }

        return free;
    }

    private void Kill(int slot)
    {
        Keys.Remove(FamiliesOf(UnitsOf(slot)), slot);
        _lengths[slot] = -1;
        _deadSlots++;
    }

    // A segment's keys are its units' families (SCORING.md §4): a word and its other forms, and all numbers, count as
    // shared. Called under the write lock only, so one scratch buffer serves.
    private ReadOnlySpan<int> FamiliesOf(ReadOnlySpan<int> units)
    {
        if (_familyScratch.Length < units.Length)
        {
            _familyScratch = new int[units.Length * 2];
        }

        ReadOnlySpan<int> families = _terms.Families;
        Span<int> mapped = _familyScratch.AsSpan(0, units.Length);
        for (int i = 0; i < units.Length; i++)
        {
            mapped[i] = families[units[i]];
        }

        return mapped;
    }
}
