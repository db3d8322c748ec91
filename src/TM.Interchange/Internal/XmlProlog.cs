using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;

namespace TM.Interchange.Internal;

/// <summary>
/// Looks at the first bytes of a TMX file before the XML parser does, for the two things the parser either gets
/// silently wrong or reports in words no translator can act on: an encoding declaration that does not match the
/// bytes, and a DOCTYPE that declares entities.
/// </summary>
/// <remarks>
/// <para>
/// Encodings: TMX 1.4b allows UTF-8, UTF-16 and US-ASCII. A legacy declaration such as EUC-KR is refused with the
/// command that converts the file; "UTF-16" on single-byte data and "UTF-8" on UTF-16 data are refused saying
/// which is which; US-ASCII is accepted, guarded by <see cref="PrologStream"/>.
/// </para>
/// <para>
/// DTDs: OmegaT, Translate Toolkit and many scripts write <c>&lt;!DOCTYPE tmx SYSTEM "tmx14.dtd"&gt;</c>; the parser
/// ignores it (no resolver, DTD processing off), so it is harmless and accepted. A DOCTYPE with an internal subset
/// <c>[...]</c> is where XXE and billion-laughs entities live: it is refused here, before any of it is parsed. One
/// that hides beyond the first <see cref="PrefixSize"/> bytes is still never parsed, and its entities fail as
/// undeclared.
/// </para>
/// </remarks>
internal static partial class XmlProlog
{
    public const int PrefixSize = 64 * 1024;

    private enum Declared
    {
        None,
        Utf8,
        Utf16,
        Ascii,
        Other,
    }

    /// <summary>Reads ahead, checks, and returns a stream that yields every byte of <paramref name="input"/> from the start.</summary>
    public static Stream Open(Stream input, string? fileName)
    {
        byte[] prefix = new byte[PrefixSize];
        int length = 0;
        int read;
        while (length < prefix.Length && (read = input.Read(prefix, length, prefix.Length - length)) > 0)
        {
            length += read;
        }

        bool asciiOnly = Check(prefix.AsSpan(0, length), fileName);
        return new PrologStream(prefix, length, input, asciiOnly, fileName);
    }

    /// <summary>Checks the prefix; true when the file declares US-ASCII and must be guarded.</summary>
    private static bool Check(ReadOnlySpan<byte> bytes, string? fileName)
    {
        (string? byteForm, int bomLength, bool utf16, Encoding decoder) = Detect(bytes, fileName);
        ReadOnlySpan<byte> body = bytes[bomLength..];
        if (utf16)
        {
            body = body[..(body.Length & ~1)];
        }

        // Latin-1 maps bytes to chars one to one, which keeps the ASCII syntax of a UTF-8 prolog intact.
        string text = decoder.GetString(body);
        int declarationEnd = 0;
        Match declaration = DeclarationPattern().Match(text);
        if (declaration.Success)
        {
            declarationEnd = declaration.Length;
            Group encoding = declaration.Groups["encoding"];
            if (encoding.Success)
            {
                CheckDeclaredEncoding(encoding.Value, encoding.Index + 1, byteForm, utf16, body, fileName);
                if (Classify(encoding.Value) == Declared.Ascii)
                {
                    CheckDoctype(text, declarationEnd, fileName);
                    return true;
                }
            }
        }

        CheckDoctype(text, declarationEnd, fileName);
        return false;
    }

