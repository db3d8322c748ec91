namespace TM.Text.Internal;

/// <summary>
/// Turns the input string into validated lines: drops byte order marks, accepts CRLF, LF and CR, and rejects
/// input that is empty, binary or has absurdly long lines, naming the line (and column) so the sender can fix it.
/// </summary>
internal static class DocumentReader
{
    public static List<SourceLine> Read(string text, int maxLineLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxLineLength);

        var lines = new List<SourceLine>();
        var hasContent = false;
        var lineNumber = 1;
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            var atEnd = i == text.Length;
            var c = atEnd ? '\n' : text[i];
            if (c is '\n' or '\r')
            {
                var line = Clean(text.AsSpan(start, i - start), lineNumber, maxLineLength);
                hasContent |= !string.IsNullOrWhiteSpace(line);
                lines.Add(new SourceLine(lineNumber, line));
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                lineNumber++;
                start = i + 1;
            }
        }

        if (!hasContent)
        {
            throw new DocumentException("The document is empty.");
        }

        return lines;
    }

    private static string Clean(ReadOnlySpan<char> raw, int lineNumber, int maxLineLength)
    {
        var boms = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c == '\uFEFF')
            {
                // A BOM at the start of a file, or in the middle where files were concatenated: not content.
                boms++;
            }
            else if ((c < ' ' && c != '\t') || c == '\u007F' || c is '\uFFFD' or '\uFFFE' or '\uFFFF'
                || (char.IsHighSurrogate(c) && (i + 1 == raw.Length || !char.IsLowSurrogate(raw[i + 1])))
                || (char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(raw[i - 1]))))
            {
                throw new DocumentException(
                    $"Line {lineNumber}, column {i + 1}: the document contains binary data or text that is not valid UTF-8 " +
                    $"(character U+{(int)c:X4}); send UTF-8 text.",
                    lineNumber);
            }
        }

        var length = raw.Length - boms;
        if (length > maxLineLength)
        {
            throw new DocumentException(
                $"Line {lineNumber} is {length:N0} characters long; the limit is {maxLineLength:N0}. " +
                "Break the text into paragraphs or lines shorter than the limit.",
                lineNumber);
        }

        return boms == 0 ? raw.ToString() : raw.ToString().Replace("\uFEFF", string.Empty, StringComparison.Ordinal);
    }
}
