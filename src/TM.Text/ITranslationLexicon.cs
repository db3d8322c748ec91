namespace TM.Text;

/// <summary>
/// Bilingual knowledge for the aligner: maps the words of a sentence into a key space shared by both languages,
/// so that a Korean sentence and its translation yield equal keys (스탈린 and Stalin both give "stalin").
/// </summary>
/// <remarks>
/// The aligner rewards keys found on both sides of a bead and charges for keys found on one side only, so an
/// implementation should return a key only when it expects the translation to contain it too. Keys may repeat
/// (two mentions give two keys). The built-in <see cref="KnownTermsLexicon"/> covers names and a few terms; a
/// learned dictionary plugs in here by returning, say, English lemmas for English words and the best English
/// translation of each Korean word. Implementations must be thread-safe; each sentence is looked up once.
/// </remarks>
public interface ITranslationLexicon
{
    /// <summary>Returns the keys of the terms found in the sentence, one per occurrence, in any order.</summary>
    /// <param name="sentence">One sentence.</param>
    /// <param name="language">The sentence's language.</param>
    IReadOnlyList<string> FindTerms(string sentence, Language language);
}
