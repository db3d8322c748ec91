namespace TM.Matching.Internal;

/// <summary>
/// Unit edit distance by the textbook dynamic programme, O(n·m) time and O(min(n, m)) space. It defines the
/// distance: <see cref="FuzzyScorer"/> uses it, and <see cref="BitParallelLevenshtein"/> is tested against it.
/// </summary>
internal static class Levenshtein
{
    private const int StackLimit = 256;

    public static int Distance(ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        if (a.Length < b.Length)
        {
            ReadOnlySpan<int> swap = a;
            a = b;
            b = swap;
        }

        if (b.IsEmpty)
        {
            return a.Length;
        }

        int[]? rented = null;
        Span<int> row = b.Length + 1 <= StackLimit
            ? stackalloc int[StackLimit]
            : (rented = System.Buffers.ArrayPool<int>.Shared.Rent(b.Length + 1));
        try
        {
            for (int j = 0; j <= b.Length; j++)
            {
                row[j] = j;
            }

            for (int i = 1; i <= a.Length; i++)
            {
                int diagonal = row[0];
                row[0] = i;
                int unit = a[i - 1];
                for (int j = 1; j <= b.Length; j++)
                {
                    int above = row[j];
                    int substitute = diagonal + (unit == b[j - 1] ? 0 : MatchCosts.UnitEditCost);
                    int best = Math.Min(above, row[j - 1]) + MatchCosts.UnitEditCost;
                    row[j] = Math.Min(best, substitute);
                    diagonal = above;
                }
            }

            return row[b.Length];
        }
        finally
        {
            if (rented is not null)
            {
                System.Buffers.ArrayPool<int>.Shared.Return(rented);
            }
        }
    }
}
