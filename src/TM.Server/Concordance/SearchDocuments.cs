using TM.Search;
using TM.Server.Interchange;
using TM.Storage;

namespace TM.Server.Concordance;

/// <summary>What the search index holds of a stored segment: its plain texts (inline tags left out, as clients see them) and the fields a concordance filters on.</summary>
internal static class SearchDocuments
{
    /// <param name="record">The stored pair.</param>
    /// <param name="keepRecord">Whether the document keeps a copy of the whole pair (<see cref="SegmentRecordPayload"/>).</param>
    public static IndexedSegment From(SegmentRecord record, bool keepRecord = false)
    {
        var segment = record.Segment;
        return new IndexedSegment(
            segment.Id,
            record.MemoryId,
            SideRendering.PlainText(segment.Korean, segment.KoreanMarkup),
            SideRendering.PlainText(segment.English, segment.EnglishMarkup),
            segment.Origin,
            record.ImportId,
            record.Created,
            record.Changed,
            record.CreatedBy,
            record.ChangedBy)
        {
            Fields = Fields(segment.Fields),
            Payload = keepRecord ? SegmentRecordPayload.Encode(record) : default,
        };
    }

    private static IReadOnlyList<KeyValuePair<string, string>> Fields(IReadOnlyList<FieldValue> values)
    {
        if (values.Count == 0)
            return [];
        var pairs = new KeyValuePair<string, string>[values.Count];
        for (var i = 0; i < pairs.Length; i++)
            pairs[i] = new(values[i].Name, values[i].Value);
        return pairs;
    }
}
