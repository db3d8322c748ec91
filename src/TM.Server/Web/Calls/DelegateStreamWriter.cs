using Grpc.Core;

namespace TM.Server.Web.Calls;

/// <summary>The response stream of a server-streaming method the web UI runs in process: each message goes to a callback, at once.</summary>
internal sealed class DelegateStreamWriter<T>(Func<T, Task> write) : IServerStreamWriter<T>
{
    public WriteOptions? WriteOptions { get; set; }

    public Task WriteAsync(T message) => write(message);

    public Task WriteAsync(T message, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return write(message);
    }
}
