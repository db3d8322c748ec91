using TM.Grpc.Internal;

namespace TM.Grpc;

/// <summary>
/// A duplex-streaming call in progress: requests written to <see cref="RequestStream"/> and responses read
/// from <see cref="ResponseStream"/> flow independently and concurrently. Disposing a call that has not
/// finished cancels it.
/// </summary>
/// <typeparam name="TRequest">The request message type.</typeparam>
/// <typeparam name="TResponse">The response message type.</typeparam>
public sealed class AsyncDuplexStreamingCall<TRequest, TResponse> : IDisposable
{
    private readonly CallCallbacks _callbacks;

    /// <summary>Creates a call object; used by <see cref="CallInvoker"/> implementations.</summary>
    /// <param name="requestStream">Where the requests are written.</param>
    /// <param name="responseStream">The responses.</param>
    /// <param name="responseHeadersAsync">Completes with the response headers.</param>
    /// <param name="getStatusFunc">Returns the status of the finished call.</param>
    /// <param name="getTrailersFunc">Returns the trailers of the finished call.</param>
    /// <param name="disposeAction">Cancels the call if unfinished and releases its resources.</param>
    public AsyncDuplexStreamingCall(
        IClientStreamWriter<TRequest> requestStream,
        IAsyncStreamReader<TResponse> responseStream,
        Task<Metadata> responseHeadersAsync,
        Func<Status> getStatusFunc,
        Func<Metadata> getTrailersFunc,
        Action disposeAction)
        : this(
            requestStream, responseStream,
            DelegateCallState.ResponseHeadersAsync,
            DelegateCallState.GetStatus,
            DelegateCallState.GetTrailers,
            DelegateCallState.Dispose,
            new DelegateCallState(responseHeadersAsync, getStatusFunc, getTrailersFunc, disposeAction))
    {
    }

    /// <summary>
    /// Creates a call object whose callbacks all receive <paramref name="state"/> (typically the call itself), so a
    /// <see cref="CallInvoker"/> can pass static delegates instead of allocating one closure per callback per call.
    /// </summary>
    /// <param name="requestStream">Where the requests are written.</param>
    /// <param name="responseStream">The responses.</param>
    /// <param name="responseHeadersAsync">Returns the task of the response headers; called each time <see cref="ResponseHeadersAsync"/> is read.</param>
    /// <param name="getStatusFunc">Returns the status of the finished call.</param>
    /// <param name="getTrailersFunc">Returns the trailers of the finished call.</param>
    /// <param name="disposeAction">Cancels the call if unfinished and releases its resources.</param>
    /// <param name="state">The argument of every callback.</param>
    public AsyncDuplexStreamingCall(
        IClientStreamWriter<TRequest> requestStream,
        IAsyncStreamReader<TResponse> responseStream,
        Func<object, Task<Metadata>> responseHeadersAsync,
        Func<object, Status> getStatusFunc,
        Func<object, Metadata> getTrailersFunc,
        Action<object> disposeAction,
        object state)
    {
        ArgumentNullException.ThrowIfNull(requestStream);
        ArgumentNullException.ThrowIfNull(responseStream);
        RequestStream = requestStream;
        ResponseStream = responseStream;
        _callbacks = new CallCallbacks(responseHeadersAsync, getStatusFunc, getTrailersFunc, disposeAction, state);
    }

    /// <summary>Where the requests are written; each write is sent as it is made.</summary>
    public IClientStreamWriter<TRequest> RequestStream { get; }

    /// <summary>The responses, read as they arrive.</summary>
    public IAsyncStreamReader<TResponse> ResponseStream { get; }

    /// <summary>Completes with the response headers' custom metadata, or fails with <see cref="RpcException"/>.</summary>
    public Task<Metadata> ResponseHeadersAsync => _callbacks.ResponseHeadersAsync;

    /// <summary>Gets the status of the finished call (after the response stream has been read to its end).</summary>
    /// <returns>The status.</returns>
    /// <exception cref="InvalidOperationException">The call has not finished.</exception>
    public Status GetStatus() => _callbacks.GetStatus();

    /// <summary>Gets the trailers of the finished call.</summary>
    /// <returns>The trailers (empty when the call failed before any arrived).</returns>
    /// <exception cref="InvalidOperationException">The call has not finished.</exception>
    public Metadata GetTrailers() => _callbacks.GetTrailers();

    /// <summary>Cancels the call if it has not finished, and releases its resources.</summary>
    public void Dispose() => _callbacks.Dispose();
}
