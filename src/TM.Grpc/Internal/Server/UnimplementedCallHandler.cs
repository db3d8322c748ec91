using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace TM.Grpc.Internal.Server;

/// <summary>Answers gRPC requests for a service or method that is not mapped with UNIMPLEMENTED.</summary>
internal sealed class UnimplementedCallHandler
{
    public const string ServiceRouteKey = "unimplementedService";
    public const string MethodRouteKey = "unimplementedMethod";

    private readonly GrpcServiceRegistry _registry;
    private readonly ILogger _logger;

    public UnimplementedCallHandler(GrpcServiceRegistry registry, ILogger logger)
    {
        _registry = registry;
        _logger = logger;
    }

    public Task HandleCallAsync(HttpContext httpContext)
    {
        if (!GrpcRequestValidator.TryValidate(httpContext, _logger))
        {
            return Task.CompletedTask;
        }

        var serviceName = httpContext.GetRouteValue(ServiceRouteKey) as string ?? string.Empty;
        var methodName = httpContext.GetRouteValue(MethodRouteKey) as string ?? string.Empty;
        Status status;
        if (_registry.IsKnownService(serviceName))
        {
            GrpcServerLog.MethodUnimplemented(_logger, serviceName, methodName);
            status = new Status(StatusCode.Unimplemented, "Method is unimplemented.");
        }
        else
        {
            GrpcServerLog.ServiceUnimplemented(_logger, serviceName);
            status = new Status(StatusCode.Unimplemented, "Service is unimplemented.");
        }

        ResponseStatusWriter.WriteRejection(httpContext.Response, StatusCodes.Status200OK, status);
        return Task.CompletedTask;
    }
}
