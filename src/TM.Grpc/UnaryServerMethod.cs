namespace TM.Grpc;

/// <summary>Handles a unary call.</summary>
/// <typeparam name="TRequest">The request message type.</typeparam>
/// <typeparam name="TResponse">The response message type.</typeparam>
/// <param name="request">The request.</param>
/// <param name="context">The call context.</param>
/// <returns>The response.</returns>
public delegate Task<TResponse> UnaryServerMethod<TRequest, TResponse>(TRequest request, ServerCallContext context)
    where TRequest : class
    where TResponse : class;
