using System.Buffers;
using System.Text;
using System.Text.Json;
using TM.Interchange;

namespace TM.Server.Interchange;

/// <summary>
/// Writes and reads the inline tags of one segment side as the JSON kept in the <c>ko_markup</c> and
/// <c>en_markup</c> columns, so an export writes back the very <c>&lt;bpt&gt;</c>, <c>&lt;ph&gt;</c>… that were
/// imported. Shape (members left out when empty):
/// <c>[{"k":"Bpt","a":[["i","1"],["type","bold"]],"c":"&lt;b&gt;","s":[{"o":0,"t":"text","g":[…],"a":[…]}]}]</c>
/// — k = <see cref="InlineTagKind"/> name, a = attributes in file order, c = native code, s = subs with their
/// offset, text, tags and attributes. The empty string means no tags.
/// </summary>
internal static class InlineMarkupJson
{
    public static string Encode(IReadOnlyList<InlineTag> tags)
    {
        if (tags.Count == 0)
            return "";
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
            WriteTags(json, tags);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The tags of <paramref name="markup"/>; throws <see cref="FormatException"/> for JSON this class did not write.</summary>
    public static IReadOnlyList<InlineTag> Decode(string markup)
    {
        if (markup.Length == 0)
            return [];
        try
        {
            using var document = JsonDocument.Parse(markup);
            return ReadTags(document.RootElement);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException or ArgumentException)
        {
            throw new FormatException("Stored inline markup is not valid: " + e.Message, e);
        }
    }

    private static void WriteTags(Utf8JsonWriter json, IReadOnlyList<InlineTag> tags)
    {
        json.WriteStartArray();
        foreach (var tag in tags)
        {
            json.WriteStartObject();
            json.WriteString("k", tag.Kind.ToString());
            WriteAttributes(json, tag.Attributes);
            if (tag.Code.Length > 0)
                json.WriteString("c", tag.Code);
            if (tag.Subs.Count > 0)
            {
                json.WriteStartArray("s");
                foreach (var sub in tag.Subs)
                {
                    json.WriteStartObject();
                    json.WriteNumber("o", sub.Offset);
                    json.WriteString("t", sub.Text);
                    if (sub.Tags.Count > 0)
                    {
                        json.WritePropertyName("g");
                        WriteTags(json, sub.Tags);
                    }
                    WriteAttributes(json, sub.Attributes);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteAttributes(Utf8JsonWriter json, IReadOnlyList<TmxAttribute> attributes)
    {
        if (attributes.Count == 0)
            return;
        json.WriteStartArray("a");
        foreach (var attribute in attributes)
        {
            json.WriteStartArray();
            json.WriteStringValue(attribute.Name);
            json.WriteStringValue(attribute.Value);
            json.WriteEndArray();
        }
        json.WriteEndArray();
    }

    private static List<InlineTag> ReadTags(JsonElement array)
    {
        var tags = new List<InlineTag>(array.GetArrayLength());
        foreach (var element in array.EnumerateArray())
        {
            var kind = Enum.Parse<InlineTagKind>(element.GetProperty("k").GetString()!, ignoreCase: false);
            var code = element.TryGetProperty("c", out var c) ? c.GetString()! : "";
            List<InlineSub>? subs = null;
            if (element.TryGetProperty("s", out var s))
            {
                subs = [];
                foreach (var sub in s.EnumerateArray())
                {
                    var subTags = sub.TryGetProperty("g", out var g) ? ReadTags(g) : null;
                    subs.Add(new InlineSub(sub.GetProperty("o").GetInt32(), sub.GetProperty("t").GetString()!, subTags, ReadAttributes(sub)));
                }
            }
            tags.Add(new InlineTag(kind, ReadAttributes(element), code, subs));
        }
        return tags;
    }

    private static List<TmxAttribute>? ReadAttributes(JsonElement owner)
    {
        if (!owner.TryGetProperty("a", out var array))
            return null;
        var attributes = new List<TmxAttribute>(array.GetArrayLength());
        foreach (var pair in array.EnumerateArray())
            attributes.Add(new TmxAttribute(pair[0].GetString()!, pair[1].GetString()!));
        return attributes;
    }
}
