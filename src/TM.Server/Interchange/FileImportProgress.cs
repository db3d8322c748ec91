namespace TM.Server.Interchange;

/// <summary>What a file import has made durable at one moment; the service turns it into an ImportProgress message.</summary>
/// <param name="ImportId">The import's record.</param>
/// <param name="UnitsRead">Units this call has read from the file so far.</param>
/// <param name="Committed">What the import has committed, over all its calls.</param>
/// <param name="UnitsSkipped">Units up to the committed point that were not Korean-English pairs.</param>
/// <param name="UnitsResumed">Units this call read but did not store because an earlier call had committed them.</param>
/// <param name="Completed">True once the whole file is committed and the import complete.</param>
internal sealed record FileImportProgress(
    long ImportId,
    long UnitsRead,
    ImportCounts Committed,
    long UnitsSkipped,
    long UnitsResumed,
    bool Completed);
