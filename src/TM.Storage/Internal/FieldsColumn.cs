using System.Text.Json;

namespace TM.Storage.Internal;

/// <summary>
/// The JSON of the <c>fields</c> columns (migration 011): a pair's values as <c>[["name", "value"], …]</c>, a memory's
/// definitions as <c>[{"name", "type", "choices"}, …]</c>, its field penalties as <c>[["name", "value", points], …]</c>; the empty text for none, so a pair without fields (nearly
/// every pair an aligner makes) costs nothing to write or read.
/// </summary>
internal static class FieldsColumn
{
    public static string Write(IReadOnlyList<FieldValue> values)
    {
        if (values.Count == 0)
            return "";
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var value in values)
            {
                json.WriteStartArray();
                json.WriteStringValue(value.Name);
                json.WriteStringValue(value.Value);
                json.WriteEndArray();
            }
            json.WriteEndArray();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    public static IReadOnlyList<FieldValue> ReadValues(string text)
    {
        if (text.Length == 0)
            return [];
        using var document = JsonDocument.Parse(text);
        var values = new List<FieldValue>(document.RootElement.GetArrayLength());
        foreach (var pair in document.RootElement.EnumerateArray())
            values.Add(new FieldValue(pair[0].GetString()!, pair[1].GetString()!));
        return values;
    }

    public static string Write(IReadOnlyList<FieldDefinition> definitions)
    {
        if (definitions.Count == 0)
            return "";
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var definition in definitions)
            {
                json.WriteStartObject();
                json.WriteString("name", definition.Name);
                json.WriteString("type", TypeName(definition.Type));
                if (definition.Choices.Count > 0)
                {
                    json.WriteStartArray("choices");
                    foreach (var choice in definition.Choices)
                        json.WriteStringValue(choice);
                    json.WriteEndArray();
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    public static IReadOnlyList<FieldDefinition> ReadDefinitions(string text)
    {
        if (text.Length == 0)
            return [];
        using var document = JsonDocument.Parse(text);
        var definitions = new List<FieldDefinition>(document.RootElement.GetArrayLength());
        foreach (var element in document.RootElement.EnumerateArray())
        {
            var choices = new List<string>();
            if (element.TryGetProperty("choices", out var array))
            {
                foreach (var choice in array.EnumerateArray())
                    choices.Add(choice.GetString()!);
            }
            definitions.Add(new FieldDefinition(element.GetProperty("name").GetString()!, ParseType(element.GetProperty("type").GetString()!), choices));
        }
        return definitions;
    }

    public static string Write(IReadOnlyList<FieldPenalty> penalties)
    {
        if (penalties.Count == 0)
            return "";
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var penalty in penalties)
            {
                json.WriteStartArray();
                json.WriteStringValue(penalty.Name);
                json.WriteStringValue(penalty.Value);
                json.WriteNumberValue(penalty.Points);
                json.WriteEndArray();
            }
            json.WriteEndArray();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    public static IReadOnlyList<FieldPenalty> ReadPenalties(string text)
    {
        if (text.Length == 0)
            return [];
        using var document = JsonDocument.Parse(text);
        var penalties = new List<FieldPenalty>(document.RootElement.GetArrayLength());
        foreach (var entry in document.RootElement.EnumerateArray())
            penalties.Add(new FieldPenalty(entry[0].GetString()!, entry[1].GetString()!, entry[2].GetDouble()));
        return penalties;
    }

    private static string TypeName(FieldType type) => type switch
    {
        FieldType.Text => "text",
        FieldType.Picklist => "picklist",
        FieldType.Date => "date",
        FieldType.Number => "number",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown field type."),
    };

    private static FieldType ParseType(string name) => name switch
    {
        "text" => FieldType.Text,
        "picklist" => FieldType.Picklist,
        "date" => FieldType.Date,
        "number" => FieldType.Number,
        _ => throw new InvalidDataException($"The database names a field type '{name}' this server does not know; it was written by a newer version."),
    };
}
