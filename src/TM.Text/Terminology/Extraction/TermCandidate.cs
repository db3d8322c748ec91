namespace TM.Text.Terminology;

/// <summary>
/// A bilingual term proposed by <see cref="TermCandidateExtractor"/>, in the form it would take in a termbase.
/// </summary>
/// <param name="Korean">The Korean term: one to three words, the particles and endings of the last one stripped
/// (포로 송환, not 포로 송환을), single spaces between words.</param>
/// <param name="English">The English term as the memory writes it: its most frequent spelling in the memory, case kept,
/// a capital that only starts a sentence not counted ("prisoners of war", "Armistice Agreement").
/// Plurals are kept as written: a termbase entry names the concept, and translators read "prisoners of war" as the term.</param>
/// <param name="Frequency">How many pairs hold both the Korean and the English term.</param>
/// <param name="Score">The association score the candidates are ranked by: Dunning's log-likelihood ratio of the pairs in
/// which the two were linked, weighted by the lexical evidence (see <see cref="TermCandidateExtractor"/>); larger is
/// stronger, comparable only within one extraction.</param>
/// <param name="ExamplePairIds">Up to two <see cref="ExtractionPair.Id"/>s of pairs in which the two were linked, in the order
/// the pairs were given.</param>
public sealed record TermCandidate(string Korean, string English, int Frequency, double Score, IReadOnlyList<long> ExamplePairIds);
