namespace TM.Text;

/// <summary>
/// One unit of a sentence alignment: Korean sentences and the English sentences that translate them.
/// Either side may be empty (a 1-0 or 0-1 bead: a sentence with no counterpart).
/// </summary>
/// <param name="Korean">The Korean sentences, in document order.</param>
/// <param name="English">The English sentences, in document order.</param>
/// <param name="Confidence">
/// How far to trust the bead as a translation unit, in [0, 1]: the aligner's posterior probability of the bead,
/// lowered when the lengths disagree with the length model or numbers and names disagree, kept high when they
/// agree. Beads with an empty side score low on purpose: they are never stored and a reviewer should look at them.
/// </param>
public sealed record Bead(IReadOnlyList<string> Korean, IReadOnlyList<string> English, double Confidence)
{
    /// <summary>The Korean sentences joined with one space; empty for a 0-1 bead.</summary>
    public string KoreanText => string.Join(' ', Korean);

    /// <summary>The English sentences joined with one space; empty for a 1-0 bead.</summary>
    public string EnglishText => string.Join(' ', English);

    /// <summary>True when both sides hold at least one sentence, i.e. the bead is a segment pair worth storing.</summary>
    public bool IsPair => Korean.Count > 0 && English.Count > 0;
}
