namespace TM.Grpc;

/// <summary>Handles a server-streaming call.</summary>
/// <typeparam name="TRequest">The request message type.</typeparam>
/// <typeparam name="TResponse">The response message type.</typeparam>
/// <param name="request">The request.</param>
/// <param name="responseStream">Where to write the responses.</param>
/// <param name="context">The call context.</param>
/// <returns>A task that completes when all responses have been written.</returns>
public delegate Task ServerStreamingServerMethod<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context)
    where TRequest : class
    where TResponse : class;
