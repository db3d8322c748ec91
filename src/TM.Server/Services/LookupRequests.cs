using System.Globalization;
using TM.Matching;
using TM.Protos.V1;
using TM.Server.Interchange;
using TM.Server.Memory;
using TM.Storage;

namespace TM.Server.Services;

/// <summary>What Lookup and LookupBatch share: their options, checked the same way, and the shape of an answer.</summary>
internal static class LookupRequests
{
    /// <summary>The match options a request asks for, defaults applied.</summary>
    /// <exception cref="Grpc.Core.RpcException">INVALID_ARGUMENT: max_results or min_score out of range.</exception>
    public static MatchOptions Options(int maxResults, double minScore)
    {
        if (maxResults < 0)
            throw Invalid.Argument($"max_results is {maxResults}; use 1..{RequestLimits.MaxLookupResults}, or 0 for {RequestLimits.DefaultLookupResults}.");
        if (minScore is < 0 or > 100 || double.IsNaN(minScore))
            throw Invalid.Argument($"min_score is {minScore}; use 0..100 (0 means {RequestLimits.DefaultMinScore}).");
        return new MatchOptions
        {
            MaxResults = maxResults == 0 ? RequestLimits.DefaultLookupResults : Math.Min(maxResults, RequestLimits.MaxLookupResults),
            MinScore = minScore == 0 ? RequestLimits.DefaultMinScore : minScore,
        };
    }

    /// <summary>The answer for one sentence matched as <paramref name="side"/>: its hits, best first.</summary>
    public static LookupResponse Response(IReadOnlyList<LookupHit> hits, SegmentSide side)
    {
        var response = new LookupResponse { SourceLang = side == SegmentSide.Korean ? "ko" : "en" };
        foreach (var hit in hits)
        {
            var korean = SideRendering.Render(hit.Segment.Korean, hit.Segment.KoreanMarkup);
            var english = SideRendering.Render(hit.Segment.English, hit.Segment.EnglishMarkup);
            var (source, target) = side == SegmentSide.Korean ? (korean, english) : (english, korean);
            response.Matches.Add(new Match
            {
                Source = source.Plain,
                Target = target.Plain,
                SourceTmx = source.Tmx,
                TargetTmx = target.Tmx,
                Score = Math.Round(hit.Score, 2),
                SegmentId = hit.Segment.Id.ToString(CultureInfo.InvariantCulture),
                Origin = hit.Segment.Origin,
                LowConfidence = hit.Segment.LowConfidence,
                ImportId = hit.Record.ImportId,
                Created = Timestamps.Rfc3339(hit.Record.Created),
                Changed = Timestamps.Rfc3339(hit.Record.Changed),
                CreatedBy = hit.Record.CreatedBy,
                ChangedBy = hit.Record.ChangedBy,
            });
        }
        return response;
    }
}
