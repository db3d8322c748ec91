namespace TM.Grpc.Internal;

/// <summary>
/// What the four call types share: the callbacks a <see cref="CallInvoker"/> hands them for headers, status,
/// trailers and disposal, each called with one state object, so that a call allocates no closure per callback.
/// </summary>
internal readonly struct CallCallbacks
{
    private readonly Func<object, Task<Metadata>> _responseHeadersAsync;
    private readonly Func<object, Status> _getStatus;
    private readonly Func<object, Metadata> _getTrailers;
    private readonly Action<object> _dispose;
    private readonly object _state;

    public CallCallbacks(
        Func<object, Task<Metadata>> responseHeadersAsync, Func<object, Status> getStatusFunc, Func<object, Metadata> getTrailersFunc, Action<object> disposeAction, object state)
    {
        ArgumentNullException.ThrowIfNull(responseHeadersAsync);
        ArgumentNullException.ThrowIfNull(getStatusFunc);
        ArgumentNullException.ThrowIfNull(getTrailersFunc);
        ArgumentNullException.ThrowIfNull(disposeAction);
        ArgumentNullException.ThrowIfNull(state);
        _responseHeadersAsync = responseHeadersAsync;
        _getStatus = getStatusFunc;
        _getTrailers = getTrailersFunc;
        _dispose = disposeAction;
        _state = state;
    }

    public Task<Metadata> ResponseHeadersAsync => _responseHeadersAsync(_state);

    public Status GetStatus() => _getStatus(_state);

    public Metadata GetTrailers() => _getTrailers(_state);

    public void Dispose() => _dispose(_state);
}
