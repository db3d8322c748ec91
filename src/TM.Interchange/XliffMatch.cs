namespace TM.Interchange;

/// <summary>
/// A translation candidate of a unit, written as an <c>&lt;mtc:match&gt;</c> of the XLIFF 2.0 Translation Candidates
/// module: the memory's source and target, how similar its source is and where it came from.
/// </summary>
/// <param name="Source">The candidate's source text, as stored in the memory.</param>
/// <param name="Target">The candidate's target text, as stored in the memory.</param>
public sealed record XliffMatch(string Source, string Target)
{
    /// <summary>The <c>similarity</c> of the candidate's source to the unit's source, 0 to 100; null to leave it out.</summary>
    public double? Similarity { get; init; }

    /// <summary>The <c>origin</c>: the tool or memory the candidate came from; null to leave it out.</summary>
    public string? Origin { get; init; }

    /// <summary>The <c>type</c>: <c>tm</c> (the default) for a memory match, <c>am</c> for an assembled or adapted one.</summary>
    public string Type { get; init; } = "tm";

    /// <summary>Metadata written inside the match as <c>&lt;mda:metadata&gt;</c>; empty for none.</summary>
    public IReadOnlyList<XliffMeta> Metadata { get; init => field = value ?? throw new ArgumentNullException(nameof(value)); } = [];
}
