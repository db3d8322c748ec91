namespace TM.Grpc.Internal.Client;

/// <summary>The response stream of a server-streaming or duplex call.</summary>
internal sealed class ClientResponseStreamReader<TRequest, TResponse> : IAsyncStreamReader<TResponse>
    where TRequest : class
    where TResponse : class
{
    private readonly GrpcCall<TRequest, TResponse> _call;
    private TResponse? _current;
    private bool _readInProgress;

    public ClientResponseStreamReader(GrpcCall<TRequest, TResponse> call)
    {
        _call = call;
    }

    public TResponse Current => _current ?? throw new InvalidOperationException("No current message: call MoveNext first and check that it returned true.");

    public async Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        if (_readInProgress)
        {
            throw new InvalidOperationException("Can't read the next message because the previous read is still in progress.");
        }

        _readInProgress = true;
        try
        {
            _current = await _call.ReadNextMessageAsync(cancellationToken).ConfigureAwait(false);
            return _current is not null;
        }
        finally
        {
            _readInProgress = false;
        }
    }
}
