namespace TM.Client.Input;

/// <summary>
/// Tells what kind of file <c>tm import</c> was given: by its extension (<c>.tmx</c>, <c>.xlf</c>, <c>.tsv</c>, <c>.tab</c>,
/// <c>.csv</c>), else by its first bytes. Only the head of the file is read, so a multi-gigabyte TMX named
/// <c>export.xml</c> is recognised without loading it.
/// </summary>
internal static class InputFormatDetector
{
    /// <summary>Bytes read from the start of a file without a telling extension: room for an XML declaration and dozens of TSV lines.</summary>
    public const int SampleSize = 64 * 1024;

    /// <summary>The format of the file at <paramref name="path"/>.</summary>
    /// <exception cref="InputFileException">The file is missing, a directory, or cannot be read.</exception>
    public static InputFormat Detect(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path))
        {
            throw new InputFileException(path, 0, "is a directory, not a file.");
        }

        if (FromExtension(path) is { } format)
        {
            return File.Exists(path) ? format : throw new InputFileException(path, 0, "file not found.");
        }

        var head = new byte[SampleSize];
        int length;
        bool wholeFile;
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
            length = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            wholeFile = length < head.Length;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputFileException(path, 0, ex is FileNotFoundException or DirectoryNotFoundException ? "file not found." : $"cannot be read: {ex.Message}");
        }

        return FromContent(head.AsSpan(0, length), wholeFile);
    }

    /// <summary>The format an extension names, or null when it names none (<c>.txt</c>, no extension).</summary>
    public static InputFormat? FromExtension(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".tmx" => InputFormat.Tmx,
            ".tsv" or ".tab" => InputFormat.Tsv,
            ".csv" => InputFormat.Csv,
            ".xlf" or ".xliff" => InputFormat.Xliff,
            _ => null,
        };
    }

    /// <summary>
    /// The format of a file that starts with <paramref name="head"/>: TMX when it opens with an XML declaration or a
    /// <c>&lt;tmx</c> element; TSV when every complete non-blank line has exactly one tab (a parallel document has
    /// none); otherwise a document.
    /// </summary>
    /// <param name="head">The first bytes of the file.</param>
    /// <param name="wholeFile">True when <paramref name="head"/> is the whole file, so its last line is complete.</param>
    public static InputFormat FromContent(ReadOnlySpan<byte> head, bool wholeFile)
    {
        var text = head;
        if (text.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            text = text[3..];
        }

        var start = text.TrimStart(" \t\r\n"u8);
        if (StartsWithIgnoreCase(start, "<?xml"u8) || StartsWithIgnoreCase(start, "<tmx"u8) || StartsWithIgnoreCase(start, "<xliff"u8))
        {
            // The root element follows the declaration and perhaps comments, well within the sample.
            return start.IndexOf("<xliff"u8) >= 0 ? InputFormat.Xliff : InputFormat.Tmx;
        }

        if (!wholeFile)
        {
            // The sample may end inside a line; judge only the lines it holds whole.
            var lastBreak = text.LastIndexOf((byte)'\n');
            text = lastBreak < 0 ? text : text[..(lastBreak + 1)];
        }

        var anyLine = false;
        while (!text.IsEmpty)
        {
            var end = text.IndexOf((byte)'\n');
            var line = end < 0 ? text : text[..end];
            text = end < 0 ? [] : text[(end + 1)..];
            if (line.Trim(" \t\r"u8).IsEmpty)
            {
                continue;
            }

            if (line.Count((byte)'\t') != 1)
            {
                return InputFormat.Document;
            }

            anyLine = true;
        }

        return anyLine ? InputFormat.Tsv : InputFormat.Document;
    }

    private static bool StartsWithIgnoreCase(ReadOnlySpan<byte> text, ReadOnlySpan<byte> prefix) =>
        text.Length >= prefix.Length && System.Text.Ascii.EqualsIgnoreCase(text[..prefix.Length], prefix);
}
