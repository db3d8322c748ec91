using TM.Grpc;
using TM.Protos.Health.V1;
using TM.Protos.V1;

namespace TM.Server.Services;

/// <summary>
/// The standard <c>grpc.health.v1.Health</c> service: SERVING for the server as a whole (the empty
/// name) and for <c>tm.v1.TranslationMemory</c> once the memories are loaded; NOT_FOUND for any
/// other service name, as the health-checking protocol asks.
/// </summary>
public sealed class HealthService : Health.HealthBase
{
    private static readonly HashSet<string> KnownServices = ["", TranslationMemory.ServiceName];

    /// <inheritdoc />
    public override Task<HealthCheckResponse> Check(HealthCheckRequest request, ServerCallContext context)
    {
        if (!KnownServices.Contains(request.Service))
            throw new RpcException(new Status(StatusCode.NotFound, $"Unknown service '{request.Service}'."));
        return Task.FromResult(new HealthCheckResponse { Status = HealthCheckResponse.Types.ServingStatus.Serving });
    }

    /// <inheritdoc />
    public override async Task Watch(HealthCheckRequest request, IServerStreamWriter<HealthCheckResponse> responseStream, ServerCallContext context)
    {
        var status = KnownServices.Contains(request.Service)
            ? HealthCheckResponse.Types.ServingStatus.Serving
            : HealthCheckResponse.Types.ServingStatus.ServiceUnknown;
        await responseStream.WriteAsync(new HealthCheckResponse { Status = status });
        // The status of this server never changes while it runs; hold the stream open until the client leaves.
        try
        {
            await Task.Delay(Timeout.Infinite, context.CancellationToken);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
