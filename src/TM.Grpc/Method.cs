namespace TM.Grpc;

/// <summary>Describes one method of a gRPC service: its kind, names and message marshallers.</summary>
/// <typeparam name="TRequest">The request message type.</typeparam>
/// <typeparam name="TResponse">The response message type.</typeparam>
public sealed class Method<TRequest, TResponse>
    where TRequest : class
    where TResponse : class
{
    /// <summary>Creates a method description.</summary>
    /// <param name="type">The call kind.</param>
    /// <param name="serviceName">The fully qualified service name, for example <c>tm.v1.TranslationMemory</c>.</param>
    /// <param name="name">The method name, for example <c>Lookup</c>.</param>
    /// <param name="requestMarshaller">Serializes requests.</param>
    /// <param name="responseMarshaller">Serializes responses.</param>
    public Method(MethodType type, string serviceName, string name, Marshaller<TRequest> requestMarshaller, Marshaller<TResponse> responseMarshaller)
    {
        ArgumentException.ThrowIfNullOrEmpty(serviceName);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(requestMarshaller);
        ArgumentNullException.ThrowIfNull(responseMarshaller);
        Type = type;
        ServiceName = serviceName;
        Name = name;
        RequestMarshaller = requestMarshaller;
        ResponseMarshaller = responseMarshaller;
        FullName = "/" + serviceName + "/" + name;
    }

    /// <summary>The call kind.</summary>
    public MethodType Type { get; }

    /// <summary>The fully qualified service name, for example <c>tm.v1.TranslationMemory</c>.</summary>
    public string ServiceName { get; }

    /// <summary>The method name, for example <c>Lookup</c>.</summary>
    public string Name { get; }

    /// <summary>The HTTP/2 path of the method, for example <c>/tm.v1.TranslationMemory/Lookup</c>.</summary>
    public string FullName { get; }

    /// <summary>Serializes requests.</summary>
    public Marshaller<TRequest> RequestMarshaller { get; }

    /// <summary>Serializes responses.</summary>
    public Marshaller<TResponse> ResponseMarshaller { get; }
}
