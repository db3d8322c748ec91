using TM.Server.Memory;

namespace TM.Server.Pretranslation;

/// <summary>One sentence of a pretranslated document.</summary>
/// <param name="Index">Its 0-based position among the document's sentences.</param>
/// <param name="Paragraph">Its paragraph's 0-based number.</param>
/// <param name="Text">The sentence.</param>
/// <param name="Best">Its best match, or null when none reaches the minimum score (a repetition has its first occurrence's).</param>
/// <param name="Band">Where it falls in the analysis.</param>
/// <param name="RepetitionOf">The index of its first occurrence when it is a repetition; -1 otherwise.</param>
/// <param name="Words">Its words (English words, Korean eojeol).</param>
/// <param name="Characters">Its characters without whitespace.</param>
public sealed record PretranslatedSentence(int Index, int Paragraph, string Text, LookupHit? Best, ScoreBand Band, int RepetitionOf, int Words, int Characters);
