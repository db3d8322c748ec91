using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TM.Server.Hosting.Health;

/// <summary>Healthy when a file can be created in the data directory (a full disk or a read-only mount is not).</summary>
internal sealed class DataDirectoryHealthCheck(ServerOptions options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var directory = Path.GetDirectoryName(options.DatabasePath)!;
        var probe = Path.Combine(directory, $".health-{Guid.NewGuid():N}");
        try
        {
            await using (var file = new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1, FileOptions.DeleteOnClose))
            {
                // One byte actually written: creating an empty file can succeed on a full disk.
                await file.WriteAsync(new byte[] { 0 }, cancellationToken);
                await file.FlushAsync(cancellationToken);
            }
            return HealthCheckResult.Healthy($"{directory} is writable.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return HealthCheckResult.Unhealthy($"{directory} is not writable: {e.Message}");
        }
    }
}
