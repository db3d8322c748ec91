namespace TM.Benchmarks;

/// <summary>
/// The vocabulary one document keeps returning to (휴전, 포로교환, 스탈린 in the seeds): its sentences draw a
/// share of their nouns and content words from here, so sentences of one document share rare words, as they do
/// in a real memory — and a trigram ranking meets many plausible candidates, not one.
/// </summary>
/// <param name="KoreanNouns">Nouns of the document, drawn from the middle and tail of the vocabulary.</param>
/// <param name="EnglishWords">Content words of the document, likewise.</param>
internal sealed record Topic(string[] KoreanNouns, string[] EnglishWords);
