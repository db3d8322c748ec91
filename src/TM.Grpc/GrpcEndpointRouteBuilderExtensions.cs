using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TM.Grpc;
using TM.Grpc.Internal;
using TM.Grpc.Internal.Server;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps gRPC services to endpoints (same name and namespace as grpc-dotnet's).</summary>
public static class GrpcEndpointRouteBuilderExtensions
{
    private const string LoggerCategory = "TM.Grpc.Server";

    /// <summary>
    /// Maps every method of <typeparamref name="TService"/> to <c>POST /{service}/{method}</c>. The service
    /// must derive from a generated base class carrying <see cref="BindServiceMethodAttribute"/>. Each call
    /// gets its instance from dependency injection, or a new one (disposed after the call) when the type is
    /// not registered. The first call also maps a catch-all route that answers gRPC requests for unknown
    /// services and methods with UNIMPLEMENTED.
    /// </summary>
    /// <typeparam name="TService">The service implementation.</typeparam>
    /// <param name="builder">The endpoint route builder, for example the <c>WebApplication</c>.</param>
    /// <returns>A builder that applies conventions to all of the service's method endpoints.</returns>
    /// <exception cref="InvalidOperationException"><c>AddGrpc</c> was not called, or the service cannot be bound.</exception>
    public static IEndpointConventionBuilder MapGrpcService<TService>(this IEndpointRouteBuilder builder)
        where TService : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.ServiceProvider;
        var registry = services.GetService<GrpcServiceRegistry>()
            ?? throw new InvalidOperationException("Unable to find the required services. Add them by calling 'IServiceCollection.AddGrpc' in the application startup code.");
        var options = services.GetRequiredService<IOptions<GrpcServiceOptions>>().Value;
        if (options.ResponseCompressionAlgorithm is { } algorithm && !GrpcProtocolConstants.IsSupportedEncoding(algorithm))
        {
            throw new InvalidOperationException(
                $"The response compression algorithm '{algorithm}' is not supported. Supported: {GrpcProtocolConstants.SupportedEncodings}.");
        }

        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(LoggerCategory);
        var methodBuilders = ServiceRouteBinder<TService>.MapService(builder, registry, options, logger);
        if (!registry.UnimplementedRouteMapped)
        {
            registry.UnimplementedRouteMapped = true;
            MapUnimplemented(builder, registry, logger);
        }

        return new GrpcServiceEndpointConventionBuilder(methodBuilders);
    }

    private static void MapUnimplemented(IEndpointRouteBuilder builder, GrpcServiceRegistry registry, ILogger logger)
    {
        var pattern = RoutePatternFactory.Parse(
            "{" + UnimplementedCallHandler.ServiceRouteKey + "}/{" + UnimplementedCallHandler.MethodRouteKey + "}",
            defaults: null,
            parameterPolicies: new RouteValueDictionary { [UnimplementedCallHandler.MethodRouteKey] = new GrpcContentTypeRouteConstraint() });
        builder.Map(pattern, new UnimplementedCallHandler(registry, logger).HandleCallAsync)
            .WithMetadata(new HttpMethodMetadata([HttpMethods.Post]))
            .WithDisplayName("gRPC - Unimplemented service or method")
            .Add(endpointBuilder => ((RouteEndpointBuilder)endpointBuilder).Order = int.MaxValue);
    }
}
