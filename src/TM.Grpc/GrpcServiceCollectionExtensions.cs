using Microsoft.Extensions.DependencyInjection.Extensions;
using TM.Grpc;
using TM.Grpc.Internal.Server;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the gRPC server (same name and namespace as grpc-dotnet's).</summary>
public static class GrpcServiceCollectionExtensions
{
    /// <summary>Adds the services the gRPC server needs; call before <c>MapGrpcService</c>.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets <see cref="GrpcServiceOptions"/>; <see langword="null"/> keeps the defaults.</param>
    /// <returns>The same service collection, for chaining.</returns>
    public static IServiceCollection AddGrpc(this IServiceCollection services, Action<GrpcServiceOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddRoutingCore();
        services.AddLogging();
        services.AddOptions();
        services.TryAddSingleton<GrpcServiceRegistry>();
        if (configure is not null)
        {
            services.Configure(configure);
        }

        return services;
    }
}
