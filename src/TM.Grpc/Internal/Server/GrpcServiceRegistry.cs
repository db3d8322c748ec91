namespace TM.Grpc.Internal.Server;

/// <summary>
/// The services mapped in this application, registered by <c>AddGrpc</c>. Its presence tells
/// <c>MapGrpcService</c> that <c>AddGrpc</c> was called; its names let the catch-all route tell an
/// unknown method of a known service from an unknown service.
/// </summary>
internal sealed class GrpcServiceRegistry
{
    // Written while endpoints are mapped at startup, only read once requests flow.
    private readonly HashSet<string> _serviceNames = new(StringComparer.Ordinal);

    public bool UnimplementedRouteMapped { get; set; }

    public void AddService(string serviceName) => _serviceNames.Add(serviceName);

    public bool IsKnownService(string serviceName) => _serviceNames.Contains(serviceName);
}
