using System.CommandLine;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using TM.Protos.V1;

namespace TM.Client.Fields;

/// <summary>
/// A pair's field values on the command line (<c>--field domain=war</c>, repeatable) and in what <c>tm</c> prints
/// (<c>domain=war · journal=군사사연구</c>, the same form, so a value shown can be pasted into a filter).
/// </summary>
internal static class FieldValues
{
    /// <summary>What stands between two values when a pair's fields are printed on one line.</summary>
    public const string Separator = " · ";

    /// <summary>The <c>--field</c> filter of match, concordance and segment list, with the server's semantics.</summary>
    public static Option<FieldValue[]> FilterOption() => Option("--field",
        "Only pairs whose field holds this value; repeatable: a name given twice takes either value, different names must all hold");

    /// <summary>
    /// A repeatable <c>name=value</c> option. With <paramref name="allowEmptyValue"/>, <c>name=</c> is accepted (a value
    /// of ""), for the commands where it means "remove this field".
    /// </summary>
    public static Option<FieldValue[]> Option(string name, string description, bool allowEmptyValue = false) =>
        RepeatedOption.Create(name, description, "name=value",
            token => TryParse(token, allowEmptyValue, out var value, out var error) ? (value, "") : (null, $"{name} {error} '{token}' is not."));

    /// <summary>
    /// Reads <c>name=value</c>: the name is what stands before the first <c>=</c> (a field's name never holds one),
    /// the value everything after it, both trimmed.
    /// </summary>
    public static bool TryParse(string token, bool allowEmptyValue, [NotNullWhen(true)] out FieldValue? value, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(token);
        value = null;
        error = null;
        var equals = token.IndexOf('=', StringComparison.Ordinal);
        var name = equals < 0 ? "" : token[..equals].Trim();
        var text = equals < 0 ? "" : token[(equals + 1)..].Trim();
        if (equals < 0 || name.Length == 0)
        {
            error = "takes a field's name and a value, name=value (e.g. domain=war);";
            return false;
        }

        if (text.Length == 0 && !allowEmptyValue)
        {
            error = $"needs a value after '{name}=';";
            return false;
        }

        value = new FieldValue { Name = name, Value = text };
        return true;
    }

    /// <summary>The values on one line, <c>name=value</c> each, in the server's order (the memory's definitions'); "" for none.</summary>
    public static string Format(IEnumerable<FieldValue> values) =>
        string.Join(Separator, values.Select(value => $"{value.Name}={value.Value}"));

    /// <summary>Writes <c>"fields": [{"name": …, "value": …}, …]</c>: one object per value, as the API sends them.</summary>
    public static void Write(Utf8JsonWriter json, IEnumerable<FieldValue> values)
    {
        ArgumentNullException.ThrowIfNull(json);
        json.WriteStartArray("fields");
        foreach (var value in values)
        {
            json.WriteStartObject();
            json.WriteString("name", value.Name);
            json.WriteString("value", value.Value);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
