using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TM.Search;
using TM.Server.Hosting;
using TM.Server.Memory;
using TM.Storage;

namespace TM.Server.Concordance;

/// <summary>
/// Keeps the Lucene search index (<c>tm.db-lucene/</c> beside the database) in step with the store, the source of
/// truth, by following the store's change log: every committed batch is read back, applied to the index and made
/// searchable (a near-real-time reopen) before the imports waiting on it are told so.
/// </summary>
/// <remarks>
/// <para>
/// One loop does it all: at start it takes up the log where the index's last commit left it (the commit's user data
/// says how far, and of which database file), or from the beginning when the index is missing, damaged or belongs to
/// another file; then it follows new commits as they are signalled. The log is read in steps of
/// <see cref="ReadStep"/> segments, so a million-pair import that runs ahead of the index holds no more than a step in
/// memory: what is not indexed yet waits in SQLite, and nothing is lost if the process dies.
/// </para>
/// <para>
/// The index is committed (made durable, with the log position) every <see cref="CommitInterval"/> while it changes
/// (during a bulk load, with the first reopen after that) and when the server stops; after a kill it re-reads at most
/// that much of the log (or one reopen interval, if that is longer). Deletions the index has committed are then pruned
/// from the store.
/// </para>
/// </remarks>
public sealed class SearchIndexFollower : BackgroundService
{
    /// <summary>Segments read from the store per step: ~3 MB of text, ~0.2 s of indexing.</summary>
    public const int ReadStep = 5_000;

    /// <summary>How often a changing index is committed to disk.</summary>
    public static readonly TimeSpan CommitInterval = TimeSpan.FromSeconds(30);

    /// <summary>Pairs written in one step of the log that make it part of a bulk load.</summary>
    private const int BulkStep = 1_000;

    private static readonly TimeSpan RetryPause = TimeSpan.FromSeconds(5);

    private const string StoreIdKey = "tm.store_id";
    private const string ChangeSequenceKey = "tm.change_seq";
    private const string LastSegmentIdKey = "tm.last_segment_id";

    private readonly ISegmentStore _store;
    private readonly bool _keepsRecords;

    // How often the index is reopened for searches during a bulk load (steps of at least BulkStep pairs: an import's
    // batches, or a backlog) while no call waits for it (ServerOptions.SearchRefreshInterval, 30 s by default). A call
    // that waits (the end of an import, an edit, a deleted memory) has it reopened at once, and so does a small change
    // (an edit on another replica). Each reopen flushes Lucene's buffers into a new segment on this thread while the
    // indexing threads idle, and the segments made must be merged again. Reopening after every 5,000-pair batch cost
    // ~15% of the server's CPU in flushes alone (perf, 200,000-pair import). A million-pair import, first byte to
    // searchable: every 5 s 60.8–75.8 s (median 68.2 s, ten runs), every 30 s with commits joined to reopens
    // 55.5–72.7 s (median 62.0 s, fourteen runs); perf samples in merges 1,379 → 484 of 13,101 → 12,286.
    private readonly TimeSpan _refreshInterval;
    private readonly ILogger<SearchIndexFollower> _logger;
    private readonly SemaphoreSlim _signal = new(0, 1);
    private readonly ChangeSequenceWaiters _searchableThrough = new();
    private readonly Lock _searchableGate = new();
    private readonly TaskCompletionSource _caughtUp = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private SegmentSearchIndex? _index;
    private volatile string _state = "opening the search index";
    private volatile Exception? _failure;

    // Guarded by _searchableGate: how far searches see.
    private ChangeCursor _searchable = ChangeCursor.Start;

    // The loop's own state: where it reads the log next, what it has applied and committed.
    private long _storeId;
    private long _lastSegmentId;
    private ChangeCursor _cursor = ChangeCursor.Start;
    private long _appliedThrough = -1;
    private long _committedThrough = -1;
    private long _lastCommit;
    private string _phase = "";

    /// <summary>Creates the follower of <paramref name="store"/>; it opens the index when the host starts it.</summary>
    /// <param name="store">The store whose changes the index follows.</param>
    /// <param name="options">Where the data directory is: the index is a local cache there, whichever store the server runs on.</param>
    /// <param name="logger">Where the index's rebuilds and problems are logged.</param>
    public SearchIndexFollower(ISegmentStore store, ServerOptions options, ILogger<SearchIndexFollower> logger)
    {
        _store = store;
        _logger = logger;
        _refreshInterval = options.SearchRefreshInterval;
        DirectoryPath = options.DatabasePath + "-lucene";
        // Only beside a store other servers share: that store can be down while this server still answers. SQLite is
        // in the same process, and its pairs are not worth a second copy on disk.
        _keepsRecords = store is ISharedSegmentStore;
    }

