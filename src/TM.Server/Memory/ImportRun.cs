using TM.Storage;

namespace TM.Server.Memory;

/// <summary>An import this server is running: its record in the store and the memory whose indexes follow its commits.</summary>
internal sealed class ImportRun(MemoryIndex index, ImportSession session)
{
    /// <summary>The memory the import writes to.</summary>
    public MemoryIndex Index { get; } = index;

    /// <summary>The store's handle on the import's record.</summary>
    public ImportSession Session { get; } = session;

    /// <summary>The import's id (its record's).</summary>
    public long Id => Session.ImportId;

    /// <summary>
    /// The change sequence of the last batch of this call that changed segments: the search index holds the whole
    /// import once it holds this one, even when the last batch changed nothing.
    /// </summary>
    public long LastChangeSequence { get; set; }
}
