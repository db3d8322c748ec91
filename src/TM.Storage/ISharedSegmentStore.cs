namespace TM.Storage;

/// <summary>
/// A store that other servers write to as well (PostgreSQL shared by replicas): each server keeps its indexes in step
/// by following the store's change log (<see cref="ISegmentStore.ReadChanges"/>), woken by <see cref="ListenForChanges"/>.
/// The SQLite store is not one: its data directory belongs to one server.
/// </summary>
public interface ISharedSegmentStore : ISegmentStore
{
    /// <summary>Starts listening for commits, by any server, that append to the change log.</summary>
    /// <remarks>The listener holds a connection of its own; dispose it to stop.</remarks>
    IChangeListener ListenForChanges();
}
