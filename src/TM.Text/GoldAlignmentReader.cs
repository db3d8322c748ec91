using System.Text.Json;

namespace TM.Text;

/// <summary>
/// Reads a gold alignment in JSON Lines: one bead per line,
/// <c>{"doc": "file.txt", "ko": ["문장.", …], "en": ["Sentence.", …]}</c>; an empty list makes a 1-0 or 0-1 bead.
/// Blank lines are skipped.
/// </summary>
public static class GoldAlignmentReader
{
    /// <summary>Reads the beads of one document, or of all documents, in file order.</summary>
    /// <param name="reader">The JSON Lines text.</param>
    /// <param name="document">Keep only beads whose "doc" equals this; null keeps all.</param>
    /// <returns>The beads, each with confidence 1.</returns>
    /// <exception cref="FormatException">A line is not a JSON object with "ko" and "en" string arrays; the message names the line.</exception>
    public static IReadOnlyList<Bead> Read(TextReader reader, string? document = null) =>
        ReadWhere(reader, document is null ? static _ => true : doc => doc == document);

    /// <summary>
    /// Reads the beads whose "doc" satisfies <paramref name="includeDocument"/>, in file order; for callers that
    /// match documents by more than equality (a path, a name without its extension).
    /// </summary>
    /// <param name="reader">The JSON Lines text.</param>
    /// <param name="includeDocument">Called with each line's "doc" (null when absent); the bead is kept when it returns true.</param>
    /// <returns>The beads, each with confidence 1.</returns>
    /// <exception cref="FormatException">A line is not a JSON object with "ko" and "en" string arrays; the message names the line.</exception>
    public static IReadOnlyList<Bead> ReadWhere(TextReader reader, Func<string?, bool> includeDocument)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(includeDocument);
        var beads = new List<Bead>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                using var json = JsonDocument.Parse(line);
                var root = json.RootElement;
                var doc = root.TryGetProperty("doc", out var docElement) ? docElement.GetString() : null;
                if (!includeDocument(doc))
                {
                    continue;
                }

                beads.Add(new Bead(Strings(root.GetProperty("ko")), Strings(root.GetProperty("en")), 1.0));
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                throw new FormatException(
                    $"Gold alignment line {lineNumber}: expected {{\"doc\": …, \"ko\": [strings], \"en\": [strings]}} ({e.Message})", e);
            }
        }

        return beads;
    }

    private static string[] Strings(JsonElement array) =>
        array.EnumerateArray().Select(e => e.GetString() ?? throw new InvalidOperationException("A sentence is null.")).ToArray();
}
