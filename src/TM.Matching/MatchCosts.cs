namespace TM.Matching;

/// <summary>
/// What a difference costs, in one place: the edit costs of units and the scores of the three tiers of a
/// match (identical, formatting only, edited).
/// </summary>
/// <remarks>
/// <para>
/// A unit is a Hangul syllable, a lower-cased word, a normalized number, a Han character or a symbol
/// (see TM.Analysis.MatchAnalyzer). Inserting, deleting or substituting a unit costs 1 (<see cref="UnitEditCost"/>),
/// whatever the unit: a syllable in Korean and a word in English are what a translator retypes. So a
/// different number costs as much as a different word and always lowers the score, because a wrong number
/// in a reused translation is the most expensive mistake a memory can cause.
/// </para>
/// <para>
/// Substituting a unit by a <em>variant</em> of itself costs less (TM.Analysis.UnitFamily): another form of the same
/// English word (troop/troops, decide/decided, agreement/agreements) costs <see cref="WordVariantCost"/> (0.5), and
/// another number <see cref="NumberVariantCost"/> (0.25), because the server carries a differing number into the
/// translation (adaptation) and charges the rest of a unit as a penalty when it cannot.
/// </para>
/// <para>With d the unit edit distance (with those costs) and n, m the unit counts of the two texts:</para>
/// <list type="bullet">
/// <item><description><see cref="IdenticalScore"/> (100): the texts are equal after TM.Analysis.TextNormalizer
/// (quote and dash styles, widths, whitespace runs do not count). Nothing needs to change.</description></item>
/// <item><description><see cref="FormattingOnlyScore"/> (99): d = 0 but the normalized texts differ, in case or
/// punctuation or spacing. Never 100: the translator must see that something differs.</description></item>
/// <item><description>otherwise min(100 × (1 − d / max(n, m)), <see cref="MaxEditedScore"/>). The cap (98) keeps
/// every edited match below every formatting-only one: without it a one-syllable change in a 150-syllable
/// sentence would score 99.3, above a case change, and round to 100 in a CAT tool's display.</description></item>
/// </list>
/// </remarks>
public sealed class MatchCosts
{
    /// <summary>The cost of inserting, deleting or substituting one unit. Fixed: the bit-parallel verifier relies on unit costs.</summary>
    public const int UnitEditCost = 1;

    /// <summary>The score of texts that are equal after normalization.</summary>
    public const double IdenticalScore = 100;

    /// <summary>Creates costs; the defaults are the ones documented on the type.</summary>
    /// <param name="formattingOnlyScore">Score when only case, punctuation or spacing differ; default 99.</param>
    /// <param name="maxEditedScore">Highest score of a match whose units differ; default 98.</param>
    /// <param name="wordVariantCost">The cost of substituting an English word by another form of it; default 0.5.</param>
    /// <param name="numberVariantCost">The cost of substituting a number by another number; default 0.25.</param>
    /// <exception cref="ArgumentOutOfRangeException">The scores are not 0 ≤ <paramref name="maxEditedScore"/> ≤ <paramref name="formattingOnlyScore"/> &lt; 100,
    /// or a variant cost is not above 0 and at most 1.</exception>
    public MatchCosts(double formattingOnlyScore = 99, double maxEditedScore = 98, double wordVariantCost = 0.5, double numberVariantCost = 0.25)
    {
        if (!(wordVariantCost > 0 && wordVariantCost <= UnitEditCost))
        {
            throw new ArgumentOutOfRangeException(nameof(wordVariantCost), wordVariantCost, "A variant costs more than nothing (0 would make it identical) and at most a unit (1).");
        }

        if (!(numberVariantCost > 0 && numberVariantCost <= UnitEditCost))
        {
            throw new ArgumentOutOfRangeException(nameof(numberVariantCost), numberVariantCost, "A variant costs more than nothing (0 would make it identical) and at most a unit (1).");
        }

        if (!(formattingOnlyScore >= 0 && formattingOnlyScore < IdenticalScore))
        {
            throw new ArgumentOutOfRangeException(nameof(formattingOnlyScore), formattingOnlyScore, "The formatting-only score must be at least 0 and below 100 (100 means identical).");
        }

        if (!(maxEditedScore >= 0 && maxEditedScore <= formattingOnlyScore))
        {
            throw new ArgumentOutOfRangeException(nameof(maxEditedScore), maxEditedScore, "The highest edited score must be at least 0 and at most the formatting-only score.");
        }

        FormattingOnlyScore = formattingOnlyScore;
        MaxEditedScore = maxEditedScore;
        WordVariantCost = wordVariantCost;
        NumberVariantCost = numberVariantCost;
    }

