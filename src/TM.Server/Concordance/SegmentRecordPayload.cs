using TM.Storage;

namespace TM.Server.Concordance;

/// <summary>
/// A whole stored pair as bytes, kept with its search-index document on a shared store so that this server can still
/// answer lookups and concordances while the database is down (<see cref="SearchIndexFollower.GetStoredRecords"/>).
/// </summary>
/// <remarks>
/// A private format of this server's local cache, never exchanged: BinaryWriter's length-prefixed UTF-8 strings and
/// little-endian numbers, after a format byte so that a later layout can tell old documents apart (it would rebuild
/// the index). Lucene compresses stored fields in 16 KB blocks, so the texts cost about what they weigh compressed.
/// </remarks>
internal static class SegmentRecordPayload
{
    private const byte Format = 1;

    public static byte[] Encode(SegmentRecord record)
    {
        using var buffer = new MemoryStream(256);
        using (var writer = new BinaryWriter(buffer))
        {
            var segment = record.Segment;
            writer.Write(Format);
            writer.Write(segment.Id);
            writer.Write(segment.Korean);
            writer.Write(segment.English);
            writer.Write(segment.Origin);
            writer.Write(segment.Note);
            writer.Write(segment.Confidence);
            writer.Write(segment.LowConfidence);
            writer.Write(segment.KoreanMarkup);
            writer.Write(segment.EnglishMarkup);
            writer.Write(segment.Fields.Count);
            foreach (var field in segment.Fields)
            {
                writer.Write(field.Name);
                writer.Write(field.Value);
            }
            writer.Write(record.MemoryId);
            writer.Write(record.ImportId);
            writer.Write(record.Created.UtcTicks);
            writer.Write(record.Changed.UtcTicks);
            writer.Write(record.CreatedBy);
            writer.Write(record.ChangedBy);
            writer.Write(record.Version);
            writer.Write(record.UsageCount);
            writer.Write(record.LastUsed?.UtcTicks ?? 0);
        }
        return buffer.ToArray();
    }

    /// <exception cref="InvalidDataException">The bytes are not a payload of this format.</exception>
    public static SegmentRecord Decode(byte[] payload)
    {
        using var reader = new BinaryReader(new MemoryStream(payload, writable: false));
        if (reader.ReadByte() != Format)
            throw new InvalidDataException("A search-index document holds a stored pair of an unknown format.");
        var id = reader.ReadInt64();
        var korean = reader.ReadString();
        var english = reader.ReadString();
        var origin = reader.ReadString();
        var note = reader.ReadString();
        var confidence = reader.ReadDouble();
        var lowConfidence = reader.ReadBoolean();
        var koreanMarkup = reader.ReadString();
        var englishMarkup = reader.ReadString();
        var fields = new FieldValue[reader.ReadInt32()];
        for (var i = 0; i < fields.Length; i++)
            fields[i] = new FieldValue(reader.ReadString(), reader.ReadString());
        var segment = new StoredSegment(id, korean, english, origin, note, confidence, lowConfidence, koreanMarkup, englishMarkup) { Fields = fields };
        var memoryId = reader.ReadInt64();
        var importId = reader.ReadInt64();
        var created = new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero);
        var changed = new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero);
        var createdBy = reader.ReadString();
        var changedBy = reader.ReadString();
        var version = reader.ReadInt64();
        var usage = reader.ReadInt64();
        var lastUsed = reader.ReadInt64();
        return new SegmentRecord(segment, memoryId, importId, created, changed, createdBy, changedBy)
        {
            Version = version,
            UsageCount = usage,
            LastUsed = lastUsed == 0 ? null : new DateTimeOffset(lastUsed, TimeSpan.Zero),
        };
    }
}
