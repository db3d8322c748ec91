using System.Text.Json;
using TM.Client.Input;

namespace TM.Client.Alignment;

/// <summary>
/// Reads a gold alignment in JSON Lines: one bead per line, <c>{"doc": "...", "ko": [sentences], "en": [sentences]}</c>.
/// One file may hold the beads of many documents; only those of the document being aligned are kept.
/// </summary>
internal static class GoldFile
{
    /// <summary>
    /// The beads of <paramref name="path"/> whose <c>doc</c> names <paramref name="documentPath"/>: its file name
    /// (alone or after a directory), or its file name without the extension.
    /// </summary>
    /// <exception cref="InputFileException">The file is unreadable, a line is not a bead, or no bead names the document.</exception>
    public static IReadOnlyList<GoldBead> Load(string path, string documentPath)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(documentPath);
        var text = DocumentFileReader.ReadAllText(path);
        var fileName = Path.GetFileName(documentPath);
        var stem = Path.GetFileNameWithoutExtension(documentPath);
        var beads = new List<GoldBead>();
        var lineNumber = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(rawLine))
            {
                continue;
            }

            var bead = Parse(path, lineNumber, rawLine, out var doc);
            if (string.Equals(Path.GetFileName(doc), fileName, StringComparison.Ordinal) || string.Equals(doc, stem, StringComparison.Ordinal))
            {
                beads.Add(bead);
            }
        }

        if (beads.Count == 0)
        {
            throw new InputFileException(path, 0, $"no bead has \"doc\": \"{fileName}\" (or \"{stem}\").");
        }

        return beads;
    }

    private static GoldBead Parse(string path, int line, string json, out string doc)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new InputFileException(path, line, "expected a JSON object {\"doc\", \"ko\", \"en\"}.");
            }

            doc = root.TryGetProperty("doc", out var docElement) && docElement.ValueKind == JsonValueKind.String
                ? docElement.GetString()!
                : throw new InputFileException(path, line, "\"doc\" is missing or not a string.");
            return new GoldBead(Sentences(path, line, root, "ko"), Sentences(path, line, root, "en"), line);
        }
        catch (JsonException ex)
        {
            throw new InputFileException(path, line, $"not valid JSON: {ex.Message}");
        }
    }

    private static string[] Sentences(string path, int line, JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var array) || array.ValueKind != JsonValueKind.Array)
        {
            throw new InputFileException(path, line, $"\"{name}\" is missing or not an array of sentences.");
        }

        var sentences = new string[array.GetArrayLength()];
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            sentences[i++] = item.ValueKind == JsonValueKind.String
                ? item.GetString()!
                : throw new InputFileException(path, line, $"\"{name}\" holds a {item.ValueKind}, expected strings.");
        }

        return sentences;
    }
}
