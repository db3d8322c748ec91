namespace TM.Grpc;

/// <summary>Handles a duplex (bidirectional) streaming call.</summary>
/// <typeparam name="TRequest">The request message type.</typeparam>
/// <typeparam name="TResponse">The response message type.</typeparam>
/// <param name="requestStream">The requests.</param>
/// <param name="responseStream">Where to write the responses.</param>
/// <param name="context">The call context.</param>
/// <returns>A task that completes when the handler is done.</returns>
public delegate Task DuplexStreamingServerMethod<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context)
    where TRequest : class
    where TResponse : class;
