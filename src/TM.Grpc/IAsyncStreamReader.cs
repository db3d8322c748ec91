namespace TM.Grpc;

/// <summary>
/// Reads a stream of messages: call <see cref="MoveNext"/> until it returns <see langword="false"/>,
/// reading <see cref="Current"/> after each <see langword="true"/>. Only one <see cref="MoveNext"/> may be pending.
/// </summary>
/// <typeparam name="T">The message type.</typeparam>
public interface IAsyncStreamReader<out T>
{
    /// <summary>The message read by the last successful <see cref="MoveNext"/>.</summary>
    T Current { get; }

    /// <summary>Advances to the next message.</summary>
    /// <param name="cancellationToken">Cancels the wait for the next message.</param>
    /// <returns><see langword="true"/> when a message was read; <see langword="false"/> at the end of the stream.</returns>
    Task<bool> MoveNext(CancellationToken cancellationToken);
}
