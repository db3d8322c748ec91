namespace TM.Grpc.Internal;

/// <summary>
/// Lets the call types' constructors that take one delegate per callback share the state-passing form
/// (Grpc.Core.Api's), which TM.Grpc's own invoker uses so that starting a call allocates no closures.
/// </summary>
internal sealed class DelegateCallState
{
    public static readonly Func<object, Task<Metadata>> ResponseHeadersAsync = static state => ((DelegateCallState)state)._responseHeadersAsync;
    public static readonly Func<object, Status> GetStatus = static state => ((DelegateCallState)state)._getStatusFunc();
    public static readonly Func<object, Metadata> GetTrailers = static state => ((DelegateCallState)state)._getTrailersFunc();
    public static readonly Action<object> Dispose = static state => ((DelegateCallState)state)._disposeAction();

    private readonly Task<Metadata> _responseHeadersAsync;
    private readonly Func<Status> _getStatusFunc;
    private readonly Func<Metadata> _getTrailersFunc;
    private readonly Action _disposeAction;

    public DelegateCallState(Task<Metadata> responseHeadersAsync, Func<Status> getStatusFunc, Func<Metadata> getTrailersFunc, Action disposeAction)
    {
        ArgumentNullException.ThrowIfNull(responseHeadersAsync);
        ArgumentNullException.ThrowIfNull(getStatusFunc);
        ArgumentNullException.ThrowIfNull(getTrailersFunc);
        ArgumentNullException.ThrowIfNull(disposeAction);
        _responseHeadersAsync = responseHeadersAsync;
        _getStatusFunc = getStatusFunc;
        _getTrailersFunc = getTrailersFunc;
        _disposeAction = disposeAction;
    }
}
