using System.Collections.Concurrent;
using Grpc.Core;
using TM.Protos.V1;

namespace TM.Client.Tests;

/// <summary>
/// A stand-in TranslationMemory service with answers set by each test, so the client's rendering and error
/// handling can be tested over the real gRPC stack before and apart from the real server (whose end-to-end
/// tests live in TM.Server.Tests). It records what the client sent.
/// </summary>
internal sealed partial class FakeTranslationMemory : TranslationMemory.TranslationMemoryBase
{
    public LookupResponse LookupResponse { get; set; } = new();

    public ConcordanceResponse ConcordanceResponse { get; set; } = new();

    public ImportDocumentResponse ImportDocumentResponse { get; set; } = new();

    public AlignDocumentResponse AlignDocumentResponse { get; set; } = new();

    public GetStatsResponse StatsResponse { get; set; } = new();

    public ListImportsResponse ListImportsResponse { get; set; } = new();

    public ListMemoriesResponse ListMemoriesResponse { get; set; } = new();

    public ListSegmentsResponse ListSegmentsResponse { get; set; } = new();

    /// <summary>What Pretranslate streams, in order: sentences, progress and the report.</summary>
    public List<PretranslateResponse> PretranslateResponses { get; } = [];

    /// <summary>What Pretranslate streams for a document by its name, instead of <see cref="PretranslateResponses"/>.</summary>
    public Dictionary<string, List<PretranslateResponse>> PretranslateResponsesByName { get; } = [];

    /// <summary>How many ImportFile calls break (UNAVAILABLE) right after acknowledging their first batch.</summary>
    public int BreakImportFileCalls { get; set; }

    /// <summary>When set, ImportFile calls wait after their first acknowledgment until the client gives up.</summary>
    public bool HoldAfterFirstAck { get; set; }

    /// <summary>Every ImportFile call's messages, one list per call, in order.</summary>
    public ConcurrentQueue<List<ImportFileRequest>> FileCalls { get; } = new();

    /// <summary>When set, every call fails with this status.</summary>
    public Status? Failure { get; set; }

    /// <summary>How many of the next unary calls fail with UNAVAILABLE (a server restarting) before they are answered.</summary>
    public int UnavailableCalls { get; set; }

    /// <summary>When set, calls wait until the client gives up (deadline or cancellation).</summary>
    public bool Hang { get; set; }

    public ConcurrentQueue<object> Requests { get; } = new();

    /// <summary>The authorization header of each unary call, in order ("" when there was none).</summary>
    public ConcurrentQueue<string> Authorizations { get; } = new();

    /// <summary>
    /// The pairs GetSegment reads and UpdateSegment corrects, by segment id. UpdateSegment answers like the real
    /// server: ABORTED when the pair is at another version, an empty side kept, the version raised by one.
    /// </summary>
    public ConcurrentDictionary<string, Segment> Segments { get; } = new();

    public override Task<Segment> GetSegment(GetSegmentRequest request, ServerCallContext context) => Answer(request, Stored(request.SegmentId).Clone(), context);

    public override Task<Segment> UpdateSegment(UpdateSegmentRequest request, ServerCallContext context)
    {
        Requests.Enqueue(request);
        var stored = Stored(request.SegmentId);
        if (stored.Version != request.Version)
        {
            throw new RpcException(new Status(StatusCode.Aborted,
                $"Segment {request.SegmentId} has changed since version {request.Version} (it is at version {stored.Version}): read it again and redo the edit on what it says now."));
        }

        var updated = stored.Clone();
        updated.Ko = request.Ko.Length > 0 ? request.Ko : stored.Ko;
        updated.En = request.En.Length > 0 ? request.En : stored.En;
        if (request.ReplaceFields)
        {
            updated.Fields.Clear();
            updated.Fields.AddRange(request.Fields);
        }

        updated.Version++;
        Segments[request.SegmentId] = updated;
        return Task.FromResult(updated.Clone());
    }

    /// <summary>Answers with the pair as sent, id 1 at version 1.</summary>
    public override Task<Segment> AddSegment(AddSegmentRequest request, ServerCallContext context) =>
        Answer(request, new Segment { SegmentId = "1", Ko = request.Ko, En = request.En, Origin = request.Origin, Note = request.Note, Version = 1, Fields = { request.Fields } }, context);

    public override Task<ListSegmentsResponse> ListSegments(ListSegmentsRequest request, ServerCallContext context) => Answer(request, ListSegmentsResponse, context);

    public override Task<ListMemoriesResponse> ListMemories(ListMemoriesRequest request, ServerCallContext context) => Answer(request, ListMemoriesResponse, context);

