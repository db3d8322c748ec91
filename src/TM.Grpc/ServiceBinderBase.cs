namespace TM.Grpc;

/// <summary>
/// Receives the methods of a service from its generated <c>BindService</c> method. Hosts override the
/// overloads they support; the defaults throw <see cref="NotSupportedException"/>.
/// </summary>
public abstract class ServiceBinderBase
{
    /// <summary>Initializes the base class.</summary>
    protected ServiceBinderBase()
    {
    }

    /// <summary>Adds a unary method.</summary>
    /// <typeparam name="TRequest">The request message type.</typeparam>
    /// <typeparam name="TResponse">The response message type.</typeparam>
    /// <param name="method">The method description.</param>
    /// <param name="handler">The handler; <see langword="null"/> when the service is bound without an instance.</param>
    public virtual void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler)
        where TRequest : class
        where TResponse : class
        => throw new NotSupportedException();

    /// <summary>Adds a client-streaming method.</summary>
    /// <typeparam name="TRequest">The request message type.</typeparam>
    /// <typeparam name="TResponse">The response message type.</typeparam>
    /// <param name="method">The method description.</param>
    /// <param name="handler">The handler; <see langword="null"/> when the service is bound without an instance.</param>
    public virtual void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler)
        where TRequest : class
        where TResponse : class
        => throw new NotSupportedException();

    /// <summary>Adds a server-streaming method.</summary>
    /// <typeparam name="TRequest">The request message type.</typeparam>
    /// <typeparam name="TResponse">The response message type.</typeparam>
    /// <param name="method">The method description.</param>
    /// <param name="handler">The handler; <see langword="null"/> when the service is bound without an instance.</param>
    public virtual void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler)
        where TRequest : class
        where TResponse : class
        => throw new NotSupportedException();

    /// <summary>Adds a duplex-streaming method.</summary>
    /// <typeparam name="TRequest">The request message type.</typeparam>
    /// <typeparam name="TResponse">The response message type.</typeparam>
    /// <param name="method">The method description.</param>
    /// <param name="handler">The handler; <see langword="null"/> when the service is bound without an instance.</param>
    public virtual void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler)
        where TRequest : class
        where TResponse : class
        => throw new NotSupportedException();
}
