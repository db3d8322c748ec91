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
            var match = new Match
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
            };
            if (hit.IsFragment)
                DescribeFragment(match, hit.Sentence, side);
            if (hit.QueryRange is { } query)
                match.QuerySpan = Span(query, query.End.Value);
            response.Matches.Add(match);
        }
        return response;
    }

    // The sentences are found again in the texts the client receives (split as the fragment index split them).
    private static void DescribeFragment(Match match, int sentence, SegmentSide side)
    {
        match.Kind = MatchKind.Fragment;
        var sourceSentences = FragmentIndex.SentencesOf(match.Source, side);
        if (sentence < sourceSentences.Count)
            match.SourceSpan = Span(sourceSentences[sentence], match.Source.Length);
        var targetSide = side == SegmentSide.Korean ? SegmentSide.English : SegmentSide.Korean;
        var targetSentences = FragmentIndex.SentencesOf(match.Target, targetSide);
        // Sentence n translates sentence n only when the sides have as many; otherwise (a 2-1 pair) the whole target does.
        var part = targetSentences.Count == sourceSentences.Count && sentence < targetSentences.Count
            ? targetSentences[sentence]
            : Range.All;
        match.TargetSpan = Span(part, match.Target.Length);
        match.FragmentTarget = match.Target[part];
    }

    private static TextSpan Span(Range range, int textLength)
    {
        var (start, length) = range.GetOffsetAndLength(textLength);
        return new TextSpan { Start = start, Length = length };
    }
}
