using Grpc.Core;

namespace TM.Server.Web.Calls;

/// <summary>
/// The request stream of a client-streaming method the web UI runs in process, fed by a function that returns the next
/// message or null at the end (an upload read chunk by chunk from the page's request body).
/// </summary>
internal sealed class MessageQueueReader<T>(Func<CancellationToken, ValueTask<T?>> next) : IAsyncStreamReader<T>
    where T : class
{
    private T? _current;

    public T Current => _current ?? throw new InvalidOperationException("MoveNext has not returned true.");

    public async Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        _current = await next(cancellationToken);
        return _current is not null;
    }
}
