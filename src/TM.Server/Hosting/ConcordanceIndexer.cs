using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TM.Server.Memory;

namespace TM.Server.Hosting;

/// <summary>
/// Brings the concordance (full-text) index up to date in the background: commits store segments without it, so a
/// bulk import pays only for what it must make durable, and this service indexes the backlog in bounded steps.
/// </summary>
/// <remarks>
/// FTS5 trigram indexing costs ~150 µs of CPU per pair (measured by the store-write benchmark), so a million-pair import
/// leaves minutes of work. It runs in steps of <see cref="Step"/> rows (a fraction of a second each, one short write
/// transaction, so an import's next batch waits at most one step), and after each step it pauses for as long as the
/// step took — three times as long while an import runs — so it never takes more than half a core from lookups and
/// imports, which matter more than a concordance that is behind (rows not yet indexed are still found, by a scan).
/// A backlog left by a killed server is picked up at the next start.
/// </remarks>
internal sealed class ConcordanceIndexer(TranslationMemoryCatalog catalog, ServerReadiness readiness, ILogger<ConcordanceIndexer> logger) : BackgroundService
{
    /// <summary>Rows per step: about a third of a second of work.</summary>
    public const int Step = 2_000;

    private static readonly TimeSpan IdleCheck = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan RetryPause = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Off the start-up path: the memories load first, with the machine to themselves.
        await readiness.Ready.WaitAsync(stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (!readiness.IsReady)
            return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var started = Stopwatch.GetTimestamp();
                var indexed = catalog.Store.IndexConcordanceBacklog(Step);
                if (indexed == 0)
                {
                    await catalog.Committed.WaitAsync(IdleCheck, stoppingToken);
                    continue;
                }
                var took = Stopwatch.GetElapsedTime(started);
                await Task.Delay(catalog.RunningImports > 0 ? took * 3 : took, stoppingToken);
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