    /// <summary>The documented defaults (99 and 98).</summary>
    public static MatchCosts Default { get; } = new();

    /// <summary>Score when the units are equal but the normalized texts differ (case, punctuation, spacing).</summary>
    public double FormattingOnlyScore { get; }

    /// <summary>The highest score of a match whose units differ (at least one unit edit).</summary>
    public double MaxEditedScore { get; }

    /// <summary>
    /// The cost of substituting an English word by another form of the same word (same stem: troop/troops,
    /// decided/decide, agreement/agreements): half a word by default, so an inflection in a 13-word sentence scores 96
    /// where a different word scores 92.
    /// </summary>
    public double WordVariantCost { get; }

    /// <summary>
    /// The cost of substituting a number by another number, 0.25 by default: what a differing number costs when the
    /// server carries it into the translation (1951년 6월 for 1951년 5월 in a 54-unit sentence: 99.5, capped at 98). A
    /// number the server cannot place in the translation is charged the rest of a unit after retrieval.
    /// </summary>
    public double NumberVariantCost { get; }

    /// <summary>The score of a match.</summary>
    /// <param name="distance">The unit edit distance d, 0 ≤ d ≤ <paramref name="maxUnits"/>.</param>
    /// <param name="maxUnits">max(n, m), the unit count of the longer text.</param>
    /// <param name="sameText">Whether the normalized texts are equal (only read when d = 0).</param>
    /// <returns>A score between 0 and 100.</returns>
    public double Score(int distance, int maxUnits, bool sameText) => Score((double)distance, maxUnits, sameText);

    /// <summary>The score of a match whose distance has variant costs in it (a fraction of a unit).</summary>
    /// <param name="distance">The edit distance d, 0 ≤ d ≤ <paramref name="maxUnits"/>.</param>
    /// <param name="maxUnits">max(n, m), the unit count of the longer text.</param>
    /// <param name="sameText">Whether the normalized texts are equal (only read when d = 0).</param>
    /// <returns>A score between 0 and 100.</returns>
    public double Score(double distance, int maxUnits, bool sameText)
    {
        if (!(distance >= 0 && distance <= maxUnits))
        {
            throw new ArgumentOutOfRangeException(nameof(distance), distance, $"The distance must be between 0 and the longer unit count ({maxUnits}).");
        }

        if (distance == 0)
        {
            return sameText ? IdenticalScore : FormattingOnlyScore;
        }

        return Math.Min(MaxEditedScore, 100.0 * (maxUnits - distance) / maxUnits);
    }

    /// <summary>
    /// The largest distance d for which <see cref="Score(double, int, bool)"/>(d, <paramref name="maxUnits"/>, same text) is at
    /// least <paramref name="minScore"/>: the bound the filters and the verifier work with.
    /// </summary>
    /// <remarks>Computed through <see cref="Score(double, int, bool)"/> itself, so the bound and the score can never disagree by a rounding error.</remarks>
    internal int MaxDistance(int maxUnits, double minScore)
    {
        if (maxUnits == 0 || minScore > MaxEditedScore)
        {
            return 0;
        }

        int d = (int)Math.Clamp(Math.Floor(maxUnits * (IdenticalScore - minScore) / IdenticalScore), 0, maxUnits);
        while (d < maxUnits && Score(d + 1, maxUnits, sameText: true) >= minScore)
        {
            d++;
        }

        while (d > 0 && Score(d, maxUnits, sameText: true) < minScore)
        {
            d--;
        }

        return d;
    }
}
