using Google.Protobuf;
using TM.Grpc;

namespace TM.Protos.V1;

/// <summary>
/// Method descriptors, service base class and client for <c>tm.v1.TranslationMemory</c>, written by
/// hand in the shape Grpc.Tools generates for grpc-dotnet, because the generator's output needs
/// Grpc.Core.Api, which does not restore here. Keep it in step with
/// <c>protos/tm/v1/translation_memory.proto</c>; the server tests fail when a method is missing.
/// </summary>
public static class TranslationMemory
{
    /// <summary>The fully qualified service name, as it appears in request paths.</summary>
    public const string ServiceName = "tm.v1.TranslationMemory";

    private static Marshaller<T> Proto<T>(MessageParser<T> parser) where T : IMessage<T> =>
        Marshallers.Create(static message => message.ToByteArray(), parser.ParseFrom);

    /// <summary>Descriptor of <c>ImportDocument</c> (unary).</summary>
    public static readonly Method<ImportDocumentRequest, ImportDocumentResponse> ImportDocumentMethod = new(
        MethodType.Unary, ServiceName, "ImportDocument", Proto(ImportDocumentRequest.Parser), Proto(ImportDocumentResponse.Parser));

    /// <summary>Descriptor of <c>AlignDocument</c> (unary).</summary>
    public static readonly Method<AlignDocumentRequest, AlignDocumentResponse> AlignDocumentMethod = new(
        MethodType.Unary, ServiceName, "AlignDocument", Proto(AlignDocumentRequest.Parser), Proto(AlignDocumentResponse.Parser));

    /// <summary>Descriptor of <c>ImportSegments</c> (client streaming).</summary>
    public static readonly Method<ImportSegmentsRequest, ImportSegmentsResponse> ImportSegmentsMethod = new(
        MethodType.ClientStreaming, ServiceName, "ImportSegments", Proto(ImportSegmentsRequest.Parser), Proto(ImportSegmentsResponse.Parser));

    /// <summary>Descriptor of <c>Lookup</c> (unary).</summary>
    public static readonly Method<LookupRequest, LookupResponse> LookupMethod = new(
        MethodType.Unary, ServiceName, "Lookup", Proto(LookupRequest.Parser), Proto(LookupResponse.Parser));

    /// <summary>Descriptor of <c>Concordance</c> (unary).</summary>
    public static readonly Method<ConcordanceRequest, ConcordanceResponse> ConcordanceMethod = new(
        MethodType.Unary, ServiceName, "Concordance", Proto(ConcordanceRequest.Parser), Proto(ConcordanceResponse.Parser));

    /// <summary>Descriptor of <c>GetStats</c> (unary).</summary>
    public static readonly Method<GetStatsRequest, GetStatsResponse> GetStatsMethod = new(
        MethodType.Unary, ServiceName, "GetStats", Proto(GetStatsRequest.Parser), Proto(GetStatsResponse.Parser));

    /// <summary>Descriptor of <c>ImportTmx</c> (client streaming).</summary>
    public static readonly Method<ImportTmxRequest, ImportTmxResponse> ImportTmxMethod = new(
        MethodType.ClientStreaming, ServiceName, "ImportTmx", Proto(ImportTmxRequest.Parser), Proto(ImportTmxResponse.Parser));

    /// <summary>Descriptor of <c>ExportTmx</c> (server streaming).</summary>
    public static readonly Method<ExportTmxRequest, ExportTmxChunk> ExportTmxMethod = new(
        MethodType.ServerStreaming, ServiceName, "ExportTmx", Proto(ExportTmxRequest.Parser), Proto(ExportTmxChunk.Parser));

    /// <summary>Descriptor of <c>ListImports</c> (unary).</summary>
    public static readonly Method<ListImportsRequest, ListImportsResponse> ListImportsMethod = new(
        MethodType.Unary, ServiceName, "ListImports", Proto(ListImportsRequest.Parser), Proto(ListImportsResponse.Parser));

