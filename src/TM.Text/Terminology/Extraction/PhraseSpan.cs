namespace TM.Text.Terminology.Extraction;

/// <summary>
/// Where one candidate phrase of a sentence lies: its words (<see cref="FirstWord"/> to <see cref="LastWord"/>, indices
/// of the sentence's words, for linking without overlap) and its text (<see cref="SurfaceStart"/>, <see cref="SurfaceLength"/>).
/// </summary>
/// <param name="FirstWord">Index of the phrase's first word among the sentence's words.</param>
/// <param name="LastWord">Index of its last word.</param>
/// <param name="SurfaceStart">Where its text starts in the sentence.</param>
/// <param name="SurfaceLength">Its text's length (a possessive 's left out).</param>
/// <param name="SentenceInitial">The phrase starts a sentence, so a capital on its first word says nothing.</param>
internal readonly record struct PhraseSpan(int FirstWord, int LastWord, int SurfaceStart, int SurfaceLength, bool SentenceInitial)
{
    public bool Overlaps(PhraseSpan other) => FirstWord <= other.LastWord && other.FirstWord <= LastWord;
}
