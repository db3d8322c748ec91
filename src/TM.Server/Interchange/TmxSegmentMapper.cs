using TM.Interchange;
using TM.Server.Memory;
using TM.Storage;

namespace TM.Server.Interchange;

/// <summary>Turns TMX translation units into stored pairs and back: texts as read (placeholders included), tags and metadata as JSON.</summary>
internal static class TmxSegmentMapper
{
    /// <summary>
    /// The prop a pair's origin (the document or file it came from) is exported as, and read back from: a memory moved
    /// to another server through TMX keeps its pairs' origins rather than taking the export file's name. Not
    /// <c>x-origin</c>: Trados writes <c>x-Origin</c> for how a translation was made (TM, MT, a person).
    /// </summary>
    public const string OriginProperty = "x-tm-origin";

    /// <summary>
    /// The pair to store for <paramref name="unit"/>: a <c>&lt;prop&gt;</c> that names one of the memory's fields with
    /// a value that fits it becomes that field's value; every other prop stays with the unit's metadata, exported again
    /// as it came (nothing a file carries is dropped).
    /// </summary>
    public static SegmentInput ToInput(TranslationUnit unit, string origin, FieldSchema? fields = null)
    {
        foreach (var property in unit.Properties)
        {
            if (string.Equals(property.Type, OriginProperty, StringComparison.OrdinalIgnoreCase) && IsStorableOrigin(property.Value))
            {
                origin = property.Value;
                unit = unit with { Properties = [.. unit.Properties.Where(p => !ReferenceEquals(p, property))] };
                break;
            }
        }
        IReadOnlyList<FieldValue> values = [];
        if (fields is { Definitions.Count: > 0 } && unit.Properties.Count > 0)
        {
            var found = new List<FieldValue>();
            var kept = new List<TmxProperty>();
            foreach (var property in unit.Properties)
            {
                if (found.Count < FieldSchema.MaxValuesPerPair && fields.TryFromProperty(property.Type, property.Value, out var value))
                {
                    if (!found.Contains(value))
                        found.Add(value);
                }
                else
                {
                    kept.Add(property);
                }
            }
            if (found.Count > 0)
            {
                values = fields.Ordered(found);
                unit = unit with { Properties = kept };
            }
        }
        return new SegmentInput(
            unit.Korean,
            unit.English,
            origin,
            TmxUnitNote.Encode(unit),
            KoreanMarkup: InlineMarkupJson.Encode(unit.KoreanTags),
            EnglishMarkup: InlineMarkupJson.Encode(unit.EnglishTags))
        {
            Fields = values,
        };
    }

    /// <summary>
    /// The unit to export with its history attributes: the creation date and author the pair came with from a TMX file,
    /// else when and by whom this server stored it; the change date and author of an edit or overwrite made here, else
    /// the file's, else the storing; the usage count the file gave plus the uses confirmed here. Its field values follow
    /// the props it came with, each as <c>&lt;prop type="x-name"&gt;</c>.
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
            Properties = record.Segment.Origin.Length == 0 && record.Segment.Fields.Count == 0
                ? unit.Properties
                : [.. OriginProperties(record.Segment.Origin), .. unit.Properties, .. FieldProperties(record.Segment.Fields)],
        };
    }

    private static IEnumerable<TmxProperty> OriginProperties(string origin)
    {
        if (origin.Length > 0)
            yield return new TmxProperty(OriginProperty, origin);
    }

    private static bool IsStorableOrigin(string origin) =>
        origin.Trim().Length > 0 && origin.Length <= Services.RequestLimits.MaxOriginLength && XmlText.IndexOfInvalid(origin) < 0;

    private static IEnumerable<TmxProperty> FieldProperties(IReadOnlyList<FieldValue> fields)
    {
        foreach (var field in fields)
            yield return new TmxProperty(FieldSchema.PropertyType(field.Name), field.Value);
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
