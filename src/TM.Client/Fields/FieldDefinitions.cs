using System.CommandLine;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using TM.Protos.V1;

namespace TM.Client.Fields;

/// <summary>
/// A memory's field definitions on the command line and in listings: <c>name:type</c>, the type one of <c>text</c>,
/// <c>date</c>, <c>number</c> or <c>picklist=choice,choice,…</c> (<c>--field "domain:picklist=war,armistice"</c>).
/// The name stops at the first <c>:</c>, which a field's name never holds; a choice cannot hold a comma.
/// </summary>
internal static class FieldDefinitions
{
    /// <summary>The syntax, for help texts and error messages.</summary>
    public const string Syntax = "name:text, name:date, name:number or name:picklist=choice,choice,…";

    // A listing shows this many choices of a picklist at most: a picklist may have 500.
    private const int ChoicesShown = 6;

    private static readonly Dictionary<string, FieldType> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        ["text"] = FieldType.Text,
        ["picklist"] = FieldType.Picklist,
        ["date"] = FieldType.Date,
        ["number"] = FieldType.Number,
    };

    /// <summary>A repeatable <c>name:type</c> option.</summary>
    public static Option<FieldDefinition[]> Option(string description) =>
        RepeatedOption.Create("--field", description, "name:type",
            token => TryParse(token, out var definition, out var error) ? (definition, "") : (null, $"--field takes {Syntax}; '{token}' {error}."));

    /// <summary>
    /// Reads one definition. The server checks the rest (which characters a name may hold, names unique, how many
    /// choices) and says which rule a definition breaks.
    /// </summary>
    public static bool TryParse(string token, [NotNullWhen(true)] out FieldDefinition? definition, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(token);
        definition = null;
        var colon = token.IndexOf(':', StringComparison.Ordinal);
        var name = colon < 0 ? token.Trim() : token[..colon].Trim();
        var spec = colon < 0 ? "" : token[(colon + 1)..];
        var equals = spec.IndexOf('=', StringComparison.Ordinal);
        var typeName = (equals < 0 ? spec : spec[..equals]).Trim();
        if (name.Length == 0 || colon < 0)
        {
            error = name.Length == 0 ? "names no field" : "has no type after the name";
            return false;
        }

        if (!Types.TryGetValue(typeName, out var type))
        {
            error = $"has no type '{typeName}' (text, date, number or picklist)";
            return false;
        }

        string[] choices = equals < 0
            ? []
            : [.. spec[(equals + 1)..].Split(',').Select(choice => choice.Trim()).Where(choice => choice.Length > 0)];
        if (type == FieldType.Picklist && choices.Length == 0)
        {
            error = $"needs its choices: {name}:picklist=one,two,…";
            return false;
        }

        if (type != FieldType.Picklist && equals >= 0)
        {
            error = "gives choices, which only a picklist has";
            return false;
        }

        definition = new FieldDefinition { Name = name, Type = type, Choices = { choices } };
        error = null;
        return true;
    }

    /// <summary>
    /// One definition in the command line's form; with <paramref name="brief"/>, a long picklist shows its first
    /// choices and how many there are.
    /// </summary>
    public static string Format(FieldDefinition definition, bool brief)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var text = $"{definition.Name}:{TypeName(definition.Type)}";
        if (definition.Type != FieldType.Picklist)
        {
            return text;
        }

        return brief && definition.Choices.Count > ChoicesShown
            ? $"{text}={string.Join(',', definition.Choices.Take(ChoicesShown - 1))},… ({definition.Choices.Count} choices)"
            : $"{text}={string.Join(',', definition.Choices)}";
    }

    /// <summary>Writes <c>"fields": [{"name": …, "type": "picklist", "choices": […]}, …]</c>.</summary>
    public static void Write(Utf8JsonWriter json, IEnumerable<FieldDefinition> definitions)
    {
        ArgumentNullException.ThrowIfNull(json);
        json.WriteStartArray("fields");
        foreach (var definition in definitions)
        {
            json.WriteStartObject();
            json.WriteString("name", definition.Name);
            json.WriteString("type", TypeName(definition.Type));
            json.WriteStartArray("choices");
            foreach (var choice in definition.Choices)
            {
                json.WriteStringValue(choice);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>The type's word in the command line's syntax: text, picklist, date or number.</summary>
    public static string TypeName(FieldType type) => type switch
    {
        FieldType.Picklist => "picklist",
        FieldType.Date => "date",
        FieldType.Number => "number",
        _ => "text",
    };
}
