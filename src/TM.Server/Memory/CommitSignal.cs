namespace TM.Server.Memory;

/// <summary>Wakes whoever waits for the store to have new segments (the concordance indexer); many sets before a wait count as one.</summary>
internal sealed class CommitSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Set()
    {
        try
        {
            if (_signal.CurrentCount == 0)
                _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Another commit set it in between: one wake-up covers both.
        }
    }

    /// <summary>Waits for a set, at most <paramref name="timeout"/>; true when one came.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}
