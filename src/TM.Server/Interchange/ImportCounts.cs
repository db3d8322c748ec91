namespace TM.Server.Interchange;

/// <summary>What an import has committed: the counts an ImportProgress reports, cumulative over every call of the import.</summary>
internal sealed record ImportCounts(
    long UnitsCommitted,
    long PairsStored,
    long PairsSkippedDuplicate,
    long PairsUpdated,
    long PairsKeptExisting,
    int BatchesCommitted)
{
    /// <summary>Nothing committed yet.</summary>
    public static ImportCounts Zero { get; } = new(0, 0, 0, 0, 0, 0);
}
