using System.Diagnostics;
using Microsoft.Extensions.Logging;
using TM.Storage;

namespace TM.Server.Memory;

/// <summary>
/// Keeps this server's in-memory indexes in step with a store other servers write too (PostgreSQL shared by
/// replicas): reads the store's change log in order and hands each read to the catalog to apply. Every commit takes
/// this one path, this server's own included, so a local write and another server's write to the same pair reach the
/// indexes in the order they committed.
/// </summary>
/// <remarks>
/// <para>
/// Woken by the store's announcements (LISTEN/NOTIFY: another server's commit is found within a round trip) and by
/// this server's own commits; every <see cref="PollInterval"/> it reads the log anyway, which catches what an
/// announcement missed while the listener reconnected, and refreshes the list of memories (created, renamed, deleted
/// or reconfigured elsewhere), which the log does not carry.
/// </para>
/// <para>
/// While the store cannot be read the indexes stay as they are (lookups go on from them) and the follower retries
/// every <see cref="PollInterval"/>; when the store answers again it takes up the log where it stopped. Applying is
/// idempotent (a written pair replaces what the indexes hold for its id, a deleted id that is not there is nothing),
/// so starting from an earlier position than needed, as a start does, only costs time.
/// </para>
/// </remarks>
internal sealed class ChangeLogFollower : IDisposable
{
    /// <summary>Segments read from the store per step: a bounded read (~3 MB of text) however far behind the follower is.</summary>
    public const int ReadStep = 5_000;

    /// <summary>How often the log is read without an announcement, and the memory list refreshed.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    private readonly ISharedSegmentStore _store;
    private readonly Action<SegmentChanges> _apply;
    private readonly Action _refreshMemories;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly ChangeSequenceWaiters _applied = new();
    private ChangeCursor _cursor = ChangeCursor.Start;
    private long _unreachableSince;
    private volatile Exception? _failure;

    /// <summary>Creates the follower; <see cref="RunAsync"/> follows from the position given.</summary>
    /// <param name="store">The shared store.</param>
    /// <param name="apply">Applies one read of the log to the indexes, on the follower's thread, one read at a time.</param>
    /// <param name="refreshMemories">Brings the list of memories and their settings in line with the store.</param>
    /// <param name="logger">Where outages and failures are logged.</param>
    public ChangeLogFollower(ISharedSegmentStore store, Action<SegmentChanges> apply, Action refreshMemories, ILogger logger)
    {
        _store = store;
        _apply = apply;
        _refreshMemories = refreshMemories;
        _logger = logger;
    }

    /// <summary>Held while a read is applied: a snapshot of the indexes taken under it matches <see cref="AppliedThrough"/> exactly.</summary>
    public SemaphoreSlim ApplyGate { get; } = new(1, 1);

    /// <summary>The last change sequence the indexes hold every change up to; -1 before the follower starts.</summary>
    public long AppliedThrough => _applied.Reached;

    /// <summary>True while the store cannot be read: the indexes stand at <see cref="AppliedThrough"/>.</summary>
    public bool StoreUnreachable => Interlocked.Read(ref _unreachableSince) != 0;

    /// <summary>The error that made the store unreachable (or the last read fail); null while the follower is well.</summary>
    public Exception? Failure => _failure;

    /// <summary>Wakes the follower: this server has committed a change.</summary>
    public void Notify()
    {
        try
        {
            if (_wake.CurrentCount == 0)
                _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Another commit woke it in between: one wake-up covers both.
        }
    }

    /// <summary>
    /// Completes once the indexes hold every change up to <paramref name="changeSequence"/>; at once for 0 (nothing
    /// changed). Faults when the store becomes unreachable first (the exception says so, with Npgsql's inside).
    /// </summary>
    public Task WhenApplied(long changeSequence) => _applied.WhenReached(changeSequence);