    /// <summary>Descriptor of <c>ImportFile</c> (bidirectional streaming).</summary>
    public static readonly Method<ImportFileRequest, ImportProgress> ImportFileMethod = new(
        MethodType.DuplexStreaming, ServiceName, "ImportFile", Proto(ImportFileRequest.Parser), Proto(ImportProgress.Parser));

    /// <summary>Base class for the server-side implementation; every method answers UNIMPLEMENTED until overridden.</summary>
    [BindServiceMethod(typeof(TranslationMemory), nameof(BindService))]
    public abstract class TranslationMemoryBase
    {
        /// <summary>Splits, aligns and stores a parallel document.</summary>
        public virtual Task<ImportDocumentResponse> ImportDocument(ImportDocumentRequest request, ServerCallContext context) => throw Unimplemented();

        /// <summary>Splits and aligns a parallel document without storing it.</summary>
        public virtual Task<AlignDocumentResponse> AlignDocument(AlignDocumentRequest request, ServerCallContext context) => throw Unimplemented();

        /// <summary>Stores a stream of already aligned pairs.</summary>
        public virtual Task<ImportSegmentsResponse> ImportSegments(IAsyncStreamReader<ImportSegmentsRequest> requestStream, ServerCallContext context) => throw Unimplemented();

        /// <summary>Returns fuzzy matches for one sentence.</summary>
        public virtual Task<LookupResponse> Lookup(LookupRequest request, ServerCallContext context) => throw Unimplemented();

        /// <summary>Returns segments containing a term.</summary>
        public virtual Task<ConcordanceResponse> Concordance(ConcordanceRequest request, ServerCallContext context) => throw Unimplemented();

        /// <summary>Returns segment counts per memory.</summary>
        public virtual Task<GetStatsResponse> GetStats(GetStatsRequest request, ServerCallContext context) => throw Unimplemented();

        /// <summary>Stores the translation units of a TMX file streamed in chunks.</summary>
        public virtual Task<ImportTmxResponse> ImportTmx(IAsyncStreamReader<ImportTmxRequest> requestStream, ServerCallContext context) => throw Unimplemented();

        /// <summary>Writes a memory as a TMX file, streamed in chunks.</summary>
        public virtual Task ExportTmx(ExportTmxRequest request, IServerStreamWriter<ExportTmxChunk> responseStream, ServerCallContext context) => throw Unimplemented();

        /// <summary>Returns the recorded imports.</summary>
        public virtual Task<ListImportsResponse> ListImports(ListImportsRequest request, ServerCallContext context) => throw Unimplemented();

        /// <summary>Stores the units of a file streamed in chunks, acknowledging every committed batch.</summary>
        public virtual Task ImportFile(IAsyncStreamReader<ImportFileRequest> requestStream, IServerStreamWriter<ImportProgress> responseStream, ServerCallContext context) => throw Unimplemented();

        private static RpcException Unimplemented() => new(new Status(StatusCode.Unimplemented, ""));
    }

    /// <summary>Registers the service's methods with a binder; <paramref name="serviceImpl"/> is null when the host only discovers them.</summary>
    public static void BindService(ServiceBinderBase serviceBinder, TranslationMemoryBase? serviceImpl)
    {
        ArgumentNullException.ThrowIfNull(serviceBinder);
        serviceBinder.AddMethod(ImportDocumentMethod, serviceImpl is null ? null : new UnaryServerMethod<ImportDocumentRequest, ImportDocumentResponse>(serviceImpl.ImportDocument));
        serviceBinder.AddMethod(AlignDocumentMethod, serviceImpl is null ? null : new UnaryServerMethod<AlignDocumentRequest, AlignDocumentResponse>(serviceImpl.AlignDocument));
        serviceBinder.AddMethod(ImportSegmentsMethod, serviceImpl is null ? null : new ClientStreamingServerMethod<ImportSegmentsRequest, ImportSegmentsResponse>(serviceImpl.ImportSegments));
        serviceBinder.AddMethod(LookupMethod, serviceImpl is null ? null : new UnaryServerMethod<LookupRequest, LookupResponse>(serviceImpl.Lookup));
        serviceBinder.AddMethod(ConcordanceMethod, serviceImpl is null ? null : new UnaryServerMethod<ConcordanceRequest, ConcordanceResponse>(serviceImpl.Concordance));
        serviceBinder.AddMethod(GetStatsMethod, serviceImpl is null ? null : new UnaryServerMethod<GetStatsRequest, GetStatsResponse>(serviceImpl.GetStats));
        serviceBinder.AddMethod(ImportTmxMethod, serviceImpl is null ? null : new ClientStreamingServerMethod<ImportTmxRequest, ImportTmxResponse>(serviceImpl.ImportTmx));
        serviceBinder.AddMethod(ExportTmxMethod, serviceImpl is null ? null : new ServerStreamingServerMethod<ExportTmxRequest, ExportTmxChunk>(serviceImpl.ExportTmx));
        serviceBinder.AddMethod(ListImportsMethod, serviceImpl is null ? null : new UnaryServerMethod<ListImportsRequest, ListImportsResponse>(serviceImpl.ListImports));
        serviceBinder.AddMethod(ImportFileMethod, serviceImpl is null ? null : new DuplexStreamingServerMethod<ImportFileRequest, ImportProgress>(serviceImpl.ImportFile));
    }

