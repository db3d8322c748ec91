namespace TM.Text.Terminology.Extraction;

/// <summary>
/// Dunning's log-likelihood ratio (G², "Accurate Methods for the Statistics of Surprise and Coincidence", 1993) of a 2×2
/// contingency table of pairs: how surprising it is that a Korean and an English phrase occur together as often as
/// they do, given how often each occurs. Unlike pointwise mutual information it does not explode for phrases seen twice,
/// and unlike the χ² test it stays reliable when the expected counts are small, which term extraction's counts are.
/// </summary>
internal static class LogLikelihood
{
    /// <summary>
    /// G² = 2 Σ O·ln(O/E) over the four cells: pairs with both (<paramref name="both"/>), with the Korean phrase only,
    /// with the English phrase only, and with neither; 0·ln 0 counts as 0. Returns 0 when the two occur together no more
    /// often than chance predicts (a negative association is no evidence of translation).
    /// </summary>
    /// <param name="both">Pairs holding both phrases.</param>
    /// <param name="korean">Pairs holding the Korean phrase.</param>
    /// <param name="english">Pairs holding the English phrase.</param>
    /// <param name="pairs">All pairs.</param>
    public static double Ratio(long both, long korean, long english, long pairs)
    {
        if (both < 0 || korean < both || english < both || pairs < korean + english - both)
        {
            throw new ArgumentOutOfRangeException(nameof(both), $"Not a contingency table: {both} of {korean} and {english} in {pairs} pairs.");
        }

        // Positive association only: both·N ≤ korean·english means no more co-occurrence than chance.
        if ((double)both * pairs <= (double)korean * english)
        {
            return 0;
        }

        var koreanOnly = korean - both;
        var englishOnly = english - both;
        var neither = pairs - korean - english + both;
        var sum = XLogX(both) + XLogX(koreanOnly) + XLogX(englishOnly) + XLogX(neither)
            - XLogX(korean) - XLogX(english) - XLogX(pairs - korean) - XLogX(pairs - english) + XLogX(pairs);
        return Math.Max(0, 2 * sum);
    }

    /// <summary>
    /// <see cref="Ratio"/> of counts from tables that forget (<see cref="TablePruning"/>): a phrase forgotten and counted
    /// again has too low a count, so the counts may not form a table; they are clamped to the nearest one that does
    /// (both ≤ each side, the sides within the pairs), which only lowers the score of a phrase pair seen less than it was.
    /// </summary>
    public static double RatioOfPrunedCounts(long both, long korean, long english, long pairs)
    {
        korean = Math.Max(korean, both);
        english = Math.Max(english, both);
        pairs = Math.Max(pairs, korean + english - both);
        return Ratio(both, korean, english, pairs);
    }

    private static double XLogX(long x) => x <= 0 ? 0 : x * Math.Log(x);
}
