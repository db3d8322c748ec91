using Microsoft.Extensions.Hosting;
using TM.Server.Memory;

namespace TM.Server.Hosting;

/// <summary>
/// Keeps the index snapshots current: after a start that had to analyze a memory (no snapshot, or a stale one: the
/// server was killed after writing to it) it saves one in the background, so a second crash does not cost the same
/// wait; at shutdown it saves those of the memories written since.
/// </summary>
/// <remarks>
/// Registered after the gRPC services' dependencies, so the host stops it after the imports were told to stop
/// (ApplicationStopping comes first); an import still committing its last batch is waited for by the memory's gate.
/// A shutdown that runs out of time abandons the save: the next start rebuilds that memory.
/// </remarks>
internal sealed class IndexSnapshotService(TranslationMemoryCatalog catalog) : IHostedService
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _afterStart = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _afterStart = Task.Run(() => catalog.SaveSnapshotsAsync(_stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _afterStart.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        try
        {
            await catalog.SaveSnapshotsAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Out of time: the database has everything, and the next start rebuilds what is not saved.
        }
    }
}
