using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TM.Server.Memory;

namespace TM.Server.Hosting;

/// <summary>
/// Brings the concordance (full-text) index up to date in the background: commits store segments without it, so a
/// bulk import pays only for what it must make durable, and this service indexes the backlog in bounded steps.
/// </summary>
/// <remarks>
/// Each step is one short write transaction, so lookups never wait and an import's next batch waits at most one
/// step. While imports run the steps are small and spaced out, leaving the write lock and the cores to the import;
/// once the server is quiet it works through the backlog at full speed. A backlog left by a killed server is picked
/// up at the next start.
/// </remarks>
internal sealed class ConcordanceIndexer(TranslationMemoryCatalog catalog, ILogger<ConcordanceIndexer> logger) : BackgroundService
{
    /// <summary>Rows per step when no import runs: about a tenth of a second of work.</summary>
    public const int QuietStep = 20_000;

    /// <summary>Rows per step while an import runs.</summary>
    public const int BusyStep = 2_000;

    private static readonly TimeSpan BusyPause = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan IdleCheck = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan RetryPause = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Off the start-up path: the host finishes starting before the first step runs.
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var busy = catalog.RunningImports > 0;
                var indexed = catalog.Store.IndexConcordanceBacklog(busy ? BusyStep : QuietStep);
                if (indexed == 0)
                    await catalog.Committed.WaitAsync(IdleCheck, stoppingToken);
                else if (busy)
                    await Task.Delay(BusyPause, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                ServerLog.ConcordanceIndexingFailed(logger, RetryPause.TotalSeconds, e);
                await Task.Delay(RetryPause, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }
}
