namespace TM.Grpc.Internal.Server;

/// <summary>The response stream of a server-streaming or duplex call.</summary>
internal sealed class HttpContextStreamWriter<T> : IServerStreamWriter<T>
    where T : class
{
    private readonly HttpContextServerCallContext _context;
    private readonly Marshaller<T> _marshaller;
    private Task _lastWrite = Task.CompletedTask;

    public HttpContextStreamWriter(HttpContextServerCallContext context, Marshaller<T> marshaller)
    {
        _context = context;
        _marshaller = marshaller;
    }

    public Task WriteAsync(T message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!_lastWrite.IsCompleted)
        {
            throw new InvalidOperationException("Can't write the message because the previous write is in progress.");
        }

        return _lastWrite = _context.WriteMessageAsync(message, _marshaller);
    }
}
