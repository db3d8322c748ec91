namespace TM.Grpc;

/// <summary>Writes a stream of messages. Only one write may be pending at a time.</summary>
/// <typeparam name="T">The message type.</typeparam>
public interface IAsyncStreamWriter<in T>
{
    /// <summary>Writes one message; the task completes when it has been handed to the transport.</summary>
    /// <param name="message">The message.</param>
    /// <returns>A task that completes when the write is done.</returns>
    Task WriteAsync(T message);
}