    /// <summary>Client for <c>tm.v1.TranslationMemory</c>.</summary>
    public sealed class TranslationMemoryClient : ClientBase<TranslationMemoryClient>
    {
        /// <summary>Creates a client that calls through <paramref name="channel"/>.</summary>
        public TranslationMemoryClient(GrpcChannel channel) : base(channel) { }

        /// <summary>Creates a client that calls through <paramref name="callInvoker"/>.</summary>
        public TranslationMemoryClient(CallInvoker callInvoker) : base(callInvoker) { }

        /// <summary>Splits, aligns and stores a parallel document.</summary>
        public AsyncUnaryCall<ImportDocumentResponse> ImportDocumentAsync(ImportDocumentRequest request, Metadata? headers = null, DateTime? deadline = null, CancellationToken cancellationToken = default)
            => ImportDocumentAsync(request, new CallOptions(headers, deadline, cancellationToken));

        /// <summary>Splits, aligns and stores a parallel document.</summary>
        public AsyncUnaryCall<ImportDocumentResponse> ImportDocumentAsync(ImportDocumentRequest request, CallOptions options)
            => CallInvoker.AsyncUnaryCall(ImportDocumentMethod, null, options, request);

        /// <summary>Splits and aligns a parallel document without storing it.</summary>
        public AsyncUnaryCall<AlignDocumentResponse> AlignDocumentAsync(AlignDocumentRequest request, Metadata? headers = null, DateTime? deadline = null, CancellationToken cancellationToken = default)
            => AlignDocumentAsync(request, new CallOptions(headers, deadline, cancellationToken));

        /// <summary>Splits and aligns a parallel document without storing it.</summary>
        public AsyncUnaryCall<AlignDocumentResponse> AlignDocumentAsync(AlignDocumentRequest request, CallOptions options)
            => CallInvoker.AsyncUnaryCall(AlignDocumentMethod, null, options, request);

        /// <summary>Opens a stream of already aligned pairs to store.</summary>
        public AsyncClientStreamingCall<ImportSegmentsRequest, ImportSegmentsResponse> ImportSegments(Metadata? headers = null, DateTime? deadline = null, CancellationToken cancellationToken = default)
            => ImportSegments(new CallOptions(headers, deadline, cancellationToken));

        /// <summary>Opens a stream of already aligned pairs to store.</summary>
        public AsyncClientStreamingCall<ImportSegmentsRequest, ImportSegmentsResponse> ImportSegments(CallOptions options)
            => CallInvoker.AsyncClientStreamingCall(ImportSegmentsMethod, null, options);

        /// <summary>Returns fuzzy matches for one sentence.</summary>
        public AsyncUnaryCall<LookupResponse> LookupAsync(LookupRequest request, Metadata? headers = null, DateTime? deadline = null, CancellationToken cancellationToken = default)
            => LookupAsync(request, new CallOptions(headers, deadline, cancellationToken));

