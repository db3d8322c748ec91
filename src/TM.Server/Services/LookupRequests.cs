using System.Globalization;
using TM.Matching;
using TM.Protos.V1;
using TM.Server.Interchange;
using TM.Server.Memory;
using TM.Storage;
using SegmentFilter = TM.Search.SegmentFilter;

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

    /// <summary>
    /// <paramref name="options"/> restricted to the pairs that pass <paramref name="filter"/> (unchanged for none): the
    /// index asks the set about each candidate, so the matches are the best of those pairs.
    /// </summary>
    public static async Task<MatchOptions> FilteredAsync(TranslationMemoryCatalog catalog, MemoryIndex memory, MatchOptions options, SegmentFilter? filter,
        CancellationToken cancellationToken)
    {
        if (filter is null)
            return options;
        var passing = await catalog.MatchingIdsAsync(memory, filter, cancellationToken);
        return options with { Accepts = id => passing.Contains(id) };
    }

    /// <summary>Refuses a neighbouring sentence (context) longer than a sentence may be.</summary>
    /// <exception cref="Grpc.Core.RpcException">INVALID_ARGUMENT, naming the field.</exception>
    public static void CheckNeighbour(string text, string field)
    {
        if (text.Length > RequestLimits.MaxSentenceLength)
            throw Invalid.Argument($"{field} is {Invalid.Count(text.Length)} characters long; the limit is {Invalid.Count(RequestLimits.MaxSentenceLength)} (one sentence).");
    }

    /// <summary>
    /// <paramref name="options"/> with the memory's own minimum score when the request left it at 0 (the defaults),
    /// and the memory's penalties when the request sends none.
    /// </summary>
    public static (MatchOptions Options, LookupPenalties Penalties) WithMemoryDefaults(MatchOptions options, double requestedMinScore,
        MatchPenalties? requestedPenalties, MemoryIndex memory)
    {
        var settings = memory.Settings;
        if (requestedMinScore == 0 && settings.MinScore is { } minScore)
            options = options with { MinScore = minScore };
        if (requestedPenalties is null)
            return (options, LookupPenalties.Of(settings));
        var penalties = Penalties(requestedPenalties) with
        {
            Fields = FieldRequests.Penalties(requestedPenalties.Fields, new FieldSchema(settings.Fields), "penalties.fields"),
        };
        return (options, penalties);
    }

    /// <summary>The penalties a request asks for: the defaults without the message, exactly its values with it.</summary>
    /// <exception cref="Grpc.Core.RpcException">INVALID_ARGUMENT: a penalty outside 0..100.</exception>
    /// <remarks>
    /// Message presence rather than proto3 <c>optional</c> fields says "the defaults": the protoc of Debian's
    /// python3-grpc-tools (3.12) refuses <c>optional</c> in proto3, and a CAT tool's toolchain may be as old.
    /// </remarks>
    public static LookupPenalties Penalties(MatchPenalties? requested) =>
        requested is null
            ? LookupPenalties.Default
            : new LookupPenalties
            {
                MultipleTranslations = Points(requested.MultipleTranslations, "multiple_translations"),
                Aligned = Points(requested.Aligned, "aligned"),
                LowConfidence = Points(requested.LowConfidence, "low_confidence"),
            };

    private static double Points(double points, string field) =>
        points is >= 0 and <= 100
            ? points
            : throw Invalid.Argument($"penalties.{field} is {points.ToString(CultureInfo.InvariantCulture)}; a penalty is 0..100 points.");

    /// <summary>The answer for one text matched as <paramref name="side"/>: its hits, best first, their translations adapted to its numbers.</summary>
    public static LookupResponse Response(string query, IReadOnlyList<LookupHit> hits, SegmentSide side)
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
                Version = hit.Record.Version,
                UsageCount = hit.Record.UsageCount,
            };
            FieldRequests.AddTo(match.Fields, hit.Segment.Fields);
            var (matched, targetPart) = hit.IsFragment ? DescribeFragment(match, hit.Sentence, side) : (match.Source, Range.All);
            if (hit.InContext)
                match.Kind = MatchKind.Context;
            var asked = query;
            if (hit.QueryRange is { } sentence)
            {
                match.QuerySpan = Span(sentence, query.Length);
                asked = query[sentence];
            }
            Adapt(match, asked, matched, targetPart, side, hit.QueryRange?.Start.Value ?? 0);
            match.Aligned = hit.Aligned;
            foreach (var penalty in hit.Penalties)
                match.Penalties.Add(new AppliedPenalty { Reason = penalty.Reason, Points = penalty.Points });
            response.Matches.Add(match);
        }
        return response;
    }

    // The sentences are found again in the texts the client receives (split as the fragment index split them). Returns
    // the matched sentence and the part of the target that translates it.
    private static (string Sentence, Range TargetPart) DescribeFragment(Match match, int sentence, SegmentSide side)
    {
        match.Kind = MatchKind.Fragment;
        var (sourcePart, targetPart) = FragmentParts.Of(match.Source, match.Target, sentence, side);
        if (!sourcePart.Equals(Range.All))
            match.SourceSpan = Span(sourcePart, match.Source.Length);
        match.TargetSpan = Span(targetPart, match.Target.Length);
        match.FragmentTarget = match.Target[targetPart];
        return (match.Source[sourcePart], targetPart);
    }

    // The adapted target is what a translator inserts: the whole target, or the fragment's part of it.
    private static void Adapt(Match match, string query, string source, Range targetPart, SegmentSide side, int queryOffset)
    {
        var adaptation = MatchAdaptation.Adapt(query, source, match.Target, targetPart, side);
        if (adaptation.Changed)
        {
            match.AdaptedTarget = adaptation.AdaptedTarget;
            foreach (var replacement in adaptation.Replacements)
            {
                match.Adaptations.Add(new Adaptation
                {
                    TargetSpan = new TextSpan { Start = replacement.Start, Length = replacement.Length },
                    Replaced = replacement.OriginalText,
                    Replacement = replacement.ReplacementText,
                    Kind = replacement.Kind.ToString().ToLowerInvariant(),
                });
            }
        }
        foreach (var number in adaptation.Unplaced)
            match.UnplacedNumbers.Add(new TextSpan { Start = queryOffset + number.Start, Length = number.Length });
    }

    private static TextSpan Span(Range range, int textLength)
    {
        var (start, length) = range.GetOffsetAndLength(textLength);
        return new TextSpan { Start = start, Length = length };
    }
}
