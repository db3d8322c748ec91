using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace TM.Grpc.Internal.Server;

/// <summary>
/// Lets the catch-all UNIMPLEMENTED route match gRPC requests only, so it never captures another
/// endpoint's two-segment POST (a health probe, a REST call) that merely has no route of its own.
/// </summary>
internal sealed class GrpcContentTypeRouteConstraint : IRouteConstraint
{
    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection)
        => routeDirection == RouteDirection.IncomingRequest
        && httpContext is not null
        && GrpcProtocolConstants.IsGrpcContentType(httpContext.Request.ContentType);
}
