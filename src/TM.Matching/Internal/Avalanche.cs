namespace TM.Matching.Internal;

/// <summary>MurmurHash3's 64-bit finalizer: every input bit affects every output bit, for hashes built by cheap steps.</summary>
internal static class Avalanche
{
    public static ulong Mix(ulong hash)
    {
        hash ^= hash >> 33;
        hash *= 0xFF51AFD7ED558CCDUL;
        hash ^= hash >> 33;
        hash *= 0xC4CEB9FE1A85EC53UL;
        hash ^= hash >> 33;
        return hash;
    }
}
