using System.Runtime.CompilerServices;
using TM.Grpc.Internal;

namespace TM.Grpc;

/// <summary>
/// A client-streaming call in progress: write requests to <see cref="RequestStream"/>, call
/// <see cref="IClientStreamWriter{T}.CompleteAsync"/>, then await the response. Disposing a call that has
/// not finished cancels it.
/// </summary>
/// <typeparam name="TRequest">The request message type.</typeparam>
/// <typeparam name="TResponse">The response message type.</typeparam>
public sealed class AsyncClientStreamingCall<TRequest, TResponse> : IDisposable
{
    private readonly CallCallbacks _callbacks;

    /// <summary>Creates a call object; used by <see cref="CallInvoker"/> implementations.</summary>
    /// <param name="requestStream">Where the requests are written.</param>
    /// <param name="responseAsync">Completes with the response.</param>
    /// <param name="responseHeadersAsync">Completes with the response headers.</param>
    /// <param name="getStatusFunc">Returns the status of the finished call.</param>
    /// <param name="getTrailersFunc">Returns the trailers of the finished call.</param>
    /// <param name="disposeAction">Cancels the call if unfinished and releases its resources.</param>
    public AsyncClientStreamingCall(
        IClientStreamWriter<TRequest> requestStream,
        Task<TResponse> responseAsync,
        Task<Metadata> responseHeadersAsync,
        Func<Status> getStatusFunc,
        Func<Metadata> getTrailersFunc,
        Action disposeAction)
        : this(
            requestStream, responseAsync,
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
    /// <param name="responseAsync">Completes with the response.</param>
    /// <param name="responseHeadersAsync">Returns the task of the response headers; called each time <see cref="ResponseHeadersAsync"/> is read.</param>
    /// <param name="getStatusFunc">Returns the status of the finished call.</param>
    /// <param name="getTrailersFunc">Returns the trailers of the finished call.</param>
    /// <param name="disposeAction">Cancels the call if unfinished and releases its resources.</param>
    /// <param name="state">The argument of every callback.</param>
    public AsyncClientStreamingCall(
        IClientStreamWriter<TRequest> requestStream,
        Task<TResponse> responseAsync,
        Func<object, Task<Metadata>> responseHeadersAsync,
        Func<object, Status> getStatusFunc,
        Func<object, Metadata> getTrailersFunc,
        Action<object> disposeAction,
        object state)
    {
        ArgumentNullException.ThrowIfNull(requestStream);
        ArgumentNullException.ThrowIfNull(responseAsync);
        RequestStream = requestStream;
        ResponseAsync = responseAsync;
        _callbacks = new CallCallbacks(responseHeadersAsync, getStatusFunc, getTrailersFunc, disposeAction, state);
    }

    /// <summary>Where the requests are written; each write is sent as it is made.</summary>
    public IClientStreamWriter<TRequest> RequestStream { get; }

    /// <summary>Completes with the response, or fails with <see cref="RpcException"/>.</summary>
    public Task<TResponse> ResponseAsync { get; }

    /// <summary>Completes with the response headers' custom metadata, or fails with <see cref="RpcException"/>.</summary>
    public Task<Metadata> ResponseHeadersAsync => _callbacks.ResponseHeadersAsync;

    /// <summary>Gets the awaiter of <see cref="ResponseAsync"/>, so the call itself can be awaited.</summary>
    /// <returns>The awaiter.</returns>
    public TaskAwaiter<TResponse> GetAwaiter() => ResponseAsync.GetAwaiter();

    /// <summary>Gets the status of the finished call.</summary>
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
