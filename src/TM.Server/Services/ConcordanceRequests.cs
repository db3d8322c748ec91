using System.Globalization;
using TM.Protos.V1;
using TM.Search;
using TM.Server.Concordance;
using TM.Server.Security;
using TM.Storage;

namespace TM.Server.Services;

/// <summary>Turns a <see cref="ConcordanceRequest"/> into a search, refusing what cannot be searched, and a match into a <see cref="ConcordanceHit"/>.</summary>
internal static class ConcordanceRequests
{
    /// <summary>Longest concordance term: a phrase, not a sentence (Lookup is for sentences).</summary>
    public const int MaxTermLength = 200;

    /// <summary>The search the request asks for; its memory id is left for the searcher to set.</summary>
    /// <exception cref="Grpc.Core.RpcException">INVALID_ARGUMENT, saying which field is wrong and how.</exception>
    public static ConcordanceQuery ToQuery(ConcordanceRequest request)
    {
        var term = request.Term.Trim();
        if (term.Length == 0)
            throw Invalid.Argument("The concordance term is empty.");
        if (term.Length > MaxTermLength)
            throw Invalid.Argument($"The concordance term is {Invalid.Count(term.Length)} characters long; the limit is {MaxTermLength}. For whole sentences use Lookup.");
        if (request.MaxResults < 0)
            throw Invalid.Argument($"max_results is {request.MaxResults}; use 1..{RequestLimits.MaxConcordanceResults}, or 0 for {RequestLimits.DefaultConcordanceResults}.");
        var filter = FilterRequests.Parse(request.Origin, request.ImportId, request.CreatedBy, request.ChangedAfter, request.ChangedBefore);
        var sides = RequestLanguage.Parse(request.Lang, "lang", "to search both") switch
        {
            SegmentSide.Korean => ConcordanceSides.Korean,
            SegmentSide.English => ConcordanceSides.English,
            _ => ConcordanceSides.Both,
        };
        long afterId;
        try
        {
            afterId = ConcordancePageToken.Decode(request);
        }
        catch (ArgumentException e)
        {
            throw Invalid.Argument(e.Message);
        }
        return new ConcordanceQuery(0, term, sides)
        {
            EnglishWordForms = request.MatchWordForms,
            Origin = filter?.Origin,
            ImportId = filter?.ImportId,
            CreatedBy = filter?.CreatedBy,
            ChangedFrom = filter?.ChangedFrom,
            ChangedTo = filter?.ChangedTo,
            AfterId = afterId,
            MaxHits = request.MaxResults == 0 ? RequestLimits.DefaultConcordanceResults : Math.Min(request.MaxResults, RequestLimits.MaxConcordanceResults),
        };
    }

    /// <summary>The hit as the API sends it.</summary>
    public static ConcordanceHit ToHit(ConcordanceMatch match, ConcordanceSides searched)
    {
        var record = match.Record;
        var hit = new ConcordanceHit
        {
            SegmentId = record.Segment.Id.ToString(CultureInfo.InvariantCulture),
            Ko = match.Korean,
            En = match.English,
            KoTmx = match.KoreanTmx,
            EnTmx = match.EnglishTmx,
            // The side that holds the term; with both sides searched, Korean when both do.
            Lang = searched == ConcordanceSides.English || (searched == ConcordanceSides.Both && match.KoreanSpans.Count == 0 && match.EnglishSpans.Count > 0) ? "en" : "ko",
            Origin = record.Segment.Origin,
            ImportId = record.ImportId,
            Created = Timestamps.Rfc3339(record.Created),
            Changed = Timestamps.Rfc3339(record.Changed),
            CreatedBy = record.CreatedBy,
            ChangedBy = record.ChangedBy,
        };
        FieldRequests.AddTo(hit.Fields, record.Segment.Fields);
        foreach (var span in match.KoreanSpans)
            hit.KoSpans.Add(new Protos.V1.TextSpan { Start = span.Start, Length = span.Length });
        foreach (var span in match.EnglishSpans)
            hit.EnSpans.Add(new Protos.V1.TextSpan { Start = span.Start, Length = span.Length });
        return hit;
    }
}
