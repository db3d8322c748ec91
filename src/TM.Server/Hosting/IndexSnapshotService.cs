using Microsoft.Extensions.Hosting;
using TM.Server.Memory;

namespace TM.Server.Hosting;

/// <summary>
/// Keeps the index snapshots current, so that a start loads the indexes instead of analyzing every text: after a
/// start that had to analyze a memory (no snapshot, or a stale one: the server was killed after writing to it); after
/// imports that changed a good part of a memory, once no import is running; and at shutdown for every memory written
/// since its snapshot.
/// </summary>
/// <remarks>
/// <para>
/// Between those, a crash costs a rebuild at the next start (11–14 s per million segments) and nothing else: the
/// database has every acknowledged pair. Saving costs the memory's writers a wait of about 2 s per million segments,
/// which is why a few pairs confirmed by translators never trigger one before shutdown.
/// </para>
/// <para>
/// The host stops this service after ApplicationStopping told the imports to stop; an import still committing its last
/// batch is waited for by the memory's gate. A shutdown that runs out of time abandons the save.
/// </para>
/// </remarks>
internal sealed class IndexSnapshotService(TranslationMemoryCatalog catalog, ServerOptions options, ServerReadiness readiness) : BackgroundService
{

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // Nothing to save before the memories are loaded; nothing at all when they could not be.
            await readiness.Ready.WaitAsync(stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (!readiness.IsReady)
                return;
            // What the start analyzed (everything it did not load from a snapshot), at once.
            await catalog.SaveSnapshotsAsync(memory => !memory.LoadedFromSnapshot, stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(options.SnapshotCheckInterval, stoppingToken);
                if (catalog.RunningImports == 0)
                    await catalog.SaveSnapshotsAsync(ChangedEnough, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await catalog.SaveSnapshotsAsync(null, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Out of time: the database has everything, and the next start rebuilds what is not saved.
        }
    }

    // Enough segments changed (ServerOptions.SnapshotMinChanges), and a tenth of the memory at least.
    private bool ChangedEnough(MemoryIndex memory)
    {
        var changes = memory.ChangesSinceSnapshot;
        return changes >= options.SnapshotMinChanges && changes * 10 >= memory.Korean.Count;
    }
}
