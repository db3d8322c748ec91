using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace TM.Server.Memory;

/// <summary>
/// Applies committed batches to one memory's in-memory indexes on a worker of its own, in commit order, so that a
/// bulk import does not wait for indexing before it commits its next batch: parsing, SQLite and indexing overlap.
/// </summary>
/// <remarks>
/// At most <see cref="MaxPending"/> batches wait; a writer that would add one more waits for the worker. That
/// bounds the memory a fast import can pile up here (a batch of 5,000 pairs is a few MB) and passes the indexing
/// rate back to the parser and, through the upload pipe, to the client.
/// </remarks>
internal sealed class IndexUpdateQueue
{
    /// <summary>Batches that may wait for the worker: enough to smooth out a slow batch, few enough to be small.</summary>
    public const int MaxPending = 2;

    private readonly MemoryIndex _index;
    private readonly ILogger? _logger;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SemaphoreSlim _slots = new(MaxPending, MaxPending);
    private Task _last = Task.CompletedTask;
    private volatile bool _failed;

    public IndexUpdateQueue(MemoryIndex index, ILogger? logger)
    {
        _index = index;
        _logger = logger;
        // Without the creating call's context: a memory made by an import would otherwise log its index failures,
        // for the server's lifetime, in that call's log scope (its method and caller).
        using (ExecutionContext.SuppressFlow())
            _ = Task.Run(RunAsync);
    }

    /// <summary>True once a batch could not be applied: the indexes then lack committed segments until the next start.</summary>
    public bool HasFailed => _failed;

    /// <summary>A task that completes once every batch enqueued so far has been applied.</summary>
    public Task WhenApplied => Volatile.Read(ref _last);

    /// <summary>Queues a change, blocking while <see cref="MaxPending"/> are waiting; the task completes when it is applied.</summary>
    /// <remarks>Callers enqueue under the memory's write gate, so the queue's order is the store's commit order.</remarks>
    public Task Enqueue(IndexChange change)
    {
        if (change.IsEmpty)
            return WhenApplied;
        _slots.Wait();
        return Add(change);
    }

    /// <summary>Queues a change, waiting asynchronously while <see cref="MaxPending"/> are waiting.</summary>
    public async Task<Task> EnqueueAsync(IndexChange change)
    {
        if (change.IsEmpty)
            return WhenApplied;
        // Not cancellable: the change is committed, so it must reach the index whatever happens to the request.
        await _slots.WaitAsync(CancellationToken.None);
        return Add(change);
    }

    private Task Add(IndexChange change)
    {
        var pending = new Pending(change, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        Volatile.Write(ref _last, pending.Applied.Task);
        if (!_queue.Writer.TryWrite(pending))
            throw new InvalidOperationException("The index update queue is closed.");
        return pending.Applied.Task;
    }

    private async Task RunAsync()
    {
        await foreach (var pending in _queue.Reader.ReadAllAsync())
        {
            try
            {
                _index.Apply(pending.Change);
                pending.Applied.SetResult();
            }
            catch (Exception e)
            {
                // The store has the batch; the index catches up at the next start. Lookups meanwhile miss it.
                _failed = true;
                if (_logger is not null)
                    ServerLog.IndexUpdateFailed(_logger, _index.Info.Name, e);
                pending.Applied.SetException(e);
            }
            finally
            {
                _slots.Release();
            }
        }
    }

    private sealed record Pending(IndexChange Change, TaskCompletionSource Applied);
}
