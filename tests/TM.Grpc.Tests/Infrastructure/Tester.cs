using System.Text;

namespace TM.Grpc.Tests.Infrastructure;

/// <summary>
/// A hand-written service definition in the shape Grpc.Tools generates (compare TM.Protos): method
/// descriptions, a base class with <see cref="BindServiceMethodAttribute"/>, and the BindService method.
/// Messages are UTF-8 strings; decoding is strict, so invalid UTF-8 is a malformed message.
/// </summary>
public static class Tester
{
    public const string ServiceName = "grpc.testing.Tester";

    public static readonly Marshaller<string> StringMarshaller = Marshallers.Create(
        (string s) => Encoding.UTF8.GetBytes(s),
        bytes => new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes));

    public static readonly Marshaller<byte[]> BytesMarshaller = Marshallers.Create((byte[] b) => b, b => b);

    public static readonly Method<string, string> Echo = Unary(nameof(Echo));
    public static readonly Method<string, string> Fail = Unary(nameof(Fail));
    public static readonly Method<string, string> Headers = Unary(nameof(Headers));
    public static readonly Method<string, string> Context = Unary(nameof(Context));
    public static readonly Method<string, string> WaitForCancellation = Unary(nameof(WaitForCancellation));
    public static readonly Method<string, string> Big = Unary(nameof(Big));
    public static readonly Method<string, string> NotOverridden = Unary(nameof(NotOverridden));

    public static readonly Method<string, string> Count = new(MethodType.ServerStreaming, ServiceName, nameof(Count), StringMarshaller, StringMarshaller);
    public static readonly Method<string, string> IgnoreDeadline = new(MethodType.ServerStreaming, ServiceName, nameof(IgnoreDeadline), StringMarshaller, StringMarshaller);
    public static readonly Method<string, string> Concat = new(MethodType.ClientStreaming, ServiceName, nameof(Concat), StringMarshaller, StringMarshaller);
    public static readonly Method<string, string> Chat = new(MethodType.DuplexStreaming, ServiceName, nameof(Chat), StringMarshaller, StringMarshaller);

    private static Method<string, string> Unary(string name) => new(MethodType.Unary, ServiceName, name, StringMarshaller, StringMarshaller);

    [BindServiceMethod(typeof(Tester), nameof(BindService))]
    public abstract class TesterBase
    {
        public virtual Task<string> Echo(string request, ServerCallContext context) => throw Unimplemented();

        public virtual Task<string> Fail(string request, ServerCallContext context) => throw Unimplemented();

        public virtual Task<string> Headers(string request, ServerCallContext context) => throw Unimplemented();

        public virtual Task<string> Context(string request, ServerCallContext context) => throw Unimplemented();

        public virtual Task<string> WaitForCancellation(string request, ServerCallContext context) => throw Unimplemented();

        public virtual Task<string> Big(string request, ServerCallContext context) => throw Unimplemented();

        public virtual Task<string> NotOverridden(string request, ServerCallContext context) => throw Unimplemented();

        public virtual Task Count(string request, IServerStreamWriter<string> responseStream, ServerCallContext context) => throw Unimplemented();

        public virtual Task IgnoreDeadline(string request, IServerStreamWriter<string> responseStream, ServerCallContext context) => throw Unimplemented();

        public virtual Task<string> Concat(IAsyncStreamReader<string> requestStream, ServerCallContext context) => throw Unimplemented();

        public virtual Task Chat(IAsyncStreamReader<string> requestStream, IServerStreamWriter<string> responseStream, ServerCallContext context) => throw Unimplemented();

        private static RpcException Unimplemented() => new(new Status(StatusCode.Unimplemented, "Not implemented by this server."));
    }

    public static void BindService(ServiceBinderBase serviceBinder, TesterBase? serviceImpl)
    {
        serviceBinder.AddMethod(Echo, serviceImpl == null ? null : new UnaryServerMethod<string, string>(serviceImpl.Echo));
        serviceBinder.AddMethod(Fail, serviceImpl == null ? null : new UnaryServerMethod<string, string>(serviceImpl.Fail));
        serviceBinder.AddMethod(Headers, serviceImpl == null ? null : new UnaryServerMethod<string, string>(serviceImpl.Headers));
        serviceBinder.AddMethod(Context, serviceImpl == null ? null : new UnaryServerMethod<string, string>(serviceImpl.Context));
        serviceBinder.AddMethod(WaitForCancellation, serviceImpl == null ? null : new UnaryServerMethod<string, string>(serviceImpl.WaitForCancellation));
        serviceBinder.AddMethod(Big, serviceImpl == null ? null : new UnaryServerMethod<string, string>(serviceImpl.Big));
        serviceBinder.AddMethod(NotOverridden, serviceImpl == null ? null : new UnaryServerMethod<string, string>(serviceImpl.NotOverridden));
        serviceBinder.AddMethod(Count, serviceImpl == null ? null : new ServerStreamingServerMethod<string, string>(serviceImpl.Count));
        serviceBinder.AddMethod(IgnoreDeadline, serviceImpl == null ? null : new ServerStreamingServerMethod<string, string>(serviceImpl.IgnoreDeadline));
        serviceBinder.AddMethod(Concat, serviceImpl == null ? null : new ClientStreamingServerMethod<string, string>(serviceImpl.Concat));
        serviceBinder.AddMethod(Chat, serviceImpl == null ? null : new DuplexStreamingServerMethod<string, string>(serviceImpl.Chat));
    }

    /// <summary>A generated-style client.</summary>
    public sealed class TesterClient : ClientBase<TesterClient>
    {
        public TesterClient(GrpcChannel channel)
            : base(channel)
        {
        }

        public AsyncUnaryCall<string> EchoAsync(string request, CallOptions options = default) => CallInvoker.AsyncUnaryCall(Echo, null, options, request);

        public AsyncUnaryCall<string> CallAsync(Method<string, string> method, string request, CallOptions options = default) => CallInvoker.AsyncUnaryCall(method, null, options, request);

        public AsyncServerStreamingCall<string> Stream(Method<string, string> method, string request, CallOptions options = default) => CallInvoker.AsyncServerStreamingCall(method, null, options, request);

        public AsyncClientStreamingCall<string, string> ConcatAsync(CallOptions options = default) => CallInvoker.AsyncClientStreamingCall(Concat, null, options);

        public AsyncDuplexStreamingCall<string, string> Chat(CallOptions options = default) => CallInvoker.AsyncDuplexStreamingCall(Tester.Chat, null, options);
    }
}
