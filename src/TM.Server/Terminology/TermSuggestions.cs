namespace TM.Server.Terminology;

/// <summary>What <see cref="TermbaseCatalog.SuggestAsync"/> found.</summary>
/// <param name="Terms">The candidates, best first.</param>
/// <param name="PairsRead">The pairs the extraction read.</param>
/// <param name="Truncated">True when the memory holds more pairs than one extraction reads (<see cref="TermbaseCatalog.MaxSuggestionPairs"/>).</param>
public sealed record TermSuggestions(IReadOnlyList<SuggestedTerm> Terms, int PairsRead, bool Truncated);
