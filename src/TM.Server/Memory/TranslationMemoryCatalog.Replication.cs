using TM.Storage;

namespace TM.Server.Memory;

/// <content>
/// Replicas: on a store other servers write too (PostgreSQL), every commit, this server's and theirs, reaches the
/// memories' indexes through the change-log follower, and the list of memories follows the store's.
/// </content>
public sealed partial class TranslationMemoryCatalog
{
    // Bumped under _createGate by every memory-level change made here (create, rename, delete, settings): a refresh
    // that read the store's list before such a change must not put the old state back.
    private long _memoryChanges;

    /// <summary>The change sequence the store had when <see cref="Load"/> began: the indexes hold at least everything up to it.</summary>
    private long _loadedThrough;

    /// <summary>The follower of a shared store's change log; null on the SQLite store, which this server alone writes.</summary>
    internal ChangeLogFollower? Follower { get; }

    /// <summary>
    /// On a shared store, follows its change log until <paramref name="stoppingToken"/> is cancelled (call after
    /// <see cref="Load"/>, before any write: this server's writes wait for it); completes at once on SQLite.
    /// </summary>
    public Task FollowChangesAsync(CancellationToken stoppingToken) =>
        Follower?.RunAsync(_loadedThrough, stoppingToken) ?? Task.CompletedTask;

    // A committed change, to the indexes: on SQLite through the memory's update queue, which waits while it is full;
    // on a shared store through the follower, which reads it back from the log in commit order.
    private Task<Task> IndexLaterAsync(MemoryIndex index, IndexChange change, long changeSequence)
    {
        if (Follower is null)
            return index.Updates.EnqueueAsync(change);
        Follower.Notify();
        return Task.FromResult(Follower.WhenApplied(changeSequence));
    }

    private Task IndexLater(MemoryIndex index, IndexChange change, long changeSequence)
    {
        if (Follower is null)
            return index.Updates.Enqueue(change);
        Follower.Notify();
        return Follower.WhenApplied(changeSequence);
    }

    // One read of the log: each memory takes its written pairs as replacements (a new pair is one replacing nothing) and
    // every deleted id (the log does not say whose it was; an id a memory does not hold is nothing to it).
    private void ApplyFromLog(SegmentChanges changes)
    {
        if (changes.Written.Count == 0 && changes.Deleted.Count == 0)
            return;
        var written = new Dictionary<long, List<StoredSegment>>();
        foreach (var record in changes.Written)
        {
            if (!written.TryGetValue(record.MemoryId, out var segments))
                written[record.MemoryId] = segments = [];
            segments.Add(record.Segment);
        }
        var indexes = IndexesById();
        foreach (var memoryId in written.Keys)
        {
            if (indexes.ContainsKey(memoryId))
                continue;
            // A memory another server created: its index starts empty, and its pairs are all in the log from here on.
            while (!RefreshMemories())
            {
            }
            indexes = IndexesById();
            break;
        }
        foreach (var index in indexes.Values)
        {
            var segments = written.GetValueOrDefault(index.Info.Id);
            if (segments is null && changes.Deleted.Count == 0)
                continue;
            index.Apply(new IndexChange([], segments ?? [], changes.Deleted));
        }
        _search.Notify();
    }

    /// <summary>
    /// Brings the memories held in line with the store's list: memories created elsewhere get an (empty) index, renamed
    /// ones their new name, deleted ones are dropped, and every memory takes its stored settings.
    /// </summary>
    /// <returns>False when a memory-level change made here overtook the read; the caller tries again.</returns>
    private bool RefreshMemories()
    {
        var before = Interlocked.Read(ref _memoryChanges);
        var stored = _store.ListMemories();
        var settings = new Dictionary<long, MemorySettings>(stored.Count);
        foreach (var info in stored)
            settings[info.Id] = _store.GetSettings(info.Id);
        lock (_createGate)
        {
            if (Interlocked.Read(ref _memoryChanges) != before)
                return false;
            var held = IndexesById();
            foreach (var info in stored)
            {
                if (held.Remove(info.Id, out var index))
                {
                    if (!string.Equals(index.Info.Name, info.Name, StringComparison.Ordinal))
                    {
                        _memories.TryRemove(index.Info.Name, out _);
                        index.Info = info;
                        _memories[info.Name] = index;
                    }
                    index.Settings = settings[info.Id];
                }
                else
                {
                    _memories[info.Name] = new MemoryIndex(info, _logger) { Settings = settings[info.Id] };
                }
            }
            foreach (var gone in held.Values)
            {
                // Only this index: another memory may have taken the name (deleted and created again elsewhere).
                _memories.TryRemove(KeyValuePair.Create(gone.Info.Name, gone));
                _snapshots?.Delete(gone.Info.Id);
            }
        }
        return true;
    }

    // Under _createGate: a memory-level change made here.
    private void MemoryChanged() => Interlocked.Increment(ref _memoryChanges);

    private Dictionary<long, MemoryIndex> IndexesById()
    {
        var byId = new Dictionary<long, MemoryIndex>();
        foreach (var index in _memories.Values)
            byId[index.Info.Id] = index;
        return byId;
    }
}
