using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using TM.Server.Memory;

namespace TM.Server.Hosting.Health;

/// <summary>
/// Unhealthy while the memories are still being loaded at start (lookups wait meanwhile), and when a memory's index
/// failed to take a committed batch (its lookups miss those pairs until a restart rebuilds it).
/// </summary>
internal sealed class IndexHealthCheck(TranslationMemoryCatalog catalog, ServerReadiness readiness) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!readiness.IsReady)
            return Task.FromResult(HealthCheckResult.Unhealthy($"Not ready: {readiness.Stage}."));
        var failed = catalog.MemoriesWithFailedIndexUpdates();
        if (failed.Count > 0)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy(
                $"The index of {string.Join(", ", failed.Select(name => $"'{name}'"))} missed a committed batch: lookups miss those pairs until the server restarts."));
        }
        var memories = catalog.MemoryNames.Count;
        var segments = catalog.IndexedSegments().ToString("N0", CultureInfo.InvariantCulture);
        return Task.FromResult(HealthCheckResult.Healthy($"{memories} {(memories == 1 ? "memory" : "memories")} loaded, {segments} segments indexed."));
    }
}
