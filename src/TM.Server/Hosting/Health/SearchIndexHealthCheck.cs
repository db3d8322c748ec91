using Microsoft.Extensions.Diagnostics.HealthChecks;
using TM.Server.Concordance;

namespace TM.Server.Hosting.Health;

/// <summary>
/// Degraded while the search index takes up the store's changes at start (concordance waits, then says UNAVAILABLE;
/// lookups and imports are unaffected), unhealthy while it fails to take them.
/// </summary>
internal sealed class SearchIndexHealthCheck(SearchIndexFollower search) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (search.Failure is { } failure)
            return Task.FromResult(HealthCheckResult.Unhealthy($"The search index fails to take the store's changes ({failure.Message}); concordance misses the newest pairs."));
        if (!search.IsCaughtUp)
            return Task.FromResult(HealthCheckResult.Degraded($"Search index: {search.State}; concordance waits for it."));
        return Task.FromResult(HealthCheckResult.Healthy($"Search index follows the store ({search.DirectoryPath})."));
    }
}
