using TM.Text.Terminology;

namespace TM.Server.Terminology;

/// <summary>A term candidate of a memory, with the pairs that show it and whether the termbase has it already.</summary>
/// <param name="Candidate">The candidate as the extractor proposed it.</param>
/// <param name="Examples">Up to two of the memory's pairs that hold it.</param>
/// <param name="InTermbase">True when the termbase has an entry with its Korean and English terms.</param>
public sealed record SuggestedTerm(TermCandidate Candidate, IReadOnlyList<ExtractionPair> Examples, bool InTermbase);
