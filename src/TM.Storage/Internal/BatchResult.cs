namespace TM.Storage.Internal;

/// <summary>What <see cref="SegmentWriter.Apply"/> did, pair by pair, before the store turns it into an <see cref="ImportOutcome"/>.</summary>
internal sealed class BatchResult(int capacity)
{
    private readonly List<StoredSegment> _added = new(capacity);
    private Dictionary<long, int>? _addedIndex;
    private List<StoredSegment>? _updated;
    private Dictionary<long, int>? _updatedIndex;
    private List<long>? _removed;

    public int SkippedDuplicates { get; set; }

    public int KeptExisting { get; set; }

    /// <summary>Pairs that overwrote a segment (one per pair, whether the segment is old or new in this batch).</summary>
    public int Overwritten { get; private set; }

    /// <summary>Segments deleted that existed before the batch.</summary>
    public int RemovedCount => _removed?.Count ?? 0;

    /// <summary>The batch's number in the store's change log; 0 when it changed no segment.</summary>
    public long ChangeSequence { get; set; }

    /// <summary>The memory's generation once the batch commits.</summary>
    public long Generation { get; set; }

    public IReadOnlyList<StoredSegment> Added => _added;

    public IReadOnlyList<StoredSegment> Updated => _updated is null ? [] : _updated;

    public IReadOnlyList<long> Removed => _removed is null ? [] : _removed;

    public void Add(long id, SegmentInput pair)
    {
        _addedIndex?.Add(id, _added.Count);
        _added.Add(Segment(id, pair));
    }

    // A segment added earlier in the same batch stays in Added, in its final form; an older one goes to Updated, once.
    public void Update(long id, SegmentInput pair)
    {
        Overwritten++;
        var segment = Segment(id, pair);
        if (AddedIndex().TryGetValue(id, out var added))
        {
            _added[added] = segment;
            return;
        }
        _updated ??= [];
        _updatedIndex ??= [];
        if (_updatedIndex.TryGetValue(id, out var updated))
        {
            _updated[updated] = segment;
            return;
        }
        _updatedIndex[id] = _updated.Count;
        _updated.Add(segment);
    }

    // Overwrite leaves one segment per source, so what it deletes was never added or updated by this batch.
    public void Remove(long id) => (_removed ??= []).Add(id);

    // Built on the first overwrite only: a batch that never overwrites pays nothing for it.
    private Dictionary<long, int> AddedIndex()
    {
        if (_addedIndex is null)
        {
            _addedIndex = new Dictionary<long, int>(_added.Count);
            for (var i = 0; i < _added.Count; i++)
                _addedIndex[_added[i].Id] = i;
        }
        return _addedIndex;
    }

    private static StoredSegment Segment(long id, SegmentInput pair) => new(
        id, pair.Korean, pair.English, pair.Origin, pair.Note, pair.Confidence, pair.LowConfidence, pair.KoreanMarkup, pair.EnglishMarkup)
    {
        Fields = pair.Fields,
    };
}
