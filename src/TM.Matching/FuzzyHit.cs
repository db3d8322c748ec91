namespace TM.Matching;

/// <summary>One search result: a segment id and its score (0 to 100, see <see cref="MatchCosts"/>).</summary>
/// <param name="Id">The id the segment was added with.</param>
/// <param name="Score">The match score; not rounded.</param>
public readonly record struct FuzzyHit(int Id, double Score);
