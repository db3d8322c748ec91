namespace TM.Storage;

/// <summary>Tells a follower of a shared store's change log that some server committed changes (<see cref="ISharedSegmentStore.ListenForChanges"/>).</summary>
public interface IChangeListener : IDisposable
{
    /// <summary>
    /// Waits until a commit is announced or <paramref name="timeout"/> passes. A follower reads the log after either:
    /// announcements can be missed (while the listener reconnects after the database went away), so the timeout is the
    /// follower's polling interval, and a reconnection returns true at once because commits may have gone unannounced.
    /// </summary>
    /// <returns>True when a commit was announced (or may have been missed); false when the timeout passed quietly.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken);
}
