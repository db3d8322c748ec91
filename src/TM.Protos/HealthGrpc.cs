using Google.Protobuf;
using TM.Grpc;

namespace TM.Protos.Health.V1;

/// <summary>
/// Method descriptors, service base class and client for the standard <c>grpc.health.v1.Health</c>
/// service, written by hand in the shape Grpc.Tools generates (see <c>TranslationMemoryGrpc.cs</c> for why).
/// </summary>
public static class Health
{
    /// <summary>The fully qualified service name, as it appears in request paths.</summary>
    public const string ServiceName = "grpc.health.v1.Health";

    private static Marshaller<T> Proto<T>(MessageParser<T> parser) where T : IMessage<T> =>
        Marshallers.Create(static message => message.ToByteArray(), parser.ParseFrom);

    /// <summary>Descriptor of <c>Check</c> (unary).</summary>
    public static readonly Method<HealthCheckRequest, HealthCheckResponse> CheckMethod = new(
        MethodType.Unary, ServiceName, "Check", Proto(HealthCheckRequest.Parser), Proto(HealthCheckResponse.Parser));

    /// <summary>Descriptor of <c>Watch</c> (server streaming).</summary>
    public static readonly Method<HealthCheckRequest, HealthCheckResponse> WatchMethod = new(
        MethodType.ServerStreaming, ServiceName, "Watch", Proto(HealthCheckRequest.Parser), Proto(HealthCheckResponse.Parser));

    /// <summary>Base class for the server-side implementation.</summary>
    [BindServiceMethod(typeof(Health), nameof(BindService))]
    public abstract class HealthBase
    {
        /// <summary>Answers the serving status of one service, or of the server for the empty name.</summary>
        public virtual Task<HealthCheckResponse> Check(HealthCheckRequest request, ServerCallContext context) =>
            throw new RpcException(new Status(StatusCode.Unimplemented, ""));

        /// <summary>Streams the serving status whenever it changes.</summary>
        public virtual Task Watch(HealthCheckRequest request, IServerStreamWriter<HealthCheckResponse> responseStream, ServerCallContext context) =>
            throw new RpcException(new Status(StatusCode.Unimplemented, ""));
    }

    /// <summary>Registers the service's methods with a binder; <paramref name="serviceImpl"/> is null when the host only discovers them.</summary>
    public static void BindService(ServiceBinderBase serviceBinder, HealthBase? serviceImpl)
    {
        ArgumentNullException.ThrowIfNull(serviceBinder);
        serviceBinder.AddMethod(CheckMethod, serviceImpl is null ? null : new UnaryServerMethod<HealthCheckRequest, HealthCheckResponse>(serviceImpl.Check));
        serviceBinder.AddMethod(WatchMethod, serviceImpl is null ? null : new ServerStreamingServerMethod<HealthCheckRequest, HealthCheckResponse>(serviceImpl.Watch));
    }

    /// <summary>Client for <c>grpc.health.v1.Health</c>.</summary>
    public sealed class HealthClient : ClientBase<HealthClient>
    {
        /// <summary>Creates a client that calls through <paramref name="channel"/>.</summary>
        public HealthClient(GrpcChannel channel) : base(channel) { }

        /// <summary>Creates a client that calls through <paramref name="callInvoker"/>.</summary>
        public HealthClient(CallInvoker callInvoker) : base(callInvoker) { }

        /// <summary>Asks for the serving status of one service, or of the server for the empty name.</summary>
        public AsyncUnaryCall<HealthCheckResponse> CheckAsync(HealthCheckRequest request, Metadata? headers = null, DateTime? deadline = null, CancellationToken cancellationToken = default)
            => CallInvoker.AsyncUnaryCall(CheckMethod, null, new CallOptions(headers, deadline, cancellationToken), request);

        /// <summary>Streams the serving status whenever it changes.</summary>
        public AsyncServerStreamingCall<HealthCheckResponse> Watch(HealthCheckRequest request, Metadata? headers = null, DateTime? deadline = null, CancellationToken cancellationToken = default)
            => CallInvoker.AsyncServerStreamingCall(WatchMethod, null, new CallOptions(headers, deadline, cancellationToken), request);
    }
}
