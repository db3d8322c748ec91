using Microsoft.Extensions.Diagnostics.HealthChecks;
using TM.Server.Memory;

namespace TM.Server.Hosting.Health;

/// <summary>
/// Healthy when the database answers a query. On a shared database (PostgreSQL) an outage is Degraded, not Unhealthy:
/// writes fail meanwhile, but this server's indexes go on answering, and it catches up when the database is back.
/// </summary>
internal sealed class StoreHealthCheck(TranslationMemoryCatalog catalog) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        int memories;
        try
        {
            memories = catalog.CheckStore();
        }
        catch (Exception e) when (catalog.Follower is { } follower && SharedStoreFailure.IsUnreachable(e))
        {
            return Task.FromResult(HealthCheckResult.Degraded(
                $"The shared database cannot be reached ({e.Message}): writes fail with UNAVAILABLE; lookups answer from this server's " +
                $"indexes as of change {follower.AppliedThrough}, and it takes up what it missed when the database is back."));
        }
        // Any other failing query throws: the health check service reports the exception as Unhealthy with its message.
        var behind = catalog.Follower is { StoreUnreachable: true } ? " (this server is still taking up the changes it missed)" : "";
        return Task.FromResult(HealthCheckResult.Healthy($"The database answers ({memories} {(memories == 1 ? "memory" : "memories")}){behind}."));
    }
}
