using System.Buffers;

namespace TM.Matching.Internal;

/// <summary>
/// The scorer's distance: unit edit distance in which substituting a unit by a variant of itself (another form of the
/// word, another number: same family, different unit) costs a fraction of a unit (<see cref="MatchCosts.WordVariantCost"/>,
/// <see cref="MatchCosts.NumberVariantCost"/>). The textbook dynamic programme, O(n·m) time, O(m) space.
/// </summary>
/// <remarks>
/// It is never less than the distance at which a family's units are all equal (each step costs at most as much as there),
/// which is what the index counts and bounds with the bit-parallel verifier; the index runs this only on the candidates
/// that pass that bound and have a variant of a query unit (SCORING.md §3–4). <see cref="FuzzyScorer"/> runs it on every
/// pair, and the property tests check that both agree.
/// </remarks>
internal static class VariantLevenshtein
{
    private const int StackLimit = 256;

    /// <summary>The distance between a query and a text.</summary>
    /// <param name="query">The query's units; <see cref="Analysis.TermDictionary.UnknownId"/> for a term the dictionary does not have.</param>
    /// <param name="queryFamilies">The family of each query unit; <see cref="Analysis.TermDictionary.UnknownId"/> when none.</param>
    /// <param name="text">The text's units (all in the dictionary).</param>
    /// <param name="families">The dictionary's family of every unit id.</param>
    /// <param name="numberFamily">The family of numbers.</param>
    /// <param name="costs">The variant costs.</param>
    public static double Distance(
        ReadOnlySpan<int> query, ReadOnlySpan<int> queryFamilies, ReadOnlySpan<int> text, ReadOnlySpan<int> families, int numberFamily, MatchCosts costs)
    {
        if (text.IsEmpty || query.IsEmpty)
        {
            return Math.Max(text.Length, query.Length);
        }

        double[]? rented = null;
        Span<double> row = text.Length + 1 <= StackLimit
            ? stackalloc double[StackLimit]
            : (rented = ArrayPool<double>.Shared.Rent(text.Length + 1));
        try
        {
            for (int j = 0; j <= text.Length; j++)
            {
                row[j] = j;
            }

            for (int i = 1; i <= query.Length; i++)
            {
                double diagonal = row[0];
                row[0] = i;
                int unit = query[i - 1];
                int family = queryFamilies[i - 1];
                double variantCost = family == numberFamily ? costs.NumberVariantCost : costs.WordVariantCost;
                for (int j = 1; j <= text.Length; j++)
                {
                    int other = text[j - 1];
                    double substitute = unit == other && unit >= 0 ? 0
                        : family >= 0 && family == families[other] ? variantCost
                        : MatchCosts.UnitEditCost;
                    double above = row[j];
                    row[j] = Math.Min(Math.Min(above, row[j - 1]) + MatchCosts.UnitEditCost, diagonal + substitute);
                    diagonal = above;
                }
            }

            return row[text.Length];
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<double>.Shared.Return(rented);
            }
        }
    }
}
