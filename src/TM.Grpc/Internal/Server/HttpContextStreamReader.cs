namespace TM.Grpc.Internal.Server;

/// <summary>The request stream of a client-streaming or duplex call.</summary>
internal sealed class HttpContextStreamReader<T> : IAsyncStreamReader<T>
    where T : class
{
    private readonly HttpContextServerCallContext _context;
    private readonly Marshaller<T> _marshaller;
    private T? _current;
    private bool _completed;
    private bool _readInProgress;

    public HttpContextStreamReader(HttpContextServerCallContext context, Marshaller<T> marshaller)
    {
        _context = context;
        _marshaller = marshaller;
    }

    public T Current => _current ?? throw new InvalidOperationException("No current message: call MoveNext first and check that it returned true.");

    public async Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        if (_completed)
        {
            return false;
        }

        if (_readInProgress)
        {
            throw new InvalidOperationException("Can't read the next message because the previous read is still in progress.");
        }

        _readInProgress = true;
        try
        {
            var message = await _context.ReadMessageAsync(_marshaller, cancellationToken).ConfigureAwait(false);
            if (message is null)
            {
                _completed = true;
                _current = null;
                return false;
            }

            _current = message;
            return true;
        }
        finally
        {
            _readInProgress = false;
        }
    }
}
