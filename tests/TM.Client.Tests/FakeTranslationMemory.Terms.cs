using System.Collections.Concurrent;
using Google.Protobuf;
using Grpc.Core;
using TM.Protos.V1;

namespace TM.Client.Tests;

/// <content>The termbase calls: entries kept by id as the real server keeps them (versions, ABORTED on an old one, ALREADY_EXISTS on a repeated pair).</content>
internal sealed partial class FakeTranslationMemory
{
    private long _lastTermId;

    /// <summary>The termbase, by entry id.</summary>
    public ConcurrentDictionary<long, TermEntry> Terms { get; } = new();

    /// <summary>What SuggestTerms answers.</summary>
    public SuggestTermsResponse SuggestTermsResponse { get; set; } = new();

    /// <summary>What ImportTerms answers; the bytes it received are in <see cref="ImportedTermBytes"/>.</summary>
    public ImportTermsResponse ImportTermsResponse { get; set; } = new();

    /// <summary>The bytes of the last ImportTerms call.</summary>
    public byte[] ImportedTermBytes { get; private set; } = [];

    /// <summary>What ExportTerms streams.</summary>
    public byte[] ExportedTerms { get; set; } = [];

    public override Task<TermEntry> AddTerm(AddTermRequest request, ServerCallContext context)
    {
        if (Terms.Values.Any(t => t.Ko == request.Entry.Ko && t.En == request.Entry.En))
        {
            throw new RpcException(new Status(StatusCode.AlreadyExists, "The termbase holds it already."));
        }

        var entry = request.Entry.Clone();
        entry.Id = Interlocked.Increment(ref _lastTermId);
        entry.Version = 1;
        Terms[entry.Id] = entry;
        return Answer(request, entry.Clone(), context);
    }

    public override Task<TermEntry> GetTerm(GetTermRequest request, ServerCallContext context) => Answer(request, StoredTerm(request.TermId).Clone(), context);

    public override Task<TermEntry> UpdateTerm(UpdateTermRequest request, ServerCallContext context)
    {
        var stored = StoredTerm(request.TermId);
        if (stored.Version != request.Version)
        {
            throw new RpcException(new Status(StatusCode.Aborted, $"Term entry {request.TermId} has changed since version {request.Version} (it is at version {stored.Version})."));
        }

        var updated = request.Entry.Clone();
        updated.Id = stored.Id;
        updated.Version = stored.Version + 1;
        Terms[stored.Id] = updated;
        return Answer(request, updated.Clone(), context);
    }

    public override Task<DeleteTermResponse> DeleteTerm(DeleteTermRequest request, ServerCallContext context)
    {
        var stored = StoredTerm(request.TermId);
        if (stored.Version != request.Version)
        {
            throw new RpcException(new Status(StatusCode.Aborted, $"Term entry {request.TermId} has changed since version {request.Version}."));
        }

        Terms.TryRemove(stored.Id, out _);
        return Answer(request, new DeleteTermResponse(), context);
    }

    public override Task<ListTermsResponse> ListTerms(ListTermsRequest request, ServerCallContext context)
    {
        var terms = Terms.Values.OrderBy(t => t.Id).Where(t => request.Filter.Length == 0 || t.Ko.Contains(request.Filter, StringComparison.Ordinal) || t.En.Contains(request.Filter, StringComparison.OrdinalIgnoreCase)).ToList();
        return Answer(request, new ListTermsResponse { Terms = { terms.Select(t => t.Clone()) }, Total = terms.Count }, context);
    }

    public override Task<SuggestTermsResponse> SuggestTerms(SuggestTermsRequest request, ServerCallContext context) => Answer(request, SuggestTermsResponse, context);

    public override async Task<ImportTermsResponse> ImportTerms(IAsyncStreamReader<ImportTermsRequest> requestStream, ServerCallContext context)
    {
        var bytes = new MemoryStream();
        ImportTermsRequest? first = null;
        await foreach (var message in requestStream.ReadAllAsync(context.CancellationToken))
        {
            first ??= message;
            message.Chunk.WriteTo(bytes);
        }

        ImportedTermBytes = bytes.ToArray();
        return await Answer(first ?? new ImportTermsRequest(), ImportTermsResponse, context);
    }

    public override async Task ExportTerms(ExportTermsRequest request, IServerStreamWriter<ExportTermsChunk> responseStream, ServerCallContext context)
    {
        Requests.Enqueue(request);
        foreach (var chunk in ExportedTerms.Chunk(7))
        {
            await responseStream.WriteAsync(new ExportTermsChunk { Chunk = ByteString.CopyFrom(chunk) }, context.CancellationToken);
        }
    }

    private TermEntry StoredTerm(long id) =>
        Terms.TryGetValue(id, out var entry) ? entry : throw new RpcException(new Status(StatusCode.NotFound, $"No term entry {id}."));
}
