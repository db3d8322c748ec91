using Microsoft.Extensions.Diagnostics.HealthChecks;
using TM.Server.Memory;

namespace TM.Server.Hosting.Health;

/// <summary>Healthy when the database answers a query.</summary>
internal sealed class StoreHealthCheck(TranslationMemoryCatalog catalog) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // A failing query throws: the health check service reports the exception as Unhealthy with its message.
        var memories = catalog.CheckStore();
        return Task.FromResult(HealthCheckResult.Healthy($"The database answers ({memories} {(memories == 1 ? "memory" : "memories")})."));
    }
}
