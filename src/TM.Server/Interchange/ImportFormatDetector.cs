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
    /// The format of a file from its first bytes: markup whose root is <c>&lt;xliff</c> is XLIFF (1.2 when it declares
    /// the 1.2 namespace), other markup TMX; otherwise a tab on the first line means TSV and a
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
            return !trimmed.Contains("<xliff", StringComparison.Ordinal) ? ImportFileFormat.Tmx
                : trimmed.Contains(TM.Interchange.Xliff12Writer.Namespace, StringComparison.Ordinal) ? ImportFileFormat.Xliff12
                : ImportFileFormat.Xliff;
        var lineEnd = trimmed.IndexOfAny('\r', '\n');
        var firstLine = lineEnd < 0 ? trimmed : trimmed[..lineEnd];
        if (firstLine.Contains('\t'))
            return ImportFileFormat.Tsv;
        if (firstLine.Contains(','))
            return ImportFileFormat.Csv;
        return null;
    }

    /// <summary>
    /// <paramref name="format"/>, except that XLIFF whose first bytes declare the 1.2 namespace is
    /// <see cref="ImportFileFormat.Xliff12"/>: a name or an extension says "XLIFF", only the content says which.
    /// </summary>
    public static ImportFileFormat WithXliffVersion(ImportFileFormat format, ReadOnlySpan<byte> start) =>
        format == ImportFileFormat.Xliff && Sniff(start) == ImportFileFormat.Xliff12 ? ImportFileFormat.Xliff12 : format;

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
