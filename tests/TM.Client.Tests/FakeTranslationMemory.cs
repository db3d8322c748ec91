using System.Collections.Concurrent;
using TM.Grpc;
using TM.Protos.V1;

namespace TM.Client.Tests;

/// <summary>
/// A stand-in TranslationMemory service with answers set by each test, so the client's rendering and error
/// handling can be tested over the real gRPC stack before and apart from the real server (whose end-to-end
/// tests live in TM.Server.Tests). It records what the client sent.
/// </summary>
internal sealed class FakeTranslationMemory : TranslationMemory.TranslationMemoryBase
{
    public LookupResponse LookupResponse { get; set; } = new();

    public ConcordanceResponse ConcordanceResponse { get; set; } = new();

    public ImportDocumentResponse ImportDocumentResponse { get; set; } = new();

    public AlignDocumentResponse AlignDocumentResponse { get; set; } = new();

    public GetStatsResponse StatsResponse { get; set; } = new();

    /// <summary>When set, every call fails with this status.</summary>
    public Status? Failure { get; set; }

    /// <summary>When set, calls wait until the client gives up (deadline or cancellation).</summary>
    public bool Hang { get; set; }

    public ConcurrentQueue<object> Requests { get; } = new();

    public ConcurrentQueue<ImportSegmentsRequest> Segments { get; } = new();

    public override Task<LookupResponse> Lookup(LookupRequest request, ServerCallContext context) => Answer(request, LookupResponse, context);

    public override Task<ConcordanceResponse> Concordance(ConcordanceRequest request, ServerCallContext context) => Answer(request, ConcordanceResponse, context);

    public override Task<ImportDocumentResponse> ImportDocument(ImportDocumentRequest request, ServerCallContext context) => Answer(request, ImportDocumentResponse, context);

    public override Task<AlignDocumentResponse> AlignDocument(AlignDocumentRequest request, ServerCallContext context) => Answer(request, AlignDocumentResponse, context);

    public override Task<GetStatsResponse> GetStats(GetStatsRequest request, ServerCallContext context) => Answer(request, StatsResponse, context);

    public override async Task<ImportSegmentsResponse> ImportSegments(IAsyncStreamReader<ImportSegmentsRequest> requestStream, ServerCallContext context)
    {
        var received = 0;
        await foreach (var message in requestStream.ReadAllAsync(context.CancellationToken))
        {
            Segments.Enqueue(message);
            received++;
        }

        return await Answer(new object(), new ImportSegmentsResponse { PairsStored = received - 1, PairsSkippedDuplicate = 1, MessagesReceived = received }, context);
    }

    private async Task<T> Answer<T>(object request, T response, ServerCallContext context)
    {
        Requests.Enqueue(request);
        if (Hang)
        {
            await Task.Delay(Timeout.Infinite, context.CancellationToken);
        }

        if (Failure is { } failure)
        {
            throw new RpcException(failure);
        }

        return response;
    }
}
