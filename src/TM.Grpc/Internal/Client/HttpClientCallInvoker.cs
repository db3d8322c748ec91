namespace TM.Grpc.Internal.Client;

/// <summary>Starts calls on a <see cref="GrpcChannel"/>.</summary>
internal sealed class HttpClientCallInvoker : CallInvoker
{
    private readonly GrpcChannel _channel;

    public HttpClientCallInvoker(GrpcChannel channel)
    {
        _channel = channel;
    }

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request)
    {
        var call = CreateCall(method, options);
        call.StartWithRequest(request);
        return new AsyncUnaryCall<TResponse>(
            call.GetResponseAsync(),
            CallCallbacks<TRequest, TResponse>.ResponseHeadersAsync,
            CallCallbacks<TRequest, TResponse>.GetStatus,
            CallCallbacks<TRequest, TResponse>.GetTrailers,
            CallCallbacks<TRequest, TResponse>.Dispose,
            call);
    }

    public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options)
    {
        var call = CreateCall(method, options);
        call.StartStreaming();
        return new AsyncClientStreamingCall<TRequest, TResponse>(
            new ClientStreamWriter<TRequest, TResponse>(call),
            call.GetResponseAsync(),
            CallCallbacks<TRequest, TResponse>.ResponseHeadersAsync,
            CallCallbacks<TRequest, TResponse>.GetStatus,
            CallCallbacks<TRequest, TResponse>.GetTrailers,
            CallCallbacks<TRequest, TResponse>.Dispose,
            call);
    }

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request)
    {
        var call = CreateCall(method, options);
        call.StartWithRequest(request);
        return new AsyncServerStreamingCall<TResponse>(
            new ClientResponseStreamReader<TRequest, TResponse>(call),
            CallCallbacks<TRequest, TResponse>.ResponseHeadersAsync,
            CallCallbacks<TRequest, TResponse>.GetStatus,
            CallCallbacks<TRequest, TResponse>.GetTrailers,
            CallCallbacks<TRequest, TResponse>.Dispose,
            call);
    }

    public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options)
    {
        var call = CreateCall(method, options);
        call.StartStreaming();
        return new AsyncDuplexStreamingCall<TRequest, TResponse>(
            new ClientStreamWriter<TRequest, TResponse>(call),
            new ClientResponseStreamReader<TRequest, TResponse>(call),
            CallCallbacks<TRequest, TResponse>.ResponseHeadersAsync,
            CallCallbacks<TRequest, TResponse>.GetStatus,
            CallCallbacks<TRequest, TResponse>.GetTrailers,
            CallCallbacks<TRequest, TResponse>.Dispose,
            call);
    }

    private GrpcCall<TRequest, TResponse> CreateCall<TRequest, TResponse>(Method<TRequest, TResponse> method, CallOptions options)
        where TRequest : class
        where TResponse : class
    {
        ArgumentNullException.ThrowIfNull(method);
        _channel.ThrowIfDisposed();
        return new GrpcCall<TRequest, TResponse>(_channel, method, options);
    }

    /// <summary>The call objects' callbacks, created once per message-type pair: they get the call as their state.</summary>
    private static class CallCallbacks<TRequest, TResponse>
        where TRequest : class
        where TResponse : class
    {
        public static readonly Func<object, Task<Metadata>> ResponseHeadersAsync = static call => ((GrpcCall<TRequest, TResponse>)call).ResponseHeadersAsync;
        public static readonly Func<object, Status> GetStatus = static call => ((GrpcCall<TRequest, TResponse>)call).GetStatus();
        public static readonly Func<object, Metadata> GetTrailers = static call => ((GrpcCall<TRequest, TResponse>)call).GetTrailers();
        public static readonly Action<object> Dispose = static call => ((GrpcCall<TRequest, TResponse>)call).Dispose();
    }
}
