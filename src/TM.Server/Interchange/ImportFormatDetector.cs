using System.Text;

namespace TM.Server.Interchange;

/// <summary>
/// Decides which format an uploaded file is in: the name the client gave, else its extension, else its first bytes.
/// </summary>
internal static class ImportFormatDetector
{
    /// <summary>Bytes of the file's start that <see cref="Sniff"/> wants to see: enough for a BOM, an XML declaration and a first row.</summary>
    public const int SniffLength = 4096;

    /// <summary>
    /// The format named by the request's <c>format</c> field: true with null when it is empty, false when it names no
    /// format this server reads.
    /// </summary>
    public static bool TryFromName(string format, out ImportFileFormat? result)
    {
        result = format.Trim().ToLowerInvariant() switch
        {
            "tmx" => ImportFileFormat.Tmx,
            "tsv" or "tab" => ImportFileFormat.Tsv,
            "csv" => ImportFileFormat.Csv,
            "xliff" or "xlf" => ImportFileFormat.Xliff,
            _ => null,
        };
        return result is not null || string.IsNullOrWhiteSpace(format);
    }

    /// <summary>The format a file name's extension stands for; null when the extension says nothing.</summary>
    public static ImportFileFormat? FromFileName(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".tmx" => ImportFileFormat.Tmx,
        ".tsv" or ".tab" => ImportFileFormat.Tsv,
        ".csv" => ImportFileFormat.Csv,
        ".xlf" or ".xliff" => ImportFileFormat.Xliff,
        _ => null,
    };

    /// <summary>
    /// The format of a file from its first bytes: markup whose root is <c>&lt;xliff</c> is XLIFF, other markup TMX; otherwise a tab on the first line means TSV and a
    /// comma CSV. Null when the bytes fit none of them (then the client must say).
    /// </summary>
    public static ImportFileFormat? Sniff(ReadOnlySpan<byte> start)
    {
        var encoding = DetectEncoding(ref start);
        // Up to the first line break: that is a header or the first pair, and enough to tell the separators apart.
        var text = encoding.GetString(start[..Math.Min(start.Length, SniffLength)]);
        var trimmed = text.AsSpan().TrimStart();
        if (trimmed.StartsWith("<"))
            // The root follows the declaration and perhaps comments; neither format's prolog runs to 4 KB.
            return trimmed.Contains("<xliff", StringComparison.Ordinal) ? ImportFileFormat.Xliff : ImportFileFormat.Tmx;
        var lineEnd = trimmed.IndexOfAny('\r', '\n');
        var firstLine = lineEnd < 0 ? trimmed : trimmed[..lineEnd];
        if (firstLine.Contains('\t'))
            return ImportFileFormat.Tsv;
        if (firstLine.Contains(','))
            return ImportFileFormat.Csv;
        return null;
    }

    private static Encoding DetectEncoding(ref ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
            return Encoding.UTF8;
        }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            bytes = bytes[2..];
            return Encoding.Unicode;
        }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            bytes = bytes[2..];
            return Encoding.BigEndianUnicode;
        }
        return Encoding.UTF8;
    }
}