    /// <summary>Answers with the memory as sent.</summary>
    public override Task<MemoryDescription> CreateMemory(CreateMemoryRequest request, ServerCallContext context) =>
        Answer(request, new MemoryDescription { Name = request.Name, Settings = request.Settings }, context);

    /// <summary>Answers with the memory as sent.</summary>
    public override Task<MemoryDescription> UpdateMemory(UpdateMemoryRequest request, ServerCallContext context) =>
        Answer(request, new MemoryDescription { Name = request.Name, Settings = request.Settings }, context);

    public override Task<LookupResponse> Lookup(LookupRequest request, ServerCallContext context) => Answer(request, LookupResponse, context);

    /// <summary>Answers every text with <see cref="LookupResponse"/>.</summary>
    public override Task<LookupBatchResponse> LookupBatch(LookupBatchRequest request, ServerCallContext context) =>
        Answer(request, new LookupBatchResponse { Results = { request.Texts.Select(_ => LookupResponse) } }, context);

    public override Task<ConcordanceResponse> Concordance(ConcordanceRequest request, ServerCallContext context) => Answer(request, ConcordanceResponse, context);

    public override Task<ImportDocumentResponse> ImportDocument(ImportDocumentRequest request, ServerCallContext context) => Answer(request, ImportDocumentResponse, context);

    public override async Task Pretranslate(PretranslateRequest request, IServerStreamWriter<PretranslateResponse> responseStream, ServerCallContext context)
    {
        Requests.Enqueue(request);
        if (Failure is { } failure)
        {
            throw new RpcException(failure);
        }

        foreach (var response in PretranslateResponsesByName.GetValueOrDefault(request.Name, PretranslateResponses))
        {
            await responseStream.WriteAsync(response, context.CancellationToken);
        }
    }

    public override Task<AlignDocumentResponse> AlignDocument(AlignDocumentRequest request, ServerCallContext context) => Answer(request, AlignDocumentResponse, context);

    public override Task<GetStatsResponse> GetStats(GetStatsRequest request, ServerCallContext context) => Answer(request, StatsResponse, context);

    public override Task<ListImportsResponse> ListImports(ListImportsRequest request, ServerCallContext context) => Answer(request, ListImportsResponse, context);

    /// <summary>
    /// Reads the whole file and answers like the real server: an acknowledgment per "batch" (here: per message) and
    /// a final one with <c>completed</c>; import id 7 unless the call resumes another. The first
    /// <see cref="BreakImportFileCalls"/> calls fail with UNAVAILABLE after their first acknowledgment instead.
    /// </summary>
    public override async Task ImportFile(IAsyncStreamReader<ImportFileRequest> requestStream, IServerStreamWriter<ImportProgress> responseStream, ServerCallContext context)
    {
        var messages = new List<ImportFileRequest>();
        FileCalls.Enqueue(messages);
        var breakThisCall = FileCalls.Count <= BreakImportFileCalls;
        var progress = new ImportProgress { ImportId = 7 };
        await foreach (var message in requestStream.ReadAllAsync(context.CancellationToken))
        {
            messages.Add(message);
            if (messages.Count == 1)
            {
                progress.ImportId = message.ResumeImportId > 0 ? message.ResumeImportId : 7;
                progress.TotalBytes = message.TotalBytes;
            }

            progress.BytesReceived += message.Chunk.Length;
            progress.UnitsRead += 10;
            progress.UnitsCommitted += 10;
            progress.PairsStored += 9;
            progress.PairsSkippedDuplicate += 1;
            progress.BatchesCommitted++;
            await responseStream.WriteAsync(progress.Clone());
            if (breakThisCall)
            {
                throw new RpcException(new Status(StatusCode.Unavailable, "the server is going away"));
            }

            if (HoldAfterFirstAck)
            {
                await Task.Delay(Timeout.Infinite, context.CancellationToken);
            }
        }

        if (Failure is { } failure)
        {
            throw new RpcException(failure);
        }

        progress.Completed = true;
        await responseStream.WriteAsync(progress);
    }

    private Segment Stored(string id) =>
        Segments.TryGetValue(id, out var segment) ? segment : throw new RpcException(new Status(StatusCode.NotFound, $"No segment {id}."));

    private async Task<T> Answer<T>(object request, T response, ServerCallContext context)
    {
        Requests.Enqueue(request);
        Authorizations.Enqueue(context.RequestHeaders.GetValue("authorization") ?? "");
        if (Hang)
        {
            await Task.Delay(Timeout.Infinite, context.CancellationToken);
        }

        if (Failure is { } failure)
        {
            throw new RpcException(failure);
        }

        if (UnavailableCalls > 0)
        {
            UnavailableCalls--;
            throw new RpcException(new Status(StatusCode.Unavailable, "restarting"));
        }

        return response;
    }
}
