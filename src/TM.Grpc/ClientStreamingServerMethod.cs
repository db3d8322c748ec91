namespace TM.Grpc;

/// <summary>Handles a client-streaming call.</summary>
/// <typeparam name="TRequest">The request message type.</typeparam>
/// <typeparam name="TResponse">The response message type.</typeparam>
/// <param name="requestStream">The requests.</param>
/// <param name="context">The call context.</param>
/// <returns>The response.</returns>
public delegate Task<TResponse> ClientStreamingServerMethod<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, ServerCallContext context)
    where TRequest : class
    where TResponse : class;
