namespace TM.Storage;

/// <summary>One import, as <see cref="SegmentStore.ListImports"/> and <see cref="SegmentStore.FindImport"/> report it.</summary>
/// <param name="Id">The import's row id.</param>
/// <param name="Memory">The name of the memory it went to.</param>
/// <param name="Kind">How the pairs arrived: "document", "segments" or "tmx" (the stored text of <see cref="ImportKind"/>).</param>
/// <param name="Name">The document or file name given with the import.</param>
/// <param name="PairsStored">Pairs the import added.</param>
/// <param name="PairsSkipped">Pairs it skipped because the memory already held them.</param>
/// <param name="Created">When it began, in UTC.</param>
public sealed record ImportRecord(long Id, string Memory, string Kind, string Name, int PairsStored, int PairsSkipped, DateTimeOffset Created)
{
    /// <summary>Where the import stands; <see cref="ImportStatus.Completed"/> for imports made before imports could span batches.</summary>
    public ImportStatus Status { get; init; } = ImportStatus.Completed;

    /// <summary>Its update policy.</summary>
    public UpdatePolicy Policy { get; init; }

    /// <summary>The side its policy treated as the source.</summary>
    public SegmentSide SourceSide { get; init; }

    /// <summary>Pairs that overwrote an existing segment (<see cref="UpdatePolicy.Overwrite"/>).</summary>
    public int PairsUpdated { get; init; }

    /// <summary>Pairs left out because the memory held their source with another target (<see cref="UpdatePolicy.KeepExisting"/>).</summary>
    public int PairsKeptExisting { get; init; }

    /// <summary>Segments deleted as other translations of an overwritten source.</summary>
    public int PairsRemoved { get; init; }

    /// <summary>The caller's position in its input after the last committed batch (see <see cref="SegmentStore.CommitBatch"/>); 0 before the first.</summary>
    public long SourcePosition { get; init; }

    /// <summary>Batches committed.</summary>
    public int Batches { get; init; }

    /// <summary>When a batch was last committed or the status last changed, in UTC.</summary>
    public DateTimeOffset Changed { get; init; }

    /// <summary>When it was completed or failed, in UTC; null while it is running or interrupted.</summary>
    public DateTimeOffset? Completed { get; init; }

    /// <summary>Why it failed (or whatever its caller said on completing it); empty when nothing was said.</summary>
    public string Message { get; init; } = "";

    /// <summary>The name of the API key that made the import; empty when the server ran without keys.</summary>
    public string CreatedBy { get; init; } = "";
}
