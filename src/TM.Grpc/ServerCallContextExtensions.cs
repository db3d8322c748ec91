using Microsoft.AspNetCore.Http;
using TM.Grpc.Internal.Server;

namespace TM.Grpc;

/// <summary>Extension methods for <see cref="ServerCallContext"/>.</summary>
public static class ServerCallContextExtensions
{
    /// <summary>Gets the ASP.NET Core <see cref="HttpContext"/> of the call.</summary>
    /// <param name="context">The call context.</param>
    /// <returns>The HTTP context.</returns>
    /// <exception cref="InvalidOperationException">The context does not belong to an HTTP call (for example a test double).</exception>
    public static HttpContext GetHttpContext(this ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context is HttpContextServerCallContext httpContextServerCallContext
            ? httpContextServerCallContext.HttpContext
            : throw new InvalidOperationException("Could not get the HttpContext: the ServerCallContext does not belong to an HTTP call.");
    }
}
