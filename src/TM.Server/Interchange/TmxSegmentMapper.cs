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

    /// <summary>The unit to export; throws <see cref="FormatException"/> when the stored markup or metadata is damaged.</summary>
    public static TranslationUnit ToUnit(StoredSegment segment)
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
}