    /// <summary>Follows the log from after <paramref name="loadedThrough"/> until <paramref name="stoppingToken"/> is cancelled.</summary>
    /// <param name="loadedThrough">A change sequence the indexes held everything up to when they were loaded.</param>
    /// <param name="stoppingToken">The server is stopping.</param>
    public async Task RunAsync(long loadedThrough, CancellationToken stoppingToken)
    {
        _cursor = ChangeCursor.After(loadedThrough);
        _applied.Reach(loadedThrough);
        using var listener = _store.ListenForChanges();
        using var listening = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var announcements = ListenAsync(listener, listening.Token);
        var lastRefresh = Stopwatch.GetTimestamp();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var complete = await ReadOnceAsync(stoppingToken);
                if (!complete)
                    continue;
                if (Stopwatch.GetElapsedTime(lastRefresh) >= PollInterval && !StoreUnreachable)
                {
                    RefreshMemories();
                    lastRefresh = Stopwatch.GetTimestamp();
                }
                await _wake.WaitAsync(PollInterval, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            await listening.CancelAsync();
            await announcements.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    // One read of the log, applied; true when it reached the end of the log (or could not read it).
    private async Task<bool> ReadOnceAsync(CancellationToken stoppingToken)
    {
        SegmentChanges changes;
        try
        {
            changes = _store.ReadChanges(_cursor, ReadStep);
            Reachable();
            await ApplyGate.WaitAsync(stoppingToken);
            try
            {
                _apply(changes);
                _failure = null;
            }
            finally
            {
                ApplyGate.Release();
            }
        }
        catch (Exception e) when (SharedStoreFailure.IsUnreachable(e))
        {
            // Reading the log, or applying it (which reads the store too: the memory list, for a memory created
            // elsewhere): an outage.
            Unreachable(e);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Any other failure (a query the database refused): nothing is skipped, the same read is tried again after a
            // pause, and the server goes on serving meanwhile rather than stopping on a follower's error.
            await FailedAsync(e, stoppingToken);
            return true;
        }
        _cursor = changes.Next;
        _applied.Reach(changes.AppliedThrough);
        return changes.Complete;
    }

    private async Task FailedAsync(Exception e, CancellationToken stoppingToken)
    {
        _failure = e;
        ServerLog.ChangeLogApplyFailed(_logger, AppliedThrough, e);
        await Task.Delay(PollInterval, stoppingToken);
    }

    private void RefreshMemories()
    {
        try
        {
            _refreshMemories();
        }
        catch (Exception e) when (SharedStoreFailure.IsUnreachable(e))
        {
            Unreachable(e);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Tried again at the next poll.
            _failure = e;
            ServerLog.ChangeLogApplyFailed(_logger, AppliedThrough, e);
        }
    }

    private void Unreachable(Exception e)
    {
        _failure = e;
        if (Interlocked.CompareExchange(ref _unreachableSince, Stopwatch.GetTimestamp(), 0) == 0)
            ServerLog.SharedStoreUnreachable(_logger, e.Message, AppliedThrough, PollInterval.TotalSeconds);
        // A write that committed just before the outage cannot be read back now: its call fails with the outage
        // (UNAVAILABLE) rather than wait for the database; the indexes take the write when it is back.
        _applied.FailAll(new InvalidOperationException($"The change was committed, but this server cannot read it back to index it: {e.Message}", e));
    }

    private void Reachable()
    {
        var since = Interlocked.Exchange(ref _unreachableSince, 0);
        if (since != 0)
        {
            _failure = null;
            ServerLog.SharedStoreBack(_logger, Stopwatch.GetElapsedTime(since).TotalSeconds);
        }
    }

    // Turns the store's announcements into wake-ups, until stopped.
    private async Task ListenAsync(IChangeListener listener, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            if (await listener.WaitAsync(PollInterval, cancellationToken))
                Notify();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _wake.Dispose();
        ApplyGate.Dispose();
    }
}
