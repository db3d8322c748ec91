namespace TM.Storage;

/// <summary>
/// An import in progress: the handle <see cref="SegmentStore.CommitBatch"/> takes, with the counters of everything
/// committed so far. Returned by <see cref="SegmentStore.BeginImport"/> and <see cref="SegmentStore.ResumeImport"/>.
/// </summary>
/// <remarks>
/// The counters change only when a batch commits, so after a failed batch they still describe the committed state.
/// Not thread-safe: one session belongs to one caller committing one batch at a time.
/// </remarks>
public sealed class ImportSession
{
    internal ImportSession(long importId, MemoryInfo memory, ImportOptions options)
    {
        ImportId = importId;
        Memory = memory;
        Options = options;
    }

    /// <summary>The import's row id: what <see cref="SegmentStore.ResumeImport"/> takes after a restart.</summary>
    public long ImportId { get; }

    /// <summary>The memory the import writes to.</summary>
    public MemoryInfo Memory { get; }

    /// <summary>The import's kind, name, policy and source side.</summary>
    public ImportOptions Options { get; }

    /// <summary>Pairs stored as new segments.</summary>
    public int PairsStored { get; internal set; }

    /// <summary>Pairs skipped as duplicates.</summary>
    public int PairsSkipped { get; internal set; }

    /// <summary>Pairs that overwrote an existing segment.</summary>
    public int PairsUpdated { get; internal set; }

    /// <summary>Pairs left out under <see cref="UpdatePolicy.KeepExisting"/>.</summary>
    public int PairsKeptExisting { get; internal set; }

    /// <summary>Segments deleted as other translations of an overwritten source.</summary>
    public int PairsRemoved { get; internal set; }

    /// <summary>The position passed with the last committed batch: where a resumed import carries on from. 0 before the first.</summary>
    public long SourcePosition { get; internal set; }

    /// <summary>
    /// The fingerprint passed with the last committed batch: the caller's digest of the input up to
    /// <see cref="SourcePosition"/>, so a resumed import can tell that it reads the same input. 0 when none was given.
    /// </summary>
    public long SourceFingerprint { get; internal set; }

    /// <summary>Batches committed.</summary>
    public int Batches { get; internal set; }
}
