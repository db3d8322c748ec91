using System.Globalization;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using TM.Interchange;
using TM.Protos.V1;
using TM.Server.Interchange;
using TM.Server.Security;
using TM.Storage;

namespace TM.Server.Services;

/// <content>GetSegment, UpdateSegment and DeleteSegment: a reviewer's corrections, one pair at a time.</content>
public sealed partial class TranslationMemoryService
{
    // A page of ListSegments: what a reviewer reads at once, and a bound on what one call reads from the store.
    private const int DefaultSegmentsPage = 50;
    private const int MaxSegmentsPage = 500;

    /// <inheritdoc />
    [Authorize(Policy = AccessPolicies.Read)]
    public override Task<Segment> GetSegment(GetSegmentRequest request, ServerCallContext context)
    {
        var id = SegmentId(request.SegmentId);
        var memory = FindMemory(context, request.Memory);
        var segment = ToSegment(_catalog.GetSegment(memory, id));
        if (request.IncludeHistory)
        {
            foreach (var version in _catalog.History(id))
            {
                segment.History.Add(new SegmentHistoryEntry
                {
                    Version = version.Version,
                    Ko = version.Korean,
                    En = version.English,
                    Changed = Timestamps.Rfc3339(version.Changed),
                    ChangedBy = version.ChangedBy,
                    Replaced = Timestamps.Rfc3339(version.Replaced),
                    ReplacedBy = version.ReplacedBy,
                    Deleted = version.Deleted,
                });
            }
        }
        return Task.FromResult(segment);
    }

    /// <inheritdoc />
    [Authorize(Policy = AccessPolicies.Read)]
    public override async Task<ListSegmentsResponse> ListSegments(ListSegmentsRequest request, ServerCallContext context)
    {
        if (request.MaxResults is < 0)
            throw Invalid.Argument($"max_results is {request.MaxResults}; use 1..{MaxSegmentsPage}, or 0 for {DefaultSegmentsPage}.");
        var filter = FilterRequests.Parse(request.Origin, request.ImportId, request.CreatedBy, request.ChangedAfter, request.ChangedBefore);
        var afterId = request.PageToken.Length == 0 ? 0 : SegmentId(request.PageToken, "page_token");
        var memory = FindMemory(context, request.Memory);
        var pageSize = request.MaxResults == 0 ? DefaultSegmentsPage : Math.Min(request.MaxResults, MaxSegmentsPage);
        var (page, total, more) = await _catalog.ListSegmentsAsync(memory, filter is null ? null : filter with { MemoryId = memory.Info.Id },
            afterId, pageSize, context.CancellationToken);
        var response = new ListSegmentsResponse { Total = total };
        foreach (var record in page)
            response.Segments.Add(ToSegment(record));
        if (more && page.Count > 0)
            response.NextPageToken = page[^1].Segment.Id.ToString(CultureInfo.InvariantCulture);
        return response;
    }

    /// <inheritdoc />
    [Authorize(Policy = AccessPolicies.Read)]
    public override Task<Segment> ConfirmUse(ConfirmUseRequest request, ServerCallContext context)
    {
        var id = SegmentId(request.SegmentId);
        var memory = FindMemory(context, request.Memory);
        return Task.FromResult(ToSegment(_catalog.ConfirmUse(memory, id)));
    }

    /// <inheritdoc />
    [Authorize(Policy = AccessPolicies.Write)]
    public override async Task<Segment> UpdateSegment(UpdateSegmentRequest request, ServerCallContext context)
    {
        var id = SegmentId(request.SegmentId);
        if (request.Ko.Length == 0 && request.En.Length == 0)
            throw Invalid.Argument("Give the corrected text: ko, en or both (an empty field keeps that side).");
        CheckSide(request.Ko, "ko");
        CheckSide(request.En, "en");
        var caller = Authorized(context, AccessRole.Write, request.Memory);
        var memory = _catalog.Get(request.Memory, caller.CanUse);
        var record = await _catalog.UpdateSegmentAsync(memory, id, request.Ko.Length == 0 ? null : request.Ko, request.En.Length == 0 ? null : request.En,
            request.Version, caller.Name, context.CancellationToken);
        return ToSegment(record);
    }

    /// <inheritdoc />
    [Authorize(Policy = AccessPolicies.Write)]
    public override async Task<DeleteSegmentResponse> DeleteSegment(DeleteSegmentRequest request, ServerCallContext context)
    {
        var id = SegmentId(request.SegmentId);
        var caller = Authorized(context, AccessRole.Write, request.Memory);
        var memory = _catalog.Get(request.Memory, caller.CanUse);
        await _catalog.DeleteSegmentAsync(memory, id, request.Version, caller.Name, context.CancellationToken);
        return new DeleteSegmentResponse();
    }

    private static long SegmentId(string text, string field = "segment_id") =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
            ? id
            : throw Invalid.Argument(field == "segment_id"
                ? $"segment_id is '{text}'; it is the number a Match or ConcordanceHit gives as segment_id."
                : $"{field} is '{text}'; send the next_page_token of the previous answer unchanged, or nothing for the first page.");

    // Whitespace alone is not a side, and a stored text must fit a sentence and XML (it goes out as TMX).
    private static void CheckSide(string text, string field)
    {
        if (text.Length > 0 && string.IsNullOrWhiteSpace(text))
            throw Invalid.Argument($"{field} holds only whitespace; leave it empty to keep that side.");
        if (text.Length > RequestLimits.MaxSentenceLength)
            throw Invalid.Argument($"{field} is {Invalid.Count(text.Length)} characters long; the limit is {Invalid.Count(RequestLimits.MaxSentenceLength)}.");
        if (XmlText.IndexOfInvalid(text) is var invalid and >= 0)
            throw Invalid.Argument($"{field} holds {XmlText.Describe(text[invalid])} at character {Invalid.Count(invalid + 1)}, which XML (and so a TMX export) cannot carry.");
    }

    private static Segment ToSegment(SegmentRecord record)
    {
        var segment = record.Segment;
        var korean = SideRendering.Render(segment.Korean, segment.KoreanMarkup);
        var english = SideRendering.Render(segment.English, segment.EnglishMarkup);
        return new Segment
        {
            SegmentId = segment.Id.ToString(CultureInfo.InvariantCulture),
            Ko = korean.Plain,
            En = english.Plain,
            KoTmx = korean.Tmx,
            EnTmx = english.Tmx,
            Origin = segment.Origin,
            Note = segment.Note,
            LowConfidence = segment.LowConfidence,
            ImportId = record.ImportId,
            Created = Timestamps.Rfc3339(record.Created),
            Changed = Timestamps.Rfc3339(record.Changed),
            CreatedBy = record.CreatedBy,
            ChangedBy = record.ChangedBy,
            Version = record.Version,
            UsageCount = record.UsageCount,
            LastUsed = record.LastUsed is { } used ? Timestamps.Rfc3339(used) : "",
        };
    }
}
