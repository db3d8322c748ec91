using Grpc.Core;
using Grpc.Health.V1;

namespace TM.Client.Tests;

/// <summary>A health service that answers SERVING for the server and SERVICE_UNKNOWN for anything else.</summary>
internal sealed class FakeHealth : Health.HealthBase
{
    public override Task<HealthCheckResponse> Check(HealthCheckRequest request, ServerCallContext context) =>
        Task.FromResult(new HealthCheckResponse
        {
            Status = request.Service.Length == 0
                ? HealthCheckResponse.Types.ServingStatus.Serving
                : HealthCheckResponse.Types.ServingStatus.ServiceUnknown,
        });
}
