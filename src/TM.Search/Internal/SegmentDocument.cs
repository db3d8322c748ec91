using System.Runtime.InteropServices;
using Lucene.Net.Documents;
using Lucene.Net.Util;

namespace TM.Search.Internal;

/// <summary>
/// A reusable Lucene document for one segment (Lucene's advice for fast indexing: one document and its fields per
/// thread, values set again for every segment). Everything but the texts is a doc value, checked on hits (filters,
/// the page); only the origin is also indexed, as one term, so that a search filtered by one document intersects
/// postings. Why each field is there and what indexing costs: SEARCH.md.
/// </summary>
internal sealed class SegmentDocument
{
    [ThreadStatic]
    private static SegmentDocument? t_current;

    private readonly NumericDocValuesField _id = new(SearchFields.Id, 0);
    private readonly NumericDocValuesField _memory = new(SearchFields.Memory, 0);
    private readonly NumericDocValuesField _import = new(SearchFields.Import, 0);
    private readonly SortedDocValuesField _origin = new(SearchFields.Origin, new BytesRef());

    // The origin indexed as one term as well: a search filtered by one document intersects its postings instead of
    // checking every hit of the term (see SegmentSearchIndex.Search). One token per pair.
    private readonly StringField _originTerm = new(SearchFields.Origin, "", Field.Store.NO);
    private readonly SortedDocValuesField _createdBy = new(SearchFields.CreatedBy, new BytesRef());
    private readonly SortedDocValuesField _changedBy = new(SearchFields.ChangedBy, new BytesRef());
    private readonly NumericDocValuesField _created = new(SearchFields.Created, 0);
    private readonly NumericDocValuesField _changed = new(SearchFields.Changed, 0);
    private readonly Field _korean = new(SearchFields.Korean, "", SearchFields.Text);
    private readonly Field _english = new(SearchFields.English, "", SearchFields.Text);

    private SegmentDocument()
    {
        Document = [_id, _memory, _import, _origin, _originTerm, _createdBy, _changedBy, _created, _changed, _korean, _english];
    }

    /// <summary>This thread's document.</summary>
    public static SegmentDocument Current => t_current ??= new SegmentDocument();

    public Document Document { get; }

    public Document Set(IndexedSegment segment)
    {
        _id.SetInt64Value(segment.Id);
        _memory.SetInt64Value(segment.MemoryId);
        _import.SetInt64Value(segment.ImportId);
        _origin.SetBytesValue(new BytesRef(segment.Origin));
        _originTerm.SetStringValue(segment.Origin);
        _createdBy.SetBytesValue(new BytesRef(segment.CreatedBy));
        _changedBy.SetBytesValue(new BytesRef(segment.ChangedBy));
        _created.SetInt64Value(segment.Created.UtcTicks);
        _changed.SetInt64Value(segment.Changed.UtcTicks);
        _korean.SetStringValue(segment.Korean);
        _english.SetStringValue(segment.English);
        // Fields vary in number from pair to pair, so these are the document's only fields made per pair.
        Document.RemoveFields(SearchFields.Fields);
        foreach (var (name, value) in segment.Fields)
        {
            Document.Add(new SortedSetDocValuesField(SearchFields.Fields, SearchFields.FieldKey(name, value)));
        }

        Document.RemoveFields(SearchFields.Payload);
        if (!segment.Payload.IsEmpty)
        {
            byte[] payload = MemoryMarshal.TryGetArray(segment.Payload, out ArraySegment<byte> array)
                ? array.Array!
                : segment.Payload.ToArray();
            int offset = array.Array is null ? 0 : array.Offset;
            Document.Add(new StoredField(SearchFields.Payload, new BytesRef(payload, offset, segment.Payload.Length)));
        }

        return Document;
    }
}
