using System.Globalization;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using TM.Interchange;
using TM.Protos.V1;
using TM.Server.Interchange;
using TM.Server.Memory;
using TM.Server.Security;
using TM.Storage;

namespace TM.Server.Services;

/// <content>GetSegment, AddSegment, UpdateSegment and DeleteSegment: a reviewer's corrections, one pair at a time.</content>
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
                var entry = new SegmentHistoryEntry
                {
                    Version = version.Version,
                    Ko = version.Korean,
                    En = version.English,
                    Changed = Timestamps.Rfc3339(version.Changed),
                    ChangedBy = version.ChangedBy,
                    Replaced = Timestamps.Rfc3339(version.Replaced),
                    ReplacedBy = version.ReplacedBy,
                    Deleted = version.Deleted,
                };
                FieldRequests.AddTo(entry.Fields, version.Fields);
                segment.History.Add(entry);
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
        var (page, total, more) = await _catalog.ListSegmentsAsync(memory, FieldRequests.Filter(filter, request.Fields, memory),
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
        if (request.Ko.Length == 0 && request.En.Length == 0 && !request.ReplaceFields)
            throw Invalid.Argument("Give the corrected text: ko, en or both (an empty field keeps that side), or new fields with replace_fields.");
        if (!request.ReplaceFields && request.Fields.Count > 0)
            throw Invalid.Argument("fields are given without replace_fields: set replace_fields to replace the pair's fields with these (none clears them).");
        CheckSide(request.Ko, "ko");
        CheckSide(request.En, "en");
        var caller = Authorized(context, AccessRole.Write, request.Memory);
        var memory = _catalog.Get(request.Memory, caller.CanUse);
        var fields = request.ReplaceFields ? FieldRequests.Values(request.Fields, new FieldSchema(memory.Settings.Fields), "fields") : null;
        var record = await _catalog.UpdateSegmentAsync(memory, id, request.Ko.Length == 0 ? null : request.Ko, request.En.Length == 0 ? null : request.En,
            fields, request.Version, caller.Name, context.CancellationToken);
        return ToSegment(record);
    }

    /// <inheritdoc />
    [Authorize(Policy = AccessPolicies.Write)]
    public override async Task<Segment> AddSegment(AddSegmentRequest request, ServerCallContext context)
    {
        if (string.IsNullOrWhiteSpace(request.Ko) || string.IsNullOrWhiteSpace(request.En))
            throw Invalid.Argument("A pair needs both sides: give ko and en.");
        CheckSide(request.Ko, "ko");
        CheckSide(request.En, "en");
        CheckText(request.Origin, "origin", RequestLimits.MaxOriginLength);
        CheckText(request.Note, "note", RequestLimits.MaxNoteLength);
        var caller = Authorized(context, AccessRole.Write, request.Memory);
        // Unlike an import, one pair typed in does not create a memory: a mistyped name would leave a memory behind.
        var memory = _catalog.Get(request.Memory, caller.CanUse);
        var fields = FieldRequests.Values(request.Fields, new FieldSchema(memory.Settings.Fields), "fields");
        var pair = new SegmentInput(request.Ko.Trim(), request.En.Trim(), request.Origin, request.Note) { Fields = fields };
        return ToSegment(await _catalog.AddSegmentAsync(memory, pair, caller.Name, context.CancellationToken));
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
        CheckText(text, field, RequestLimits.MaxSentenceLength);
    }

    private static void CheckText(string text, string field, int maxLength)
    {
        if (text.Length > maxLength)
            throw Invalid.Argument($"{field} is {Invalid.Count(text.Length)} characters long; the limit is {Invalid.Count(maxLength)}.");
        if (XmlText.IndexOfInvalid(text) is var invalid and >= 0)
            throw Invalid.Argument($"{field} holds {XmlText.Describe(text[invalid])} at character {Invalid.Count(invalid + 1)}, which XML (and so a TMX export) cannot carry.");
    }

    private static Segment ToSegment(SegmentRecord record)
    {
        var segment = record.Segment;
        var korean = SideRendering.Render(segment.Korean, segment.KoreanMarkup);
        var english = SideRendering.Render(segment.English, segment.EnglishMarkup);
        var message = new Segment
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
        FieldRequests.AddTo(message.Fields, segment.Fields);
        return message;
    }
}
