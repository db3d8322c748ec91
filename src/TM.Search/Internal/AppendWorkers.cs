using System.Collections.Concurrent;

namespace TM.Search.Internal;

/// <summary>
/// Dedicated threads that add blocks of new documents to the index writer, taking the next block as soon as they are
/// done with theirs, so that no thread waits for another between one call's documents and the next call's.
/// </summary>
/// <remarks>
/// Lucene.Net flushes a thread's buffered segment on the thread whose document fills the RAM buffer, which takes that
/// thread away for a while. When each call split its documents between the threads and waited for both (the earlier
/// design), the other thread sat idle through every such flush: two threads indexed 10,600–10,800 pairs/s, against
/// 12,400–14,800 with two threads pulling 1,000-document blocks from a queue (<c>concordance</c> benchmark's build at
/// 300,000 pairs, the same machine and hour). The queue is bounded, so a caller that runs ahead waits instead of
/// holding more than <see cref="Capacity"/> blocks of documents in memory.
/// </remarks>
internal sealed class AppendWorkers : IDisposable
{
    /// <summary>Documents per block: small enough to keep both threads busy with a 5,000-pair batch.</summary>
    public const int BlockSize = 1_000;

    /// <summary>Blocks queued at most (~8,000 documents, ~5 MB of text).</summary>
    public const int Capacity = 8;

    private readonly BlockingCollection<Block> _queue = new(Capacity);
    private readonly Action<IReadOnlyList<IndexedSegment>, int, int> _add;
    private readonly Thread[] _threads;
    // Guards _pending and _failure; an object, not a Lock, since Drain waits on it with Monitor.Wait.
    private readonly object _gate = new();
    private int _pending;
    private Exception? _failure;
    private volatile bool _stopping;

    /// <param name="threads">How many threads add blocks at once.</param>
    /// <param name="add">Adds documents [start, end) of a list to the writer; called on the workers' threads.</param>
    public AppendWorkers(int threads, Action<IReadOnlyList<IndexedSegment>, int, int> add)
    {
        _add = add;
        _threads = new Thread[threads];
        for (int i = 0; i < threads; i++)
        {
            _threads[i] = new Thread(Work) { IsBackground = true, Name = "TM search index append" };
            _threads[i].Start();
        }
    }

    /// <summary>
    /// Queues <paramref name="documents"/> in blocks (waiting while the queue is full); the task completes once every
    /// block is in the writer, and faults if one could not be added.
    /// </summary>
    public Task Enqueue(IReadOnlyList<IndexedSegment> documents)
    {
        ThrowIfFailed();
        if (documents.Count == 0)
        {
            return Task.CompletedTask;
        }

        var call = new Call((documents.Count + BlockSize - 1) / BlockSize);
        for (int start = 0; start < documents.Count; start += BlockSize)
        {
            lock (_gate)
            {
                _pending++;
            }

            _queue.Add(new Block(documents, start, Math.Min(documents.Count, start + BlockSize), call));
        }

        return call.Completion.Task;
    }

    /// <summary>Waits until every queued block is in the writer; throws what a failed block threw.</summary>
    public void Drain()
    {
        lock (_gate)
        {
            while (_pending > 0)
            {
                Monitor.Wait(_gate);
            }
        }

        ThrowIfFailed();
    }

    /// <summary>Stops the threads; blocks still queued are not added (their calls' tasks are cancelled).</summary>
    public void Dispose()
    {
        _stopping = true;
        _queue.CompleteAdding();
        foreach (Thread thread in _threads)
        {
            thread.Join();
        }

        _queue.Dispose();
    }

    private void Work()
    {
        foreach (Block block in _queue.GetConsumingEnumerable())
        {
            try
            {
                if (_stopping)
                {
                    block.Call.Completion.TrySetCanceled();
                }
                else
                {
                    _add(block.Documents, block.Start, block.End);
                    if (Interlocked.Decrement(ref block.Call.Remaining) == 0)
                    {
                        block.Call.Completion.TrySetResult();
                    }
                }
            }
            catch (Exception e)
            {
                lock (_gate)
                {
                    _failure ??= e;
                }

                block.Call.Completion.TrySetException(e);
            }
            finally
            {
                lock (_gate)
                {
                    if (--_pending == 0)
                    {
                        Monitor.PulseAll(_gate);
                    }
                }
            }
        }
    }

    // A writer that failed to take a block is not to be trusted with more: its owner reopens the index from the last commit.
    private void ThrowIfFailed()
    {
        Exception? failure;
        lock (_gate)
        {
            failure = _failure;
        }

        if (failure is not null)
        {
            throw new InvalidOperationException("The search index failed to add documents; reopen it from its last commit.", failure);
        }
    }

    private sealed class Call(int blocks)
    {
        public readonly TaskCompletionSource Completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public int Remaining = blocks;
    }

    private readonly record struct Block(IReadOnlyList<IndexedSegment> Documents, int Start, int End, Call Call);
}