    private static (string? ByteForm, int BomLength, bool Utf16, Encoding Decoder) Detect(ReadOnlySpan<byte> bytes, string? fileName)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return ("it starts with a UTF-8 byte order mark", 3, false, Encoding.Latin1);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]) || bytes.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            throw new TmxFormatException(
                "The file is UTF-32 (it starts with a UTF-32 byte order mark); TMX files are UTF-8 or UTF-16. Save the file as UTF-8.",
                fileName,
                1,
                1);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return ("it starts with a UTF-16 byte order mark", 2, true, Encoding.Unicode);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return ("it starts with a UTF-16 byte order mark", 2, true, Encoding.BigEndianUnicode);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[(byte)'<', 0x00]))
        {
            return ("its characters are two bytes each", 0, true, Encoding.Unicode);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x00, (byte)'<']))
        {
            return ("its characters are two bytes each", 0, true, Encoding.BigEndianUnicode);
        }

        return (null, 0, false, Encoding.Latin1);
    }

    private static void CheckDeclaredEncoding(string declared, int position, string? byteForm, bool utf16, ReadOnlySpan<byte> body, string? fileName)
    {
        switch (Classify(declared))
        {
            case Declared.Utf8 or Declared.Ascii when utf16:
                throw new TmxFormatException(
                    $"The file declares encoding=\"{declared}\" but it is UTF-16 ({byteForm}). Change the declaration to encoding=\"UTF-16\", or save the file as UTF-8.",
                    fileName,
                    1,
                    position);
            case Declared.Utf16 when !utf16:
                throw new TmxFormatException(
                    $"The file declares encoding=\"{declared}\" but it is not UTF-16 ({byteForm ?? "it has no UTF-16 byte order mark and one byte per character, as UTF-8 has"}). " +
                    "Change the declaration to encoding=\"UTF-8\".",
                    fileName,
                    1,
                    position);
            case Declared.Other:
                string looksLike = LooksLikeUtf8(body)
                    ? " Its first bytes already read as UTF-8: if the whole file is UTF-8, only the declaration is wrong."
                    : "";
                throw new TmxFormatException(
                    $"The file declares encoding=\"{declared}\"; TMX files are read as UTF-8 or UTF-16 only, as the TMX specification asks. " +
                    $"Convert the file to UTF-8 (for example: iconv -f {declared} -t UTF-8 in.tmx > out.tmx) and change the declaration to encoding=\"UTF-8\"." +
                    looksLike,
                    fileName,
                    1,
                    position);
        }
    }

    private static Declared Classify(string declared)
    {
        string name = declared.Trim().Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).ToUpperInvariant();
        return name switch
        {
            "UTF8" => Declared.Utf8,
            "UTF16" or "UTF16LE" or "UTF16BE" or "UCS2" or "ISO10646UCS2" or "UNICODE" => Declared.Utf16,
            "USASCII" or "ASCII" or "ISO646US" or "US" or "ANSIX3.41968" => Declared.Ascii,
            "" => Declared.None,
            _ => Declared.Other,
        };
    }

    private static bool LooksLikeUtf8(ReadOnlySpan<byte> bytes)
    {
        if (Ascii.IsValid(bytes))
        {
            return false;
        }

        char[] chars = ArrayPool<char>.Shared.Rent(bytes.Length);
        try
        {
            // Not the final block: a character cut off at the end of the prefix is not an error.
            OperationStatus status = System.Text.Unicode.Utf8.ToUtf16(bytes, chars, out _, out _, replaceInvalidSequences: false, isFinalBlock: false);
            return status is OperationStatus.Done or OperationStatus.NeedMoreData;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    private static void CheckDoctype(string text, int start, string? fileName)
    {
        int i = start;
        while (true)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (string.CompareOrdinal(text, i, "<!--", 0, 4) == 0)
            {
                int end = text.IndexOf("-->", i + 4, StringComparison.Ordinal);
                if (end < 0)
                {
                    return;
                }

                i = end + 3;
            }
            else if (string.CompareOrdinal(text, i, "<?", 0, 2) == 0)
            {
                int end = text.IndexOf("?>", i + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    return;
                }

                i = end + 2;
            }
            else if (string.CompareOrdinal(text, i, "<!DOCTYPE", 0, 9) == 0)
            {
                int end = DoctypeEnd(text, i + 9, out bool internalSubset);
                if (internalSubset)
                {
                    (int line, int position) = LineAndPosition(text, i);
                    throw new TmxFormatException(
                        "TMX files with a DOCTYPE that declares entities are not accepted: DTDs can expand entities (XXE, billion laughs). " +
                        "Remove the DOCTYPE (TM never reads the DTD; a plain <!DOCTYPE tmx SYSTEM \"tmx14.dtd\"> line is fine).",
                        fileName,
                        line,
                        position);
                }

                if (end < 0)
                {
                    return;
                }

                i = end + 1;
            }
            else
            {
                return;
            }
        }
    }

    /// <summary>The index of the '&gt;' that closes a DOCTYPE, skipping quoted literals; -1 when not in the text.</summary>
    private static int DoctypeEnd(string text, int start, out bool internalSubset)
    {
        internalSubset = false;
        char quote = '\0';
        for (int i = start; i < text.Length; i++)
        {
            char c = text[i];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '[')
            {
                internalSubset = true;
                return -1;
            }
            else if (c == '>')
            {
                return i;
            }
        }

        return -1;
    }

    private static (int Line, int Position) LineAndPosition(string text, int index)
    {
        ReadOnlySpan<char> before = text.AsSpan(0, index);
        int line = 1 + before.Count('\n');
        int lastNewline = before.LastIndexOf('\n');
        return (line, index - lastNewline);
    }

    [GeneratedRegex("""^\uFEFF?<\?xml\s[^>]*?(?:\sencoding\s*=\s*(["'])(?<encoding>[^"']*)\1[^>]*?)?\?>""", RegexOptions.CultureInvariant)]
    private static partial Regex DeclarationPattern();
}
