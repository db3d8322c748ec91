using Microsoft.AspNetCore.Builder;

namespace TM.Grpc.Internal.Server;

/// <summary>Applies endpoint conventions (authorization, metadata) to every method endpoint of one service.</summary>
internal sealed class GrpcServiceEndpointConventionBuilder : IEndpointConventionBuilder
{
    private readonly IReadOnlyList<IEndpointConventionBuilder> _methodBuilders;

    public GrpcServiceEndpointConventionBuilder(IReadOnlyList<IEndpointConventionBuilder> methodBuilders)
    {
        _methodBuilders = methodBuilders;
    }

    public void Add(Action<EndpointBuilder> convention)
    {
        foreach (var builder in _methodBuilders)
        {
            builder.Add(convention);
        }
    }

    public void Finally(Action<EndpointBuilder> finallyConvention)
    {
        foreach (var builder in _methodBuilders)
        {
            builder.Finally(finallyConvention);
        }
    }
}
