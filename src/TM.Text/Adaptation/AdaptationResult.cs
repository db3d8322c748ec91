namespace TM.Text.Adaptation;

/// <summary>What <see cref="TargetAdapter.Adapt"/> did to a match's target.</summary>
public sealed class AdaptationResult
{
    /// <summary>Creates a result.</summary>
    /// <param name="adaptedTarget">The target with the replacements applied.</param>
    /// <param name="replacements">The replacements, in order of position in the original target.</param>
    /// <param name="unplaced">The query's numbers that differ from the match but were not carried over, in order of position in the query.</param>
    public AdaptationResult(string adaptedTarget, IReadOnlyList<TargetReplacement> replacements, IReadOnlyList<NumberMention> unplaced)
    {
        ArgumentNullException.ThrowIfNull(adaptedTarget);
        ArgumentNullException.ThrowIfNull(replacements);
        ArgumentNullException.ThrowIfNull(unplaced);
        AdaptedTarget = adaptedTarget;
        Replacements = replacements;
        Unplaced = unplaced;
    }

    /// <summary>The target with the query's numbers carried in; the original target when nothing was replaced.</summary>
    public string AdaptedTarget { get; }

    /// <summary>The replacements made, in order of position; their spans refer to the original target.</summary>
    public IReadOnlyList<TargetReplacement> Replacements { get; }

    /// <summary>
    /// The query's numbers (with their spans in the query) that differ from the match and could not be carried into
    /// the target with certainty; the translator has to check these by hand.
    /// </summary>
    public IReadOnlyList<NumberMention> Unplaced { get; }

    /// <summary>Whether any replacement was made, i.e. <see cref="AdaptedTarget"/> differs from the target.</summary>
    public bool Changed => Replacements.Count > 0;
}