        /// <summary>Returns fuzzy matches for one sentence.</summary>
        public AsyncUnaryCall<LookupResponse> LookupAsync(LookupRequest request, CallOptions options)
            => CallInvoker.AsyncUnaryCall(LookupMethod, null, options, request);

        /// <summary>Returns segments containing a term.</summary>
        public AsyncUnaryCall<ConcordanceResponse> ConcordanceAsync(ConcordanceRequest request, Metadata? headers = null, DateTime? deadline = null, CancellationToken cancellationToken = default)
            => ConcordanceAsync(request, new CallOptions(headers, deadline, cancellationToken));

        /// <summary>Returns segments containing a term.</summary>
        public AsyncUnaryCall<ConcordanceResponse> ConcordanceAsync(ConcordanceRequest request, CallOptions options)
            => CallInvoker.AsyncUnaryCall(ConcordanceMethod, null, options, request);

        /// <summary>Returns segment counts per memory.</summary>
        public AsyncUnaryCall<GetStatsResponse> GetStatsAsync(GetStatsRequest request, Metadata? headers = null, DateTime? deadline = null, CancellationToken cancellationToken = default)
            => GetStatsAsync(request, new CallOptions(headers, deadline, cancellationToken));

        /// <summary>Returns segment counts per memory.</summary>
        public AsyncUnaryCall<GetStatsResponse> GetStatsAsync(GetStatsRequest request, CallOptions options)
            => CallInvoker.AsyncUnaryCall(GetStatsMethod, null, options, request);

        /// <summary>Opens a stream of TMX file chunks to store.</summary>
        public AsyncClientStreamingCall<ImportTmxRequest, ImportTmxResponse> ImportTmx(Metadata? headers = null, DateTime? deadline = null, CancellationToken cancellationToken = default)
            => ImportTmx(new CallOptions(headers, deadline, cancellationToken));

        /// <summary>Opens a stream of TMX file chunks to store.</summary>
        public AsyncClientStreamingCall<ImportTmxRequest, ImportTmxResponse> ImportTmx(CallOptions options)
            => CallInvoker.AsyncClientStreamingCall(ImportTmxMethod, null, options);

        /// <summary>Reads a memory as a TMX file, in chunks.</summary>
        public AsyncServerStreamingCall<ExportTmxChunk> ExportTmx(ExportTmxRequest request, Metadata? headers = null, DateTime? deadline = null, CancellationToken cancellationToken = default)
            => ExportTmx(request, new CallOptions(headers, deadline, cancellationToken));

        /// <summary>Reads a memory as a TMX file, in chunks.</summary>
        public AsyncServerStreamingCall<ExportTmxChunk> ExportTmx(ExportTmxRequest request, CallOptions options)
            => CallInvoker.AsyncServerStreamingCall(ExportTmxMethod, null, options, request);

        /// <summary>Returns the recorded imports.</summary>
        public AsyncUnaryCall<ListImportsResponse> ListImportsAsync(ListImportsRequest request, Metadata? headers = null, DateTime? deadline = null, CancellationToken cancellationToken = default)
            => ListImportsAsync(request, new CallOptions(headers, deadline, cancellationToken));

        /// <summary>Returns the recorded imports.</summary>
        public AsyncUnaryCall<ListImportsResponse> ListImportsAsync(ListImportsRequest request, CallOptions options)
            => CallInvoker.AsyncUnaryCall(ListImportsMethod, null, options, request);

        /// <summary>Opens an acknowledged, resumable import of a file streamed in chunks.</summary>
        public AsyncDuplexStreamingCall<ImportFileRequest, ImportProgress> ImportFile(Metadata? headers = null, DateTime? deadline = null, CancellationToken cancellationToken = default)
            => ImportFile(new CallOptions(headers, deadline, cancellationToken));

        /// <summary>Opens an acknowledged, resumable import of a file streamed in chunks.</summary>
        public AsyncDuplexStreamingCall<ImportFileRequest, ImportProgress> ImportFile(CallOptions options)
            => CallInvoker.AsyncDuplexStreamingCall(ImportFileMethod, null, options);
    }
}
