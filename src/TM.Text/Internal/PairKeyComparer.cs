namespace TM.Text.Internal;

/// <summary>
/// Hashes a (Korean id, English id) pair packed into a long. The default <see cref="long.GetHashCode"/> XORs the
/// two halves, so with ids below 32,768 every pair would land in one of 32,768 buckets (k ^ e): a table of
/// millions of pairs degenerates into long chains. A Fibonacci multiply spreads the bits of both halves.
/// </summary>
internal sealed class PairKeyComparer : IEqualityComparer<long>
{
    public static PairKeyComparer Instance { get; } = new();

    public bool Equals(long x, long y) => x == y;

    public int GetHashCode(long obj) => (int)(((ulong)obj * 0x9E3779B97F4A7C15UL) >> 32);
}
