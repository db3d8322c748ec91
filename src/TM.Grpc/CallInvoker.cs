namespace TM.Grpc;

/// <summary>Starts calls; generated clients call these methods with their <see cref="Method{TRequest, TResponse}"/> descriptions.</summary>
public abstract class CallInvoker
{
    /// <summary>Initializes the base class.</summary>
    protected CallInvoker()
    {
    }

    /// <summary>Starts a unary call.</summary>
    /// <typeparam name="TRequest">The request message type.</typeparam>
    /// <typeparam name="TResponse">The response message type.</typeparam>
    /// <param name="method">The method.</param>
    /// <param name="host">Ignored; the channel's address decides the host. Kept for grpc-dotnet compatibility.</param>
    /// <param name="options">Metadata, deadline and cancellation.</param>
    /// <param name="request">The request.</param>
    /// <returns>The call.</returns>
    public abstract AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request)
        where TRequest : class
        where TResponse : class;

    /// <summary>Starts a client-streaming call.</summary>
    /// <typeparam name="TRequest">The request message type.</typeparam>
    /// <typeparam name="TResponse">The response message type.</typeparam>
    /// <param name="method">The method.</param>
    /// <param name="host">Ignored; the channel's address decides the host. Kept for grpc-dotnet compatibility.</param>
    /// <param name="options">Metadata, deadline and cancellation.</param>
    /// <returns>The call.</returns>
    public abstract AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options)
        where TRequest : class
        where TResponse : class;

    /// <summary>Starts a server-streaming call.</summary>
    /// <typeparam name="TRequest">The request message type.</typeparam>
    /// <typeparam name="TResponse">The response message type.</typeparam>
    /// <param name="method">The method.</param>
    /// <param name="host">Ignored; the channel's address decides the host. Kept for grpc-dotnet compatibility.</param>
    /// <param name="options">Metadata, deadline and cancellation.</param>
    /// <param name="request">The request.</param>
    /// <returns>The call.</returns>
    public abstract AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request)
        where TRequest : class
        where TResponse : class;

    /// <summary>Starts a duplex-streaming call.</summary>
    /// <typeparam name="TRequest">The request message type.</typeparam>
    /// <typeparam name="TResponse">The response message type.</typeparam>
    /// <param name="method">The method.</param>
    /// <param name="host">Ignored; the channel's address decides the host. Kept for grpc-dotnet compatibility.</param>
    /// <param name="options">Metadata, deadline and cancellation.</param>
    /// <returns>The call.</returns>
    public abstract AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options)
        where TRequest : class
        where TResponse : class;
}
