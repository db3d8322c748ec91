using System.Diagnostics.CodeAnalysis;
using System.Text;
using TM.Protos.V1;

namespace TM.Client.Editing;

/// <summary>
/// The text file <c>tm edit</c> opens in the editor: a header of <c>#</c> lines saying which pair it is, then a
/// <c>[ko]</c> and an <c>[en]</c> line, each followed by that side's text, then a <c>[fields]</c> line followed by the
/// pair's field values, one <c>name = value</c> a line (a field with two values on two lines). A side may run over several lines; its line
/// breaks are kept as <c>\n</c>, and the blank lines and spaces around it are dropped (<see cref="Normalize"/>), so
/// an editor that adds a final newline or strips trailing spaces changes nothing. Only the header's <c>#</c> lines
/// are comments: below <c>[ko]</c> every line is text, so a sentence starting with <c>#</c> survives.
/// </summary>
internal static class PairFile
{
    /// <summary>The line that starts the Korean side.</summary>
    public const string KoreanHeading = "[ko]";

    /// <summary>The line that starts the English side.</summary>
    public const string EnglishHeading = "[en]";

    /// <summary>The line that starts the field values.</summary>
    public const string FieldsHeading = "[fields]";

    /// <summary>The file for <paramref name="segment"/> of <paramref name="memory"/> (empty: the default memory).</summary>
    public static string Render(Segment segment, string memory)
    {
        ArgumentNullException.ThrowIfNull(segment);
        ArgumentNullException.ThrowIfNull(memory);
        // A line break in a name would end the comment and put the rest above [ko] as text.
        static string OneLine(string value) => value.ReplaceLineEndings(" ");
        var by = segment.ChangedBy.Length > 0 ? $" by {OneLine(segment.ChangedBy)}" : "";
        var text = new StringBuilder()
            .Append($"# tm edit: segment {OneLine(segment.SegmentId)} of {(memory.Length > 0 ? $"memory {OneLine(memory)}" : "the default memory")}, version {segment.Version}\n")
            .Append($"# {OneLine(segment.Origin)} · stored {segment.Created} · changed {segment.Changed}{by}\n")
            .Append("# Correct the text under [ko] and [en] and the fields under [fields] (name = value, a line each), save,\n")
            .Append("# and close the editor to store it.\n")
            .Append("# A side may take several lines (the line breaks are kept); blank lines and spaces around it are dropped.\n")
            .Append("# Lines starting with # above [ko] are ignored. To change nothing, close without saving.\n")
            .Append(KoreanHeading).Append('\n')
            .Append(segment.Ko).Append("\n\n")
            .Append(EnglishHeading).Append('\n')
            .Append(segment.En).Append("\n\n")
            .Append(FieldsHeading).Append('\n');
        foreach (var field in segment.Fields)
        {
            text.Append($"{field.Name} = {OneLine(field.Value)}\n");
        }

        return text.ToString();
    }

    /// <summary>
    /// Reads the two sides back from an edited file, each <see cref="Normalize"/>d, and the field values. Fails, saying
    /// what is wrong and where, on a missing or repeated heading, on text above <c>[ko]</c> that is not a <c>#</c>
    /// comment (it would be lost), or on a line under <c>[fields]</c> that is not <c>name = value</c>. An empty side is
    /// returned as such; the caller decides what it means. <paramref name="fields"/> is null when the file has no
    /// <c>[fields]</c> line (the fields stay as they are); under it, blank lines, <c>#</c> lines and <c>name =</c> with
    /// no value are left out.
    /// </summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out string? korean, [NotNullWhen(true)] out string? english,
        out IReadOnlyList<FieldValue>? fields, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        korean = english = error = null;
        fields = null;
        List<string>? koreanLines = null, englishLines = null, current = null;
        List<FieldValue>? fieldValues = null;
        var inFields = false;
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var heading = line.Trim();
            if (heading == FieldsHeading)
            {
                if (fieldValues is not null)
                {
                    error = $"line {i + 1} repeats {FieldsHeading}; the file has one.";
                    return false;
                }

                fieldValues = [];
                current = null;
                inFields = true;
            }
            else if (inFields && fieldValues is not null && heading is not (KoreanHeading or EnglishHeading))
            {
                if (heading.Length == 0 || heading.StartsWith('#'))
                {
                    continue;
                }

                var equals = heading.IndexOf('=', StringComparison.Ordinal);
                if (equals <= 0)
                {
                    error = $"line {i + 1} is not name = value; under {FieldsHeading} each line gives one field's value.";
                    return false;
                }

                var value = heading[(equals + 1)..].Trim();
                if (value.Length > 0)
                {
                    fieldValues.Add(new FieldValue { Name = heading[..equals].Trim(), Value = value });
                }
            }
            else if (heading is KoreanHeading or EnglishHeading)
            {
                if ((heading == KoreanHeading ? koreanLines : englishLines) is not null)
                {
                    error = $"line {i + 1} repeats {heading}; each side has one.";
                    return false;
                }

                current = [];
                inFields = false;
                if (heading == KoreanHeading)
                {
                    koreanLines = current;
                }
                else
                {
                    englishLines = current;
                }
            }
            else if (current is not null)
            {
                current.Add(line);
            }
            else if (!string.IsNullOrWhiteSpace(line) && !line.StartsWith('#'))
            {
                error = $"line {i + 1} is text above {KoreanHeading}; only lines starting with # may stand there.";
                return false;
            }
        }

        if (koreanLines is null || englishLines is null)
        {
            error = $"the {(koreanLines is null ? KoreanHeading : EnglishHeading)} line is missing; the file needs a {KoreanHeading} and an {EnglishHeading} line, each above its side's text.";
            return false;
        }

        korean = Normalize(string.Join('\n', koreanLines));
        english = Normalize(string.Join('\n', englishLines));
        fields = fieldValues;
        return true;
    }

    /// <summary>
    /// True when <paramref name="edited"/> holds the same values as <paramref name="stored"/>, in any order: lines moved
    /// around are no change worth a new version.
    /// </summary>
    public static bool SameFields(IEnumerable<FieldValue> stored, IEnumerable<FieldValue> edited)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(edited);
        static IEnumerable<string> Key(IEnumerable<FieldValue> values) => values.Select(v => v.Name + "\0" + v.Value).Order(StringComparer.Ordinal);
        return Key(stored).SequenceEqual(Key(edited), StringComparer.Ordinal);
    }

    /// <summary>A side as the file gives it back: line breaks as <c>\n</c>, no white space or blank lines around it.</summary>
    public static string Normalize(string side)
    {
        ArgumentNullException.ThrowIfNull(side);
        return side.ReplaceLineEndings("\n").Trim();
    }
}
