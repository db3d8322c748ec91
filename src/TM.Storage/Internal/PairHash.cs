using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace TM.Storage.Internal;

/// <summary>
/// 128 bits of SHA-256 over the UTF-8 of "ko\0en": the identity of a pair for deduplication.
/// 128 bits keep the chance of two different pairs colliding below 1e-26 at a billion segments.
/// </summary>
internal static class PairHash
{
    public const int Length = 16;

    public static byte[] Compute(string korean, string english)
    {
        var byteCount = Encoding.UTF8.GetByteCount(korean) + 1 + Encoding.UTF8.GetByteCount(english);
        var buffer = ArrayPool<byte>.Shared.Rent(byteCount);
        try
        {
            var written = Encoding.UTF8.GetBytes(korean, buffer);
            buffer[written++] = 0;
            written += Encoding.UTF8.GetBytes(english, buffer.AsSpan(written));
            Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(buffer.AsSpan(0, written), digest);
            return digest[..Length].ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
