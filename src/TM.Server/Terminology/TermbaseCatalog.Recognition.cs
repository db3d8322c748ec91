using System.Collections.Concurrent;
using TM.Server.Memory;

namespace TM.Server.Terminology;

/// <content>Term recognition: one recognizer per memory, rebuilt when the memory's termbase changes.</content>
public sealed partial class TermbaseCatalog
{
    private readonly ConcurrentDictionary<long, long> _versions = new();

    /// <summary>How many times <paramref name="memory"/>'s termbase changed since the server started.</summary>
    public long Version(MemoryIndex memory) => _versions.GetValueOrDefault(memory.Info.Id);

    private void Changed(MemoryIndex memory) => _versions.AddOrUpdate(memory.Info.Id, 1, static (_, version) => version + 1);
}
