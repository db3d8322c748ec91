using TM.Storage;

namespace TM.Server.Memory;

/// <content>Memories as objects: created on purpose, described, with the Lookup defaults their users agree on.</content>
public sealed partial class TranslationMemoryCatalog
{
    /// <summary>Creates an empty memory with <paramref name="settings"/>.</summary>
    /// <exception cref="ArgumentException">The name breaks <see cref="MemoryNameRule.Rule"/>.</exception>
    /// <exception cref="MemoryExistsException">A memory has that name.</exception>
    public MemoryIndex CreateMemory(string name, MemorySettings settings)
    {
        var normalized = SegmentStore.NormalizeMemoryName(name);
        lock (_createGate)
        {
            if (_memories.ContainsKey(normalized))
                throw new MemoryExistsException($"There is a memory called '{normalized}' already; change its settings with UpdateMemory, or choose another name.");
            if (!MemoryNameRule.IsValidNew(normalized))
                throw new ArgumentException($"'{normalized}' cannot name a memory: a memory's name is {MemoryNameRule.Rule}.");
            var created = new MemoryIndex(_store.CreateMemory(normalized, settings), _logger) { Settings = settings };
            _memories[normalized] = created;
            MemoryChanged();
            return created;
        }
    }

    /// <summary>Replaces <paramref name="memory"/>'s settings; the next Lookup uses them.</summary>
    public void UpdateMemory(MemoryIndex memory, MemorySettings settings)
    {
        lock (_createGate)
        {
            _store.SetSettings(memory.Info.Id, settings);
            memory.Settings = settings;
            MemoryChanged();
        }
    }

    /// <summary>
    /// Deletes <paramref name="memory"/>, its pairs and its import records, from the store and every index; waits until
    /// the search index has let the pairs go. Refuses the default memory and a memory an import is writing into.
    /// </summary>
    /// <exception cref="ArgumentException">It is the default memory.</exception>
    /// <exception cref="ImportStateException">An import into it is running.</exception>
    public async Task DeleteMemoryAsync(MemoryIndex memory, CancellationToken cancellationToken)
    {
        long? changeSeq;
        var segments = memory.Korean.Count;
        await memory.WriteGate.WaitAsync(CancellationToken.None);
        try
        {
            if (_store.ListImports(memory.Info.Name).Any(i => i.Status == ImportStatus.Running))
                throw new ImportStateException($"An import into memory '{memory.Info.Name}' is running: wait for it to end (tm imports), then delete the memory.");
            lock (_createGate)
            {
                changeSeq = _store.DeleteMemory(memory.Info.Id);
                _memories.TryRemove(memory.Info.Name, out _);
                MemoryChanged();
            }
            _snapshots?.Delete(memory.Info.Id);
            _search.Notify();
        }
        finally
        {
            memory.WriteGate.Release();
        }
        if (changeSeq is { } seq)
            await _search.WhenSearchable(seq).WaitAsync(cancellationToken);
        if (segments >= CollectAfterDeletingSegments)
            _ = CollectSoonAsync();
    }

    /// <summary>Deleting a memory at least this large is followed by a collection that gives its memory back (<see cref="CollectSoonAsync"/>).</summary>
    internal const int CollectAfterDeletingSegments = 100_000;

    // The deleted memory's indexes are garbage once the call that deleted it has returned (its frames hold them until
    // then: hence the delay). An idle server would not collect them for hours, and an ordinary collection keeps what
    // it frees committed for later allocations. Measured at 1,000,000 pairs (delete-memory benchmark, 2 cores): the
    // managed heap went from 685 to 21 MiB, yet RSS stayed at 1,316 MiB without a collection and was 1,135 MiB after
    // an ordinary full one. An aggressive one decommits what it frees; it blocks every thread for one full collection
    // of what the other memories hold, paid only after deleting a large memory.
    private static async Task CollectSoonAsync()
    {
        await Task.Delay(TimeSpan.FromSeconds(1));
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }

    /// <summary>
    /// Renames <paramref name="memory"/> (and the memory in the keys scoped to it), between two of its import batches:
    /// a running import goes on into it under the new name.
    /// </summary>
    /// <exception cref="ArgumentException">The new name breaks <see cref="MemoryNameRule.Rule"/>, or it is the default memory.</exception>
    /// <exception cref="MemoryExistsException">Another memory has that name.</exception>
    public async Task RenameMemoryAsync(MemoryIndex memory, string newName)
    {
        var normalized = SegmentStore.NormalizeMemoryName(newName);
        if (!MemoryNameRule.IsValidNew(normalized))
            throw new ArgumentException($"'{normalized}' cannot name a memory: a memory's name is {MemoryNameRule.Rule}.");
        // Under the memory's gate, so no batch is between reading the name and committing under it.
        await memory.WriteGate.WaitAsync(CancellationToken.None);
        try
        {
            lock (_createGate)
            {
                if (_memories.ContainsKey(normalized))
                    throw new MemoryExistsException($"There is a memory called '{normalized}' already; choose another name.");
                var oldName = memory.Info.Name;
                _store.RenameMemory(memory.Info.Id, normalized);
                memory.Info = memory.Info with { Name = normalized };
                _memories.TryRemove(oldName, out _);
                _memories[normalized] = memory;
                MemoryChanged();
            }
        }
        finally
        {
            memory.WriteGate.Release();
        }
    }

    /// <summary>Every memory, oldest first.</summary>
    public IReadOnlyList<MemoryIndex> Memories => [.. _memories.Values.OrderBy(m => m.Info.Id)];

    /// <summary>When <paramref name="memory"/> was created.</summary>
    public DateTimeOffset Created(MemoryIndex memory) => _store.GetCreated(memory.Info.Id) ?? DateTimeOffset.MinValue;
}
