namespace TM.Search;

/// <summary>One segment pair as the search index holds it: one Lucene document, keyed by <see cref="Id"/>.</summary>
/// <param name="Id">The segment's id (the store's); upserting the same id again replaces the document.</param>
/// <param name="MemoryId">The memory the segment belongs to; every search is confined to one memory.</param>
/// <param name="Korean">The Korean text, plain (inline-tag placeholders already removed); may be empty.</param>
/// <param name="English">The English text, plain; may be empty.</param>
/// <param name="Origin">Where the pair came from (the import's file name); filtered on exactly. Empty when unknown.</param>
/// <param name="ImportId">The import that stored the pair; 0 when none.</param>
/// <param name="Created">When the pair was created.</param>
/// <param name="Changed">When the pair last changed.</param>
/// <param name="CreatedBy">Who created the pair (a user or key name); empty when unknown.</param>
/// <param name="ChangedBy">Who last changed the pair; empty when unknown.</param>
/// <remarks>
/// The texts are indexed, not stored: hits are ids, and the server reads the texts from its store. A caller may keep
/// bytes of its own with the document (<see cref="Payload"/>), which <see cref="SegmentSearchIndex.GetPayloads"/> gives back.
/// </remarks>
public sealed record IndexedSegment(
    long Id,
    long MemoryId,
    string Korean,
    string English,
    string Origin,
    long ImportId,
    DateTimeOffset Created,
    DateTimeOffset Changed,
    string CreatedBy,
    string ChangedBy)
{
    /// <summary>
    /// The pair's field values (TM attributes) as name and value, a name once per value; filtered on exactly, the
    /// name without regard to case. Empty for none.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> Fields { get; init => field = value ?? throw new ArgumentNullException(nameof(value)); } = [];

    /// <summary>
    /// Bytes kept with the document as they are (a Lucene stored field, compressed with its neighbours) and given back
    /// by <see cref="SegmentSearchIndex.GetPayloads"/>; empty, the default, for none. The server keeps a copy of the
    /// whole pair here when it shares its store with other servers, to answer from it while that store is down.
    /// </summary>
    public ReadOnlyMemory<byte> Payload { get; init; }
}
