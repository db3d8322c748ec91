using System.Runtime.CompilerServices;

namespace TM.Grpc;

/// <summary>
/// A unary call in progress. Await it (or <see cref="ResponseAsync"/>) for the response; a failed call
/// throws <see cref="RpcException"/>. Disposing a call that has not finished cancels it.
/// </summary>
/// <typeparam name="TResponse">The response message type.</typeparam>
public sealed class AsyncUnaryCall<TResponse> : IDisposable
{
    private readonly Func<Status> _getStatusFunc;
    private readonly Func<Metadata> _getTrailersFunc;
    private readonly Action _disposeAction;

    /// <summary>Creates a call object; used by <see cref="CallInvoker"/> implementations.</summary>
    /// <param name="responseAsync">Completes with the response.</param>
    /// <param name="responseHeadersAsync">Completes with the response headers.</param>
    /// <param name="getStatusFunc">Returns the status of the finished call.</param>
    /// <param name="getTrailersFunc">Returns the trailers of the finished call.</param>
    /// <param name="disposeAction">Cancels the call if unfinished and releases its resources.</param>
    public AsyncUnaryCall(Task<TResponse> responseAsync, Task<Metadata> responseHeadersAsync, Func<Status> getStatusFunc, Func<Metadata> getTrailersFunc, Action disposeAction)
    {
        ArgumentNullException.ThrowIfNull(responseAsync);
        ArgumentNullException.ThrowIfNull(responseHeadersAsync);
        ArgumentNullException.ThrowIfNull(getStatusFunc);
        ArgumentNullException.ThrowIfNull(getTrailersFunc);
        ArgumentNullException.ThrowIfNull(disposeAction);
        ResponseAsync = responseAsync;
        ResponseHeadersAsync = responseHeadersAsync;
        _getStatusFunc = getStatusFunc;
        _getTrailersFunc = getTrailersFunc;
        _disposeAction = disposeAction;
    }

    /// <summary>Completes with the response, or fails with <see cref="RpcException"/>.</summary>
    public Task<TResponse> ResponseAsync { get; }

    /// <summary>Completes with the response headers' custom metadata, or fails with <see cref="RpcException"/>.</summary>
    public Task<Metadata> ResponseHeadersAsync { get; }

    /// <summary>Gets the awaiter of <see cref="ResponseAsync"/>, so the call itself can be awaited.</summary>
    /// <returns>The awaiter.</returns>
    public TaskAwaiter<TResponse> GetAwaiter() => ResponseAsync.GetAwaiter();

    /// <summary>Gets the status of the finished call.</summary>
    /// <returns>The status.</returns>
    /// <exception cref="InvalidOperationException">The call has not finished.</exception>
    public Status GetStatus() => _getStatusFunc();

    /// <summary>Gets the trailers of the finished call.</summary>
    /// <returns>The trailers (empty when the call failed before any arrived).</returns>
    /// <exception cref="InvalidOperationException">The call has not finished.</exception>
    public Metadata GetTrailers() => _getTrailersFunc();

    /// <summary>Cancels the call if it has not finished, and releases its resources.</summary>
    public void Dispose() => _disposeAction();
}
