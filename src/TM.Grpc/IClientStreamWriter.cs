namespace TM.Grpc;

/// <summary>The request stream of a client-streaming or duplex call, as seen by the client.</summary>
/// <typeparam name="T">The request message type.</typeparam>
public interface IClientStreamWriter<in T> : IAsyncStreamWriter<T>
{
    /// <summary>Signals that no more requests will be written (the client half-closes the stream).</summary>
    /// <returns>A task that completes when the end of the stream has been signalled.</returns>
    Task CompleteAsync();
}
