namespace TM.Server.Memory;

/// <summary>
/// Calls waiting for a follower of the store's change log to reach a change sequence: the search index's follower
/// (searchable) and the shared store's (in the in-memory indexes). Thread-safe.
/// </summary>
internal sealed class ChangeSequenceWaiters
{
    private readonly Lock _gate = new();
    private readonly List<(long Sequence, TaskCompletionSource Reached)> _waiters = [];
    private long _reached = -1;

    /// <summary>The last sequence reached: every change up to it is there; -1 before the first.</summary>
    public long Reached
    {
        get
        {
            lock (_gate)
                return _reached;
        }
    }

    /// <summary>True while a call waits for a sequence not reached yet.</summary>
    public bool HasWaiters
    {
        get
        {
            lock (_gate)
                return _waiters.Count > 0;
        }
    }

    /// <summary>A task that completes once <paramref name="sequence"/> is reached; at once for 0 (a commit that changed nothing) or one reached already.</summary>
    public Task WhenReached(long sequence)
    {
        if (sequence <= 0)
            return Task.CompletedTask;
        lock (_gate)
        {
            if (sequence <= _reached)
                return Task.CompletedTask;
            var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((sequence, waiter));
            return waiter.Task;
        }
    }

    /// <summary>
    /// Records that every change up to <paramref name="through"/> is there, and completes the waits it covers. It may be
    /// lower than before (an index rebuilt from the start): waits from then on wait for it to get there again.
    /// </summary>
    public void Reach(long through)
    {
        List<TaskCompletionSource>? ready = null;
        lock (_gate)
        {
            _reached = through;
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Sequence <= through)
                {
                    (ready ??= []).Add(_waiters[i].Reached);
                    _waiters.RemoveAt(i);
                }
            }
        }
        if (ready is not null)
        {
            foreach (var waiter in ready)
                waiter.TrySetResult();
        }
    }

    /// <summary>Fails every wait with <paramref name="exception"/> (the follower cannot get there now).</summary>
    public void FailAll(Exception exception)
    {
        List<TaskCompletionSource> failed;
        lock (_gate)
        {
            failed = [.. _waiters.Select(w => w.Reached)];
            _waiters.Clear();
        }
        foreach (var waiter in failed)
            waiter.TrySetException(exception);
    }
}
