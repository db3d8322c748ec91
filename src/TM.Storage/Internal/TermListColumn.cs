using System.Text.Json;

namespace TM.Storage.Internal;

/// <summary>
/// The JSON of the terms table's list columns (migration 012): <c>["form", …]</c>, the empty text for none, as the
/// <c>fields</c> columns keep theirs (<see cref="FieldsColumn"/>), so an entry without variants costs nothing to read.
/// </summary>
internal static class TermListColumn
{
    public static string Write(IReadOnlyList<string> forms)
    {
        if (forms.Count == 0)
            return "";
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var form in forms)
                json.WriteStringValue(form);
            json.WriteEndArray();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    public static IReadOnlyList<string> Read(string text)
    {
        if (text.Length == 0)
            return [];
        using var document = JsonDocument.Parse(text);
        var forms = new List<string>(document.RootElement.GetArrayLength());
        foreach (var form in document.RootElement.EnumerateArray())
            forms.Add(form.GetString()!);
        return forms;
    }
}
