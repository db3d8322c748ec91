using TM.Storage;
using TM.Text;
using TM.Text.Adaptation;

namespace TM.Server.Memory;

/// <summary>
/// Adapts a match's translation to the numbers and dates of the query it answers (see <see cref="TargetAdapter"/>), on
/// the plain texts the client receives: the whole pair for a segment match, the matched sentence and its part of the
/// translation for a fragment.
/// </summary>
public static class MatchAdaptation
{
    /// <summary>Adapts <paramref name="target"/>, or its part <paramref name="targetPart"/>, to <paramref name="query"/>.</summary>
    /// <param name="query">The query text, or the query sentence the match answers.</param>
    /// <param name="source">The match's source: the whole side, or the matched sentence.</param>
    /// <param name="target">The match's whole translation.</param>
    /// <param name="targetPart">The part of <paramref name="target"/> that translates <paramref name="source"/>.</param>
    /// <param name="side">The language of the query and the source.</param>
    /// <returns>What changed, with spans in <paramref name="target"/> (and in <paramref name="query"/> for the unplaced numbers).</returns>
    public static AdaptationResult Adapt(string query, string source, string target, Range targetPart, SegmentSide side)
    {
        var (offset, length) = targetPart.GetOffsetAndLength(target.Length);
        var language = side == SegmentSide.Korean ? Language.Korean : Language.English;
        var result = TargetAdapter.Adapt(query, source, target.Substring(offset, length), language);
        if (offset == 0 || result.Replacements.Count == 0)
            return result;
        var shifted = new TargetReplacement[result.Replacements.Count];
        for (var i = 0; i < shifted.Length; i++)
            shifted[i] = result.Replacements[i] with { Start = result.Replacements[i].Start + offset };
        return new AdaptationResult(result.AdaptedTarget, shifted, result.Unplaced);
    }
}
