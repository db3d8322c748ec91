using TM.Storage;

namespace TM.Server.Memory;

/// <summary>
/// The sentence of a stored pair a fragment match is about, and the part of the translation that translates it: the
/// same sentence of the other side when both sides have as many sentences, the whole translation otherwise (a 2-1 pair).
/// </summary>
internal static class FragmentParts
{
    /// <summary>The matched sentence's range in <paramref name="source"/> and its translation's range in <paramref name="target"/>.</summary>
    /// <param name="source">The pair's side in the query's language, as the client receives it.</param>
    /// <param name="target">The other side.</param>
    /// <param name="sentence">The sentence's number in <paramref name="source"/> (as <see cref="FragmentIndex"/> numbers them).</param>
    /// <param name="side">The language of <paramref name="source"/>.</param>
    public static (Range Source, Range Target) Of(string source, string target, int sentence, SegmentSide side)
    {
        var sourceSentences = FragmentIndex.SentencesOf(source, side);
        var sourcePart = sentence < sourceSentences.Count ? sourceSentences[sentence] : Range.All;
        var targetSentences = FragmentIndex.SentencesOf(target, side == SegmentSide.Korean ? SegmentSide.English : SegmentSide.Korean);
        var targetPart = targetSentences.Count == sourceSentences.Count && sentence < targetSentences.Count
            ? targetSentences[sentence]
            : Range.All;
        return (sourcePart, targetPart);
    }
}
