using TM.Analysis;
using TM.Matching;
using TM.Text.Adaptation;

namespace TM.Server.Memory;

/// <summary>
/// What a differing number costs once the server knows whether it carried it into the translation. The index charges
/// every number substituted by another <see cref="MatchCosts.NumberVariantCost"/> (a quarter of a unit), what an
/// adapted number costs the translator (a glance); a number the adaptation could not place leaves a wrong number in
/// the translation, so it is charged the rest of a unit here, after retrieval, and costs a whole unit in all, as a
/// different word does (SCORING.md §3).
/// </summary>
/// <remarks>
/// The charge is per substituted number: a number the query has in addition to the source's is already a whole unit
/// in the score, so at most min(query numbers the source lacks, source numbers the query lacks) of the unplaced
/// numbers are charged. In points of this match: (1 − 0.25) × 100 / max(units of query, units of source), 1.4 points
/// in a 54-unit sentence.
/// </remarks>
internal static class NumberAdaptationPenalty
{
    /// <summary>Whether <paramref name="text"/> has a digit: without one no number can differ (only digit numbers are variants).</summary>
    public static bool MayApply(string text) =>
        text.AsSpan().IndexOfAnyInRange('0', '9') >= 0 || text.AsSpan().IndexOfAnyInRange('０', '９') >= 0;

    /// <summary>
    /// How many numbers the source has in place of the query's, at most: min(query numbers the source lacks, source
    /// numbers the query lacks), as multisets of normalized numbers. Cheap (two analyses); adapt only when it is not 0.
    /// </summary>
    /// <param name="query">The text looked up (or the query sentence the match answers).</param>
    /// <param name="source">The match's source (or its matched sentence).</param>
    /// <param name="longer">The unit count of the longer of the two.</param>
    public static int SubstitutedNumbers(string query, string source, out int longer)
    {
        var asked = new NumberUnits();
        MatchAnalyzer.Analyze(query, ref asked);
        var stored = new NumberUnits();
        MatchAnalyzer.Analyze(source, ref stored);
        longer = Math.Max(asked.Count, stored.Count);
        return Math.Min(Missing(asked.Numbers, stored.Numbers), Missing(stored.Numbers, asked.Numbers));
    }

    /// <summary>The points to take off a match whose translation was adapted as <paramref name="adaptation"/> says.</summary>
    /// <param name="substituted">What <see cref="SubstitutedNumbers"/> returned.</param>
    /// <param name="longer">The unit count it gave.</param>
    /// <param name="adaptation">The adaptation of the match's translation to the query.</param>
    /// <param name="costs">The index's costs.</param>
    /// <returns>0 when every substituted number was placed.</returns>
    public static double Points(int substituted, int longer, AdaptationResult adaptation, MatchCosts costs)
    {
        var charged = Math.Min(adaptation.Unplaced.Count, substituted);
        return charged == 0 ? 0 : charged * (MatchCosts.UnitEditCost - costs.NumberVariantCost) * 100.0 / longer;
    }

    // How many of a's numbers b does not have (as multisets).
    private static int Missing(List<string>? a, List<string>? b)
    {
        if (a is null)
            return 0;
        var left = b is null ? [] : new List<string>(b);
        var missing = 0;
        foreach (var number in a)
        {
            if (!left.Remove(number))
                missing++;
        }
        return missing;
    }

    // The units of a text: how many, and the numbers among them (normalized: 170,000 and 170000 are one).
    private struct NumberUnits : IUnitConsumer
    {
        public int Count;
        public List<string>? Numbers;

        public void Add(ReadOnlySpan<char> term, TokenKind kind)
        {
            Count++;
            if (kind == TokenKind.Number)
                (Numbers ??= []).Add(term.ToString());
        }
    }
}
