using System.Numerics;
using System.Runtime.InteropServices;

namespace TM.Storage.Internal;

/// <summary>
/// A 64-bit hash of a text's UTF-16 code units, stored with each side of a pair (ko_hash, en_hash) to find the
/// pairs that share a source. It is persisted, so it must never change: the constants and the order of the
/// steps are part of the file format.
/// </summary>
/// <remarks>
/// Not cryptographic and it need not be: a match is confirmed by comparing the texts, so a collision (a chance of
/// ~10^-13 per lookup among 10^6 texts) costs one extra row read, never a wrong answer. Four code units per step
/// with a multiply-rotate mix and a final avalanche: ~0.1 µs for a seed-length sentence (2.5% of a bulk load's CPU
/// for both sides).
/// </remarks>
internal static class TextHash
{
    private const ulong Prime1 = 0x9E3779B185EBCA87UL;
    private const ulong Prime2 = 0xC2B2AE3D27D4EB4FUL;
    private const ulong Prime3 = 0x165667B19E3779F9UL;

    public static long Compute(ReadOnlySpan<char> text)
    {
        var hash = Prime3 ^ ((ulong)text.Length * Prime1);
        var blocks = text.Length / 4;
        if (BitConverter.IsLittleEndian)
        {
            var words = MemoryMarshal.Cast<char, ulong>(text[..(blocks * 4)]);
            foreach (var word in words)
                hash = Step(hash, word);
        }
        else
        {
            for (var i = 0; i < blocks; i++)
                hash = Step(hash, Block(text.Slice(i * 4, 4)));
        }
        var tail = text[(blocks * 4)..];
        if (!tail.IsEmpty)
            hash = Step(hash, Block(tail));
        return (long)Avalanche(hash);
    }

    // The little-endian value of up to four code units, the first in the low bits (what Cast<char, ulong> reads on
    // a little-endian machine), so both paths agree.
    private static ulong Block(ReadOnlySpan<char> chars)
    {
        ulong value = 0;
        for (var i = 0; i < chars.Length; i++)
            value |= (ulong)chars[i] << (16 * i);
        return value;
    }

    private static ulong Step(ulong hash, ulong word)
    {
        word *= Prime2;
        word = BitOperations.RotateLeft(word, 31);
        word *= Prime1;
        hash ^= word;
        return BitOperations.RotateLeft(hash, 27) * Prime1 + Prime3;
    }

    // MurmurHash3's fmix64: every input bit affects every output bit, so the low bits can pick a slot.
    private static ulong Avalanche(ulong hash)
    {
        hash ^= hash >> 33;
        hash *= 0xFF51AFD7ED558CCDUL;
        hash ^= hash >> 33;
        hash *= 0xC4CEB9FE1A85EC53UL;
        hash ^= hash >> 33;
        return hash;
    }
}
