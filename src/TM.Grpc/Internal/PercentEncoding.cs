using System.Buffers;
using System.Text;

namespace TM.Grpc.Internal;

/// <summary>
/// The percent-encoding of <c>grpc-message</c> (PROTOCOL-HTTP2.md): UTF-8 bytes outside printable ASCII,
/// and '%' itself, become <c>%XX</c>. Messages are almost always plain ASCII, so both directions return
/// the input string unchanged without allocating when there is nothing to do.
/// </summary>
internal static class PercentEncoding
{
    private const int StackallocThreshold = 256;

    // Space and visible ASCII except '%': the characters that pass through unencoded.
    private static readonly SearchValues<char> UnencodedChars = SearchValues.Create(
        " !\"#$&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~");

    public static string Encode(string value)
    {
        if (!value.AsSpan().ContainsAnyExcept(UnencodedChars))
        {
            return value;
        }

        var maxBytes = Encoding.UTF8.GetMaxByteCount(value.Length);
        byte[]? rented = null;
        var utf8 = maxBytes <= StackallocThreshold ? stackalloc byte[StackallocThreshold] : (rented = ArrayPool<byte>.Shared.Rent(maxBytes));
        try
        {
            var byteCount = Encoding.UTF8.GetBytes(value, utf8);
            return EncodeUtf8(utf8[..byteCount]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static string EncodeUtf8(ReadOnlySpan<byte> utf8)
    {
        var length = 0;
        foreach (var b in utf8)
        {
            length += IsUnencoded(b) ? 1 : 3;
        }

        char[]? rented = null;
        var chars = length <= StackallocThreshold ? stackalloc char[StackallocThreshold] : (rented = ArrayPool<char>.Shared.Rent(length));
        try
        {
            var i = 0;
            foreach (var b in utf8)
            {
                if (IsUnencoded(b))
                {
                    chars[i++] = (char)b;
                }
                else
                {
                    chars[i++] = '%';
                    chars[i++] = ToHexDigit(b >> 4);
                    chars[i++] = ToHexDigit(b & 0xF);
                }
            }

            return new string(chars[..length]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// Decodes a <c>grpc-message</c>. Never throws: the spec asks receivers not to discard a message for bad
    /// encoding, so a '%' without two hex digits is kept literally and invalid UTF-8 becomes U+FFFD.
    /// </summary>
    public static string Decode(string value)
    {
        if (!value.Contains('%'))
        {
            return value;
        }

        // Every char yields at most 3 UTF-8 bytes (non-ASCII chars should not appear in a header, but may).
        var maxBytes = value.Length * 3;
        byte[]? rented = null;
        var bytes = maxBytes <= StackallocThreshold ? stackalloc byte[StackallocThreshold] : (rented = ArrayPool<byte>.Shared.Rent(maxBytes));
        try
        {
            var count = 0;
            for (var i = 0; i < value.Length; i++)
            {
                var c = value[i];
                if (c == '%' && i + 2 < value.Length && TryParseHex(value[i + 1], value[i + 2], out var decoded))
                {
                    bytes[count++] = decoded;
                    i += 2;
                }
                else if (c < 0x80)
                {
                    bytes[count++] = (byte)c;
                }
                else
                {
                    count += Encoding.UTF8.GetBytes(value.AsSpan(i, 1), bytes[count..]);
                }
            }

            return Encoding.UTF8.GetString(bytes[..count]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static bool IsUnencoded(byte b) => b is >= 0x20 and <= 0x7E && b != (byte)'%';

    private static char ToHexDigit(int value) => (char)(value < 10 ? '0' + value : 'A' + value - 10);

    private static bool TryParseHex(char high, char low, out byte value)
    {
        var h = HexValue(high);
        var l = HexValue(low);
        value = (byte)((h << 4) | l);
        return h >= 0 && l >= 0;
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'A' and <= 'F' => c - 'A' + 10,
        >= 'a' and <= 'f' => c - 'a' + 10,
        _ => -1,
    };
}