    /// <summary>Where the index lives: in the data directory, named after the SQLite database.</summary>
    public string DirectoryPath { get; }

    /// <summary>True once the index has taken up every change the store had when the server started.</summary>
    public bool IsCaughtUp => _caughtUp.Task.IsCompletedSuccessfully;

    /// <summary>Where searches stand in the store's change log: every change up to here is searchable.</summary>
    public ChangeCursor Searchable
    {
        get
        {
            lock (_searchableGate)
                return _searchable;
        }
    }

    /// <summary>What the follower is doing, for health reports.</summary>
    public string State => _state;

    /// <summary>The last error that stopped the follower, until it recovers; null when it is well.</summary>
    public Exception? Failure => _failure;

    /// <summary>Wakes the follower: the store has committed changes.</summary>
    public void Notify()
    {
        try
        {
            if (_signal.CurrentCount == 0)
                _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Another commit woke it in between: one wake-up covers both.
        }
    }

    /// <summary>
    /// A task that completes once every change up to <paramref name="changeSequence"/> is searchable; at once for 0 (a
    /// batch that changed nothing). It faults when the index fails to take the changes.
    /// </summary>
    public Task WhenSearchable(long changeSequence)
    {
        var reached = _searchableThrough.WhenReached(changeSequence);
        if (!reached.IsCompleted)
        {
            // The follower may be holding applied changes back until its next reopen: a waiting call has them published now.
            Notify();
        }
        return reached;
    }

    /// <summary>Runs a concordance search; waits up to <paramref name="wait"/> for the index to catch up at start.</summary>
    /// <exception cref="SearchIndexUnavailableException">The index is still taking up the store's changes.</exception>
    public async Task<ConcordanceHits> SearchAsync(ConcordanceQuery query, TimeSpan wait, CancellationToken cancellationToken) =>
        (await ReadyIndexAsync(wait, cancellationToken)).Search(query);

    /// <summary>The ids of the segments passing <paramref name="filter"/>; waits up to <paramref name="wait"/> for the index to catch up at start.</summary>
    /// <exception cref="SearchIndexUnavailableException">The index is still taking up the store's changes.</exception>
    public async Task<SegmentIdSet> MatchingIdsAsync(SegmentFilter filter, TimeSpan wait, CancellationToken cancellationToken) =>
        (await ReadyIndexAsync(wait, cancellationToken)).MatchingIds(filter);

    private async Task<SegmentSearchIndex> ReadyIndexAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        if (!IsCaughtUp)
        {
            await _caughtUp.Task.WaitAsync(wait, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            cancellationToken.ThrowIfCancellationRequested();
            if (!IsCaughtUp)
                throw new SearchIndexUnavailableException($"The search index is not ready: {_state}. Try again shortly; lookups without filters and imports work meanwhile.");
        }
        return Volatile.Read(ref _index) ?? throw new SearchIndexUnavailableException($"The search index is not open: {_state}. Try again shortly.");
    }

    /// <summary>
    /// The pairs with these ids as the index holds them: on a shared store the index keeps a copy of every pair
    /// (<see cref="SegmentRecordPayload"/>), read while the database is down; empty on SQLite, which keeps none.
    /// </summary>
    public IReadOnlyList<SegmentRecord> GetStoredRecords(IReadOnlyList<long> ids)
    {
        var index = Volatile.Read(ref _index);
        if (index is null || !_keepsRecords)
            return [];
        var payloads = index.GetPayloads(ids);
        var records = new List<SegmentRecord>(payloads.Count);
        foreach (var payload in payloads)
            records.Add(SegmentRecordPayload.Decode(payload));
        return records;
    }

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        // Indexing is CPU work of its own: a dedicated thread, not the thread pool's.
        Task.Factory.StartNew(() => Run(stoppingToken), stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        var index = Interlocked.Exchange(ref _index, null);
        if (index is null)
            return;
        try
        {
            CommitIndex(index);
        }
        catch (Exception e)
        {
            // The next start re-reads the log from the last commit that did succeed.
            ServerLog.SearchIndexCommitFailed(_logger, e);
        }
        finally
        {
            index.Dispose();
        }
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        Interlocked.Exchange(ref _index, null)?.Dispose();
        _signal.Dispose();
        base.Dispose();
    }

