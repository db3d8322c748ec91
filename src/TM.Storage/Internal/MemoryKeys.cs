namespace TM.Storage.Internal;

/// <summary>
/// The in-memory hash tables of one memory's texts, one per side, built on the first write that needs them and
/// valid for one <see cref="Generation"/> of the memory (its row in <c>memories</c> counts the writes).
/// </summary>
internal sealed class MemoryKeys
{
    private SourceKeyTable? _korean;
    private SourceKeyTable? _english;

    /// <summary>The memory generation the tables describe; −1 when they describe nothing.</summary>
    public long Generation { get; set; } = -1;

    public SourceKeyTable? Get(SegmentSide side) => side == SegmentSide.Korean ? _korean : _english;

    public void Set(SegmentSide side, SourceKeyTable table)
    {
        if (side == SegmentSide.Korean)
            _korean = table;
        else
            _english = table;
    }

    /// <summary>Forgets the tables, after a failed write or a write by someone else.</summary>
    public void Clear()
    {
        _korean = null;
        _english = null;
        Generation = -1;
    }
}
