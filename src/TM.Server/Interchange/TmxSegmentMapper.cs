using TM.Interchange;
using TM.Storage;

namespace TM.Server.Interchange;

/// <summary>Turns TMX translation units into stored pairs and back: texts as read (placeholders included), tags and metadata as JSON.</summary>
internal static class TmxSegmentMapper
{
    public static SegmentInput ToInput(TranslationUnit unit, string origin) => new(
        unit.Korean,
        unit.English,
        origin,
        TmxUnitNote.Encode(unit),
        KoreanMarkup: InlineMarkupJson.Encode(unit.KoreanTags),
        EnglishMarkup: InlineMarkupJson.Encode(unit.EnglishTags));

    /// <summary>
    /// The unit to export with its history attributes: the creation date and author the pair came with from a TMX file,
    /// else when and by whom this server stored it; the change date and author of an edit or overwrite made here, else
    /// the file's, else the storing; the usage count the file gave plus the uses confirmed here.
    /// </summary>
    /// <exception cref="FormatException">The stored markup or metadata is damaged.</exception>
    public static TranslationUnit ToUnit(SegmentRecord record)
    {
        var unit = ToUnit(record.Segment);
        var changedHere = record.Changed > record.Created;
        return unit with
        {
            CreationDate = unit.CreationDate ?? record.Created,
            CreationId = unit.CreationId ?? NameOrNull(record.CreatedBy),
            ChangeDate = changedHere || unit.ChangeDate is null ? record.Changed : unit.ChangeDate,
            ChangeId = changedHere ? NameOrNull(record.ChangedBy) ?? unit.ChangeId : unit.ChangeId ?? NameOrNull(record.ChangedBy),
            UsageCount = record.UsageCount > 0 ? (int)Math.Min((unit.UsageCount ?? 0) + record.UsageCount, int.MaxValue) : unit.UsageCount,
            LastUsageDate = record.LastUsed ?? unit.LastUsageDate,
        };
    }

    /// <summary>The unit to export from the pair alone; throws <see cref="FormatException"/> when the stored markup or metadata is damaged.</summary>
    private static TranslationUnit ToUnit(StoredSegment segment)
    {
        TranslationUnit unit;
        try
        {
            // Pairs that did not come from TMX have no markup; a private-use character in their text is literal
            // and FromText turns it into a tag of its own, so the placeholder contract holds for the writer.
            unit = segment.KoreanMarkup.Length == 0 && segment.EnglishMarkup.Length == 0
                ? TranslationUnit.FromText(segment.Korean, segment.English)
                : new TranslationUnit(segment.Korean, InlineMarkupJson.Decode(segment.KoreanMarkup), segment.English, InlineMarkupJson.Decode(segment.EnglishMarkup));
        }
        catch (ArgumentException e)
        {
            throw new FormatException(e.Message, e);
        }
        return TmxUnitNote.Apply(unit, segment.Note);
    }

    // A pair stored without API keys has no author: no attribute rather than an empty one.
    private static string? NameOrNull(string name) => name.Length == 0 ? null : name;
}
