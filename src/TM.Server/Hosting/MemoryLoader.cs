using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TM.Server.Memory;

namespace TM.Server.Hosting;

/// <summary>
/// Loads every memory's index and seeds an empty default memory once the server listens, then declares it ready
/// (<see cref="ServerReadiness"/>); on a shared store it then follows the store's change log until the server stops
/// (<see cref="TranslationMemoryCatalog.FollowChangesAsync"/>). A store that cannot be read at start stops the server
/// with exit code 1.
/// </summary>
internal sealed class MemoryLoader(
    TranslationMemoryCatalog catalog, ServerOptions options, ServerReadiness readiness, IHostApplicationLifetime lifetime, ILogger<MemoryLoader> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // Loading is CPU work of seconds: a thread of its own, not a request thread.
            await Task.Factory.StartNew(() => catalog.Load(readiness.Report, stoppingToken), stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            // On a shared store, before the seeds: this server's writes reach its indexes through the follower.
            var following = catalog.FollowChangesAsync(stoppingToken);
            readiness.Report("importing the seed documents");
            await SeedImporter.ImportIfEmptyAsync(catalog, options, logger);
            readiness.SetReady();
            ServerLog.Ready(logger, catalog.MemoryNames.Count);
            // Held until the server stops, so the host waits for the follower before it closes the store.
            await following;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            readiness.SetFailed(new OperationCanceledException("The server stopped before it had loaded its memories."));
        }
        catch (Exception e)
        {
            ServerLog.LoadFailed(logger, e);
            readiness.SetFailed(e);
            Environment.ExitCode = 1;
            lifetime.StopApplication();
        }
    }
}
