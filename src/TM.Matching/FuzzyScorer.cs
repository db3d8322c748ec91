using System.Buffers;
using TM.Analysis;
using TM.Matching.Internal;

namespace TM.Matching;

/// <summary>
/// Scores two texts against each other: the same score <see cref="FuzzyIndex"/> computes, by the plain
/// definition (normalize, analyze into units, full edit distance with variant costs) with no index and no shortcuts.
/// </summary>
/// <remarks>Thread-safe. For one-off comparisons and as the reference the index is tested against.</remarks>
public sealed class FuzzyScorer
{
    // Interns the units of the two texts of one call; cleared when it grows past this, so a long-lived scorer
    // does not keep every term it has ever seen.
    private const int MaxScratchTerms = 100_000;

    [ThreadStatic]
    private static TermDictionary? t_terms;

    private readonly MatchCosts _costs;

    /// <summary>Creates a scorer.</summary>
    /// <param name="costs">The scoring costs; <see langword="null"/> for <see cref="MatchCosts.Default"/>.</param>
    public FuzzyScorer(MatchCosts? costs = null)
    {
        _costs = costs ?? MatchCosts.Default;
    }

    /// <summary>The score of <paramref name="a"/> against <paramref name="b"/> (symmetric), 0 to 100; see <see cref="MatchCosts"/>.</summary>
    /// <param name="a">One text, typically the query.</param>
    /// <param name="b">The other text, typically a stored segment.</param>
    /// <returns>The score. Two texts without units score 100 if they normalize equal, else the formatting-only score.</returns>
    /// <exception cref="ArgumentNullException">A text is null.</exception>
    public double Score(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        TermDictionary terms = t_terms is { Count: < MaxScratchTerms } existing ? existing : (t_terms = new TermDictionary());
        char[] normalizedA = ArrayPool<char>.Shared.Rent(Math.Max(1, a.Length * TextNormalizer.MaxExpansion));
        char[] normalizedB = ArrayPool<char>.Shared.Rent(Math.Max(1, b.Length * TextNormalizer.MaxExpansion));
        try
        {
            int lengthA = TextNormalizer.Normalize(a, normalizedA);
            int lengthB = TextNormalizer.Normalize(b, normalizedB);
            bool sameText = normalizedA.AsSpan(0, lengthA).SequenceEqual(normalizedB.AsSpan(0, lengthB));
            int[] unitsA = new int[16];
            int[] unitsB = new int[16];
            int countA = UnitAnalysis.AnalyzeNormalized(new ReadOnlyMemory<char>(normalizedA, 0, lengthA), terms, addNewTerms: true, ref unitsA);
            int countB = UnitAnalysis.AnalyzeNormalized(new ReadOnlyMemory<char>(normalizedB, 0, lengthB), terms, addNewTerms: true, ref unitsB);
            ReadOnlySpan<int> families = terms.Families;
            int[] familiesA = new int[countA];
            for (int i = 0; i < countA; i++)
            {
                familiesA[i] = families[unitsA[i]];
            }

            double distance = VariantLevenshtein.Distance(unitsA.AsSpan(0, countA), familiesA, unitsB.AsSpan(0, countB), families, terms.NumberFamily, _costs);
            return _costs.Score(distance, Math.Max(countA, countB), sameText);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(normalizedA);
            ArrayPool<char>.Shared.Return(normalizedB);
        }
    }
}
