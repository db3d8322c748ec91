namespace TM.Matching.Internal;

/// <summary>A 64-bit hash of a normalized text: tells 100 from 99 when two texts have the same units.</summary>
/// <remarks>
/// The index keeps this instead of the text: 8 bytes a segment instead of about 200 (a 100-character
/// sentence in UTF-16), which at a million segments is 8 MB instead of 200 MB. Two different texts with
/// equal units and equal fingerprints would score 100 instead of 99; for texts that are not built to
/// collide the chance is about 2^-64 per comparison. FNV-1a over UTF-16 code units, then a 64-bit
/// finalizer (MurmurHash3's fmix64) so that texts differing in one character differ in about half the bits.
/// </remarks>
internal static class TextFingerprint
{
    public static ulong Compute(ReadOnlySpan<char> text)
    {
        ulong hash = 0xcbf29ce484222325UL ^ (ulong)text.Length;
        foreach (char c in text)
        {
            hash = (hash ^ c) * 0x100000001b3UL;
        }

        return Avalanche.Mix(hash);
    }
}
