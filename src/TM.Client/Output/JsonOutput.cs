using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace TM.Client.Output;

/// <summary>
/// Writes the one JSON document a <c>--json</c> command prints on stdout. Written by hand with
/// <see cref="Utf8JsonWriter"/>: the shapes are small, and a writer keeps the CLI contract visible in the
/// command that owns it instead of in attribute-driven serialisation.
/// </summary>
internal static class JsonOutput
{
    // Korean stays readable (no \uXXXX escapes); the HTML-sensitive characters the default encoder escapes do
    // not matter on a terminal or in a pipe.
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Runs <paramref name="write"/> against a JSON writer and prints the result, followed by a newline.</summary>
    public static void Write(TextWriter output, Action<Utf8JsonWriter> write)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(write);
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            write(json);
        }

        output.WriteLine(Encoding.UTF8.GetString(buffer.WrittenSpan));
        output.Flush();
    }

    /// <summary>Writes <paramref name="values"/> as a JSON array of strings under <paramref name="name"/>.</summary>
    public static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(values);
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    /// <summary>
    /// Writes one page of a listing: <c>{"total", "nextPageToken", name: [items]}</c>, each item written by
    /// <paramref name="writeItem"/>.
    /// </summary>
    public static void WritePage<T>(Utf8JsonWriter json, long total, string nextPageToken, string name, IEnumerable<T> items, Action<Utf8JsonWriter, T> writeItem)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(writeItem);
        json.WriteStartObject();
        json.WriteNumber("total", total);
        json.WriteString("nextPageToken", nextPageToken);
        json.WriteStartArray(name);
        foreach (var item in items)
        {
            writeItem(json, item);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
