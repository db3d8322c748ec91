using System.Globalization;
using TM.Interchange;
using TM.Protos.V1;

namespace TM.Client.Pretranslation;

/// <summary>Turns pretranslated sentences into XLIFF 2.0 units: which target, which state, which metadata.</summary>
internal sealed class XliffUnits
{
    // The band of each sentence so far, so a repetition can take the state of its first occurrence.
    private readonly Dictionary<int, AnalysisBand> _bands = [];

    /// <summary>
    /// The unit for <paramref name="sentence"/>: id <c>u</c> + its 1-based index, group <c>p</c> + its 1-based
    /// paragraph. The target is the match's adapted target when the server adapted it, else the fragment's part
    /// of the target for a FRAGMENT match, else its target; no match, no target. The state is
    /// <c>translated</c> for exact and context matches and for repetitions of them, which need no more than a
    /// look, and <c>initial</c> for everything a translator must still edit.
    /// </summary>
    public XliffUnit Next(PretranslatedSentence sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        _bands[sentence.Index] = sentence.Band;
        var effective = sentence.Band == AnalysisBand.Repetition && _bands.TryGetValue(sentence.RepetitionOf, out var first) ? first : sentence.Band;
        var match = sentence.Match;
        string? target = match is null ? null
            : match.AdaptedTarget.Length > 0 ? match.AdaptedTarget
            : match.Kind == MatchKind.Fragment && match.FragmentTarget.Length > 0 ? match.FragmentTarget
            : match.Target;
        var metadata = new List<XliffMeta> { new("band", BandNames.Key(sentence.Band)) };
        if (sentence.RepetitionOf >= 0)
        {
            metadata.Add(new XliffMeta("repetition-of", "u" + (sentence.RepetitionOf + 1).ToString(CultureInfo.InvariantCulture)));
        }

        if (match is not null)
        {
            metadata.Add(new XliffMeta("score", Score(match.Score)));
            metadata.Add(new XliffMeta("segment-id", match.SegmentId));
            if (match.Origin.Length > 0)
            {
                metadata.Add(new XliffMeta("origin", match.Origin));
            }
        }

        metadata.Add(new XliffMeta("words", sentence.Words.ToString(CultureInfo.InvariantCulture)));
        metadata.Add(new XliffMeta("characters", sentence.Characters.ToString(CultureInfo.InvariantCulture)));
        return new XliffUnit("u" + (sentence.Index + 1).ToString(CultureInfo.InvariantCulture), sentence.Source)
        {
            Group = "p" + (sentence.Paragraph + 1).ToString(CultureInfo.InvariantCulture),
            Target = target,
            State = target is not null && effective is AnalysisBand.Exact or AnalysisBand.Context ? XliffSegmentState.Translated : XliffSegmentState.Initial,
            Match = match is null ? null : new XliffMatch(match.Source, match.Target)
            {
                Similarity = Math.Clamp(match.Score, 0, 100),
                Origin = match.Origin.Length > 0 ? match.Origin : null,
                // "am": assembled or adapted, the spec's word for a candidate the tool changed; "tm" as stored.
                Type = match.AdaptedTarget.Length > 0 || match.Kind == MatchKind.Fragment ? "am" : "tm",
                Metadata = [new XliffMeta("segment-id", match.SegmentId), new XliffMeta("kind", match.Kind == MatchKind.Fragment ? "fragment" : "segment")],
            },
            Metadata = metadata,
        };
    }

    private static string Score(double score) => score.ToString("0.##", CultureInfo.InvariantCulture);
}
