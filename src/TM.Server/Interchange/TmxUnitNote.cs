using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using TM.Interchange;

namespace TM.Server.Interchange;

/// <summary>
/// Keeps a TMX unit's metadata in the segment's <c>note</c> column, so an export writes it back: the
/// <c>tuid</c>, dates, user ids and usage count of the <c>&lt;tu&gt;</c>, its <c>&lt;prop&gt;</c>s and
/// <c>&lt;note&gt;</c>s, and the same for each <c>&lt;tuv&gt;</c>. Stored as one compact JSON object starting
/// <c>{"tmx":1</c>; a unit without metadata stores the empty string. A note that is not in this form (free text
/// from ImportSegments) is exported as one <c>&lt;note&gt;</c>.
/// </summary>
internal static class TmxUnitNote
{
    private const string Marker = "{\"tmx\":1";

    public static string Encode(TranslationUnit unit)
    {
        if (unit.Tuid is null && unit.CreationDate is null && unit.CreationId is null && unit.ChangeDate is null && unit.ChangeId is null
            && unit.UsageCount is null && unit.LastUsageDate is null && unit.Properties.Count == 0 && unit.Notes.Count == 0
            && unit.KoreanMetadata.IsEmpty && unit.EnglishMetadata.IsEmpty)
            return "";
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("tmx", 1);
            WriteString(json, "tuid", unit.Tuid);
            WriteDate(json, "created", unit.CreationDate);
            WriteString(json, "creator", unit.CreationId);
            WriteDate(json, "changed", unit.ChangeDate);
            WriteString(json, "changer", unit.ChangeId);
            if (unit.UsageCount is { } usage)
                json.WriteNumber("usage", usage);
            WriteDate(json, "lastUsed", unit.LastUsageDate);
            WriteLists(json, unit.Properties, unit.Notes);
            WriteVariant(json, "ko", unit.KoreanMetadata);
            WriteVariant(json, "en", unit.EnglishMetadata);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary><paramref name="unit"/> with the metadata of <paramref name="note"/>; throws <see cref="FormatException"/> for a damaged metadata note.</summary>
    public static TranslationUnit Apply(TranslationUnit unit, string note)
    {
        if (note.Length == 0)
            return unit;
        if (!note.StartsWith(Marker, StringComparison.Ordinal))
            return unit with { Notes = [new TmxNote(note)] };
        try
        {
            using var document = JsonDocument.Parse(note);
            var root = document.RootElement;
            return unit with
            {
                Tuid = String(root, "tuid"),
                CreationDate = Date(root, "created"),
                CreationId = String(root, "creator"),
                ChangeDate = Date(root, "changed"),
                ChangeId = String(root, "changer"),
                UsageCount = root.TryGetProperty("usage", out var usage) ? usage.GetInt32() : null,
                LastUsageDate = Date(root, "lastUsed"),
                Properties = Properties(root),
                Notes = Notes(root),
                KoreanMetadata = Variant(root, "ko"),
                EnglishMetadata = Variant(root, "en"),
            };
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException)
        {
            throw new FormatException("Stored TMX metadata is not valid: " + e.Message, e);
        }
    }

    private static void WriteVariant(Utf8JsonWriter json, string name, VariantMetadata variant)
    {
        if (variant.IsEmpty)
            return;
        json.WriteStartObject(name);
        WriteDate(json, "created", variant.CreationDate);
        WriteString(json, "creator", variant.CreationId);
        WriteDate(json, "changed", variant.ChangeDate);
        WriteString(json, "changer", variant.ChangeId);
        WriteLists(json, variant.Properties, variant.Notes);
        json.WriteEndObject();
    }

    private static void WriteLists(Utf8JsonWriter json, IReadOnlyList<TmxProperty> properties, IReadOnlyList<TmxNote> notes)
    {
        if (properties.Count > 0)
        {
            json.WriteStartArray("props");
            foreach (var property in properties)
            {
                json.WriteStartObject();
                json.WriteString("type", property.Type);
                json.WriteString("value", property.Value);
                WriteString(json, "lang", property.Language);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        if (notes.Count > 0)
        {
            json.WriteStartArray("notes");
            foreach (var note in notes)
            {
                json.WriteStartObject();
                json.WriteString("text", note.Text);
                WriteString(json, "lang", note.Language);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
    }

    private static void WriteString(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
            json.WriteString(name, value);
    }

    private static void WriteDate(Utf8JsonWriter json, string name, DateTimeOffset? value)
    {
        if (value is { } date)
            json.WriteString(name, date.ToString("O", CultureInfo.InvariantCulture));
    }

    private static VariantMetadata Variant(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var variant))
            return VariantMetadata.Empty;
        return new VariantMetadata
        {
            CreationDate = Date(variant, "created"),
            CreationId = String(variant, "creator"),
            ChangeDate = Date(variant, "changed"),
            ChangeId = String(variant, "changer"),
            Properties = Properties(variant),
            Notes = Notes(variant),
        };
    }

    private static List<TmxProperty> Properties(JsonElement owner)
    {
        var properties = new List<TmxProperty>();
        if (owner.TryGetProperty("props", out var array))
        {
            foreach (var property in array.EnumerateArray())
                properties.Add(new TmxProperty(property.GetProperty("type").GetString()!, property.GetProperty("value").GetString()!, String(property, "lang")));
        }
        return properties;
    }

    private static List<TmxNote> Notes(JsonElement owner)
    {
        var notes = new List<TmxNote>();
        if (owner.TryGetProperty("notes", out var array))
        {
            foreach (var note in array.EnumerateArray())
                notes.Add(new TmxNote(note.GetProperty("text").GetString()!, String(note, "lang")));
        }
        return notes;
    }

    private static string? String(JsonElement owner, string name) =>
        owner.TryGetProperty(name, out var value) ? value.GetString() : null;

    private static DateTimeOffset? Date(JsonElement owner, string name) =>
        owner.TryGetProperty(name, out var value)
            ? DateTimeOffset.Parse(value.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)
            : null;
}
