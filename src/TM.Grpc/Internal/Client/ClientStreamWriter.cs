namespace TM.Grpc.Internal.Client;

/// <summary>The request stream of a client-streaming or duplex call.</summary>
internal sealed class ClientStreamWriter<TRequest, TResponse> : IClientStreamWriter<TRequest>
    where TRequest : class
    where TResponse : class
{
    private readonly GrpcCall<TRequest, TResponse> _call;
    private Task _lastWrite = Task.CompletedTask;
    private bool _completed;

    public ClientStreamWriter(GrpcCall<TRequest, TResponse> call)
    {
        _call = call;
    }

    public Task WriteAsync(TRequest message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (_completed)
        {
            throw new InvalidOperationException("Can't write the message because the request stream is complete.");
        }

        if (!_lastWrite.IsCompleted)
        {
            throw new InvalidOperationException("Can't write the message because the previous write is in progress.");
        }

        return _lastWrite = _call.WriteMessageAsync(message);
    }

    public Task CompleteAsync()
    {
        if (!_lastWrite.IsCompleted)
        {
            throw new InvalidOperationException("Can't complete the request stream because the previous write is in progress.");
        }

        if (_completed)
        {
            return Task.CompletedTask;
        }

        _completed = true;
        return _call.CompleteRequestAsync();
    }
}