    private void Run(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                Open();
                Follow(stoppingToken);
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // Whatever the index missed stays in the store's log: reopening takes it up from the last commit.
                _failure = e;
                _state = $"failed ({e.Message}); retrying";
                ServerLog.SearchIndexFailed(_logger, RetryPause.TotalSeconds, e);
                FailWaiters(e);
                Interlocked.Exchange(ref _index, null)?.Dispose();
                stoppingToken.WaitHandle.WaitOne(RetryPause);
            }
        }
    }

    private void Open()
    {
        _storeId = _store.StoreId();
        var started = Stopwatch.GetTimestamp();
        SegmentSearchIndex index;
        string? rebuildReason = null;
        try
        {
            index = SegmentSearchIndex.Open(DirectoryPath, MergeFailed);
        }
        catch (SearchIndexDamagedException e)
        {
            // The index is only ever a copy of the store: a damaged one is thrown away and built again.
            rebuildReason = $"it could not be read ({e.Message})";
            Directory.Delete(DirectoryPath, recursive: true);
            index = SegmentSearchIndex.Open(DirectoryPath, MergeFailed);
        }
        var data = index.CommitData;
        if (rebuildReason is null)
        {
            if (!data.TryGetValue(StoreIdKey, out var storeId))
                rebuildReason = "there was none";
            else if (storeId != _storeId.ToString(CultureInfo.InvariantCulture))
                rebuildReason = "it was built from another database file (a restored backup, or a file put in place of the old one)";
        }
        if (rebuildReason is not null)
        {
            ServerLog.SearchIndexRebuilding(_logger, DirectoryPath, rebuildReason);
            index.DeleteAll();
            _cursor = ChangeCursor.Start;
            _lastSegmentId = 0;
        }
        else
        {
            var through = long.Parse(data[ChangeSequenceKey], CultureInfo.InvariantCulture);
            _cursor = ChangeCursor.After(through);
            _lastSegmentId = long.Parse(data[LastSegmentIdKey], CultureInfo.InvariantCulture);
        }
        _committedThrough = _appliedThrough = _cursor.Sequence;
        _lastCommit = Stopwatch.GetTimestamp();
        Volatile.Write(ref _index, index);
        _failure = null;
        _phase = rebuildReason is null ? "taking up the changes since its last commit" : "rebuilding it from the database";
        _state = _phase;
        ServerLog.SearchIndexOpened(_logger, DirectoryPath, index.Count(), Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    private void Follow(CancellationToken stoppingToken)
    {
        var index = _index!;
        var catchUpStarted = Stopwatch.GetTimestamp();
        var lastRefresh = Stopwatch.GetTimestamp();
        var bulk = false; // a bulk-sized step since the last reopen
        long applied = 0;
        // Steps handed to the index and not yet published, oldest first: while their documents are being added by the
        // index's own threads, this thread reads the next step from the store. The index's queue is bounded
        // (UpsertAsync waits while it is full), so a backlog stays in the store, not in memory.
        var inFlight = new Queue<IndexStep>();
        while (!stoppingToken.IsCancellationRequested)
        {
            var changes = _store.ReadChanges(_cursor, ReadStep);
            if (changes.Deleted.Count > 0)
                index.Delete(changes.Deleted);
            var documents = new IndexedSegment[changes.Written.Count];
            for (var i = 0; i < documents.Length; i++)
            {
                documents[i] = SearchDocuments.From(changes.Written[i], _keepsRecords);
                _lastSegmentId = Math.Max(_lastSegmentId, documents[i].Id);
            }
            inFlight.Enqueue(new IndexStep(index.UpsertAsync(documents), changes.Next, changes.AppliedThrough));
            applied += changes.Written.Count + changes.Deleted.Count;
            _cursor = changes.Next;
            _appliedThrough = changes.AppliedThrough;

            // Taking up the log at start, nobody can search yet: the index is reopened when it has caught up. Then it is
            // reopened at once for small changes and waiting calls, and during a bulk load at most every _refreshInterval.
            bulk |= changes.Written.Count >= BulkStep;
            var due = Stopwatch.GetElapsedTime(lastRefresh) >= _refreshInterval;
            if (changes.Complete ? !IsCaughtUp || due || !bulk || _searchableThrough.HasWaiters : IsCaughtUp && due)
            {
                // Caught up: everything read must be searchable before the callers waiting on it are told so. Behind:
                // publish the steps already in the index, without waiting for the rest.
                IndexStep? done = null;
                while (inFlight.TryPeek(out var step) && (changes.Complete || step.Added.IsCompleted))
                {
                    step.Added.GetAwaiter().GetResult();
                    done = inFlight.Dequeue();
                }
                index.Refresh();
                lastRefresh = Stopwatch.GetTimestamp();
                bulk = false;
                if (done is { } published)
                    Publish(published.Next, published.AppliedThrough);
            }
            if (!IsCaughtUp)
                _state = $"{_phase}: {applied.ToString("N0", CultureInfo.InvariantCulture)} segments so far";
            if (changes.Complete && !IsCaughtUp)
            {
                ServerLog.SearchIndexCaughtUp(_logger, applied, index.Count(), Stopwatch.GetElapsedTime(catchUpStarted).TotalSeconds);
                _state = "following the store";
                _caughtUp.TrySetResult();
                // A rebuild is worth keeping at once: a kill now would otherwise cost it again.
                CommitIndex(index);
            }
            // A commit flushes Lucene's buffers as a reopen does: during a bulk load it waits for the next reopen (just
            // above) instead of flushing a segment of its own in between. A million-pair import reopening every 30 s took
            // a median 62.0 s with commits of their own every 30 s, 57.4 s with none during it (three runs each).
            if (Stopwatch.GetElapsedTime(_lastCommit) >= CommitInterval && _appliedThrough != _committedThrough && (!bulk || !IsCaughtUp))
                CommitIndex(index);
            if (changes.Complete)
            {
                if (inFlight.Count > 0)
                {
                    // Changes applied and not yet published: sleep until a commit or a waiting call signals, or the reopen is due.
                    var untilRefresh = _refreshInterval - Stopwatch.GetElapsedTime(lastRefresh);
                    if (untilRefresh > TimeSpan.Zero)
                        _signal.Wait(untilRefresh, stoppingToken);
                }
                else if (!_signal.Wait(CommitInterval, stoppingToken) && _appliedThrough != _committedThrough)
                {
                    // Idle: sleep until a commit signals, committing what changed once the interval has passed.
                    CommitIndex(index);
                }
            }
        }
    }

    // On a Lucene merge thread: the index stays whole, and nothing is pending that a caller waits on.
    private void MergeFailed(Exception exception) => ServerLog.SearchIndexMergeFailed(_logger, exception);

    private void CommitIndex(SegmentSearchIndex index)
    {
        var through = _appliedThrough;
        // From the start of the commit: during a bulk load the next one comes with the first reopen a CommitInterval after
        // this one's, and the reopen that preceded this commit started before it.
        _lastCommit = Stopwatch.GetTimestamp();
        // A deleted memory's pairs leave the disk only in a merge: at once, rather than after months of imports.
        index.MergeAwayDeletions();
        index.Commit(new Dictionary<string, string>
        {
            [StoreIdKey] = _storeId.ToString(CultureInfo.InvariantCulture),
            [ChangeSequenceKey] = through.ToString(CultureInfo.InvariantCulture),
            [LastSegmentIdKey] = _lastSegmentId.ToString(CultureInfo.InvariantCulture),
        });
        _committedThrough = through;
        // The deletions up to here are in the index on disk: the SQLite store need not keep them for it any more.
        // The PostgreSQL store keeps its change log for every replica, so one replica's index cannot prune it.
        if (through > 0 && _store is SegmentStore sqlite)
            sqlite.PruneDeletions(through);
    }

    private void Publish(ChangeCursor cursor, long through)
    {
        lock (_searchableGate)
            _searchable = cursor;
        _searchableThrough.Reach(through);
    }

    private void FailWaiters(Exception exception) =>
        _searchableThrough.FailAll(new InvalidOperationException("The concordance index could not take the committed pairs; the server retries (see its log).", exception));

    /// <summary>One step of the log handed to the index: done when <paramref name="Added"/> completes.</summary>
    private readonly record struct IndexStep(Task Added, ChangeCursor Next, long AppliedThrough);
}
