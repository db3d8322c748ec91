namespace TM.Grpc;

/// <summary>The response stream of a server-streaming or duplex call, as seen by the server.</summary>
/// <typeparam name="T">The response message type.</typeparam>
public interface IServerStreamWriter<in T> : IAsyncStreamWriter<T>
{
}
