namespace TM.Text.Terminology;

/// <summary>One segment pair of a memory as <see cref="TermCandidateExtractor"/> reads it.</summary>
/// <param name="Id">The caller's identifier of the pair (a segment id, say), echoed in <see cref="TermCandidate.ExamplePairIds"/>.</param>
/// <param name="Korean">The Korean side: one or more sentences.</param>
/// <param name="English">The English side: its translation.</param>
public readonly record struct ExtractionPair(long Id, string Korean, string English);
