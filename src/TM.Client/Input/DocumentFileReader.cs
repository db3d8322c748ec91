using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace TM.Client.Input;

/// <summary>
/// Reads input files as strict UTF-8. A lenient decoder would turn a Korean file saved as CP949 into U+FFFD
/// everywhere and the server would store the mojibake; refusing the file with the line of the first bad byte
/// lets the translator fix it before anything reaches the memory.
/// </summary>
internal static class DocumentFileReader
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The text of <paramref name="path"/> without a UTF-8 byte-order mark.</summary>
    /// <exception cref="InputFileException">The file is missing, unreadable, or not valid UTF-8.</exception>
    public static string ReadAllText(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path))
        {
            throw new InputFileException(path, 0, "is a directory, not a file.");
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new InputFileException(path, 0, ex is FileNotFoundException or DirectoryNotFoundException ? "file not found." : ex.Message);
        }

        return Decode(path, bytes);
    }

    /// <summary>Decodes <paramref name="bytes"/> read from <paramref name="path"/> as strict UTF-8, dropping a BOM.</summary>
    /// <exception cref="InputFileException">The bytes are not valid UTF-8; the message names the line and byte.</exception>
    public static string Decode(string path, ReadOnlySpan<byte> bytes)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            throw new InputFileException(path, 1, "the file is UTF-16, not UTF-8. Save it as UTF-8 and try again.");
        }

        try
        {
            return Strict.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw Invalid(path, bytes);
        }
    }

    private static InputFileException Invalid(string path, ReadOnlySpan<byte> bytes)
    {
        // The decoder's exception gives no reliable position, so find the first invalid sequence ourselves.
        var chars = ArrayPool<char>.Shared.Rent(bytes.Length);
        int offset;
        try
        {
            Utf8.ToUtf16(bytes, chars, out offset, out _, replaceInvalidSequences: false);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }

        var before = bytes[..offset];
        var line = before.Count((byte)'\n') + 1;
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        var column = offset - lineStart + 1;
        var shown = bytes.Slice(offset, Math.Min(4, bytes.Length - offset));
        var hex = string.Join(' ', shown.ToArray().Select(b => $"0x{b:X2}"));
        var hint = LooksLikeCp949(bytes[offset..])
            ? " It looks like EUC-KR/CP949; convert it first, e.g. `iconv -f CP949 -t UTF-8`."
            : " Save the file as UTF-8 and try again.";
        return new InputFileException(path, line, $"invalid UTF-8 at byte {column} of the line ({hex}).{hint}");
    }

    // KS X 1001 Hangul syllables in EUC-KR/CP949: lead byte 0xB0-0xC8, trail byte 0xA1-0xFE. As UTF-8 such a
    // pair is always invalid, and it is by far the most common reason a Korean file fails here.
    private static bool LooksLikeCp949(ReadOnlySpan<byte> rest) =>
        rest.Length >= 2 && rest[0] is >= 0xB0 and <= 0xC8 && rest[1] is >= 0xA1 and <= 0xFE;
}
