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
        return new AsyncUnaryCall<TResponse>(Observe(call.GetResponseAsync()), Observe(call.ResponseHeadersAsync), call.GetStatus, call.GetTrailers, call.Dispose);
    }

    public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options)
    {
        var call = CreateCall(method, options);
        call.StartStreaming();
        return new AsyncClientStreamingCall<TRequest, TResponse>(
            new ClientStreamWriter<TRequest, TResponse>(call), Observe(call.GetResponseAsync()), Observe(call.ResponseHeadersAsync), call.GetStatus, call.GetTrailers, call.Dispose);
    }

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request)
    {
        var call = CreateCall(method, options);
        call.StartWithRequest(request);
        return new AsyncServerStreamingCall<TResponse>(
            new ClientResponseStreamReader<TRequest, TResponse>(call), Observe(call.ResponseHeadersAsync), call.GetStatus, call.GetTrailers, call.Dispose);
    }

    public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options)
    {
        var call = CreateCall(method, options);
        call.StartStreaming();
        return new AsyncDuplexStreamingCall<TRequest, TResponse>(
            new ClientStreamWriter<TRequest, TResponse>(call),
            new ClientResponseStreamReader<TRequest, TResponse>(call),
            Observe(call.ResponseHeadersAsync),
            call.GetStatus,
            call.GetTrailers,
            call.Dispose);
    }

    private GrpcCall<TRequest, TResponse> CreateCall<TRequest, TResponse>(Method<TRequest, TResponse> method, CallOptions options)
        where TRequest : class
        where TResponse : class
    {
        ArgumentNullException.ThrowIfNull(method);
        _channel.ThrowIfDisposed();
        return new GrpcCall<TRequest, TResponse>(_channel, method, options);
    }

    /// <summary>
    /// Marks a task's failure as observed: callers often await only one of a call's tasks (the response, say),
    /// and the other's copy of the same RpcException should not surface as an unobserved task exception.
    /// </summary>
    private static Task<T> Observe<T>(Task<T> task)
    {
        task.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return task;
    }
}
