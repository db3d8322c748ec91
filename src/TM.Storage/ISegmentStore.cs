namespace TM.Storage;

/// <summary>
/// What the server asks of a store, whichever engine holds the memories: SQLite in the data directory
/// (<see cref="SegmentStore"/>, the default) or a shared PostgreSQL database (TM.Storage.Postgres' PostgresSegmentStore).
/// Every method behaves as the <see cref="SegmentStore"/> method of the same name documents: same results, same exceptions.
/// </summary>
/// <remarks>
/// Only what both stores do is here: what the server calls, and the few reads the store behaviour tests check both stores
/// with (FindMemory, GetSegments, ChangeSequence), so that one test class runs against both through this interface. What
/// only the SQLite store does yet (WriteBackup, AdoptCopy, PruneDeletions, CheckIntegrity) stays on
/// <see cref="SegmentStore"/>, and the server asks for it by type.
/// </remarks>
public interface ISegmentStore : IDisposable
{
    /// <summary>See <see cref="SegmentStore.FindMemory"/>.</summary>
    MemoryInfo? FindMemory(string? name);

    /// <summary>See <see cref="SegmentStore.GetSegments"/>.</summary>
    IReadOnlyList<StoredSegment> GetSegments(IReadOnlyList<long> ids);

    /// <summary>See <see cref="SegmentStore.ChangeSequence"/>.</summary>
    long ChangeSequence();

    /// <summary>See <see cref="SegmentStore.ReadAll"/>.</summary>
    IEnumerable<StoredSegment> ReadAll(long memoryId);

    /// <summary>See <see cref="SegmentStore.ReadAllRecords"/>.</summary>
    IEnumerable<SegmentRecord> ReadAllRecords(long memoryId);

    /// <summary>See <see cref="SegmentStore.GetRecords"/>.</summary>
    IReadOnlyList<SegmentRecord> GetRecords(IReadOnlyList<long> ids);

    /// <summary>See <see cref="SegmentStore.GetHistory"/>.</summary>
    IReadOnlyList<SegmentVersion> GetHistory(long id);

    /// <summary>See <see cref="SegmentStore.ConfirmUse"/>.</summary>
    SegmentRecord? ConfirmUse(long memoryId, long id);

    /// <summary>See <see cref="SegmentStore.AddSegment"/>.</summary>
    SegmentEdit AddSegment(long memoryId, SegmentInput pair, string author);

    /// <summary>See <see cref="SegmentStore.UpdateSegment"/>.</summary>
    SegmentEdit? UpdateSegment(long memoryId, long id, string? korean, string? english, long expectedVersion, string author,
        IReadOnlyList<FieldValue>? fields = null);

    /// <summary>See <see cref="SegmentStore.DeleteSegment"/>.</summary>
    SegmentEdit? DeleteSegment(long memoryId, long id, long expectedVersion, string author = "");

    /// <summary>See <see cref="SegmentStore.AddSegments(string?, ImportKind, string, IReadOnlyList{SegmentInput})"/>.</summary>
    ImportOutcome AddSegments(string? memory, ImportKind kind, string importName, IReadOnlyList<SegmentInput> pairs);

    /// <summary>See <see cref="SegmentStore.AddSegments(string?, ImportOptions, IReadOnlyList{SegmentInput})"/>.</summary>
    ImportOutcome AddSegments(string? memory, ImportOptions options, IReadOnlyList<SegmentInput> pairs);

    /// <summary>See <see cref="SegmentStore.BeginImport"/>.</summary>
    ImportSession BeginImport(string? memory, ImportOptions options);

    /// <summary>See <see cref="SegmentStore.ResumeImport"/>.</summary>
    ImportSession ResumeImport(long importId, string resumedBy = "");

    /// <summary>See <see cref="SegmentStore.CommitBatch"/>.</summary>
    ImportOutcome CommitBatch(ImportSession session, IReadOnlyList<SegmentInput> pairs, long sourcePosition, long sourceFingerprint = 0);

    /// <summary>See <see cref="SegmentStore.CompleteImport"/>.</summary>
    void CompleteImport(ImportSession session, ImportStatus status, string? message);

    /// <summary>See <see cref="SegmentStore.DiscardImportWithEmptyMemory"/>.</summary>
    bool DiscardImportWithEmptyMemory(long importId);

    /// <summary>See <see cref="SegmentStore.FindImport"/>.</summary>
    ImportRecord? FindImport(long importId);

    /// <summary>See <see cref="SegmentStore.ListImports"/>.</summary>
    IReadOnlyList<ImportRecord> ListImports(string? memory);

    /// <summary>See <see cref="SegmentStore.CreateMemory"/>.</summary>
    MemoryInfo CreateMemory(string? name, MemorySettings settings);

    /// <summary>See <see cref="SegmentStore.GetOrCreateMemory"/>.</summary>
    MemoryInfo GetOrCreateMemory(string? name);

    /// <summary>See <see cref="SegmentStore.ListMemories"/>.</summary>
    IReadOnlyList<MemoryInfo> ListMemories();

    /// <summary>See <see cref="SegmentStore.RenameMemory"/>.</summary>
    void RenameMemory(long memoryId, string newName);

    /// <summary>See <see cref="SegmentStore.DeleteMemory"/>.</summary>
    long? DeleteMemory(long memoryId);

    /// <summary>See <see cref="SegmentStore.GetCreated"/>.</summary>
    DateTimeOffset? GetCreated(long memoryId);

    /// <summary>See <see cref="SegmentStore.GetSettings"/>.</summary>
    MemorySettings GetSettings(long memoryId);

    /// <summary>See <see cref="SegmentStore.SetSettings"/>.</summary>
    void SetSettings(long memoryId, MemorySettings settings);

    /// <summary>See <see cref="SegmentStore.GetStatistics"/>.</summary>
    IReadOnlyList<MemoryStatistics> GetStatistics(string? memory, ChangeCursor? searchIndexed = null);

    /// <summary>See <see cref="SegmentStore.GetVersion"/>.</summary>
    MemoryVersion GetVersion(long memoryId);

    /// <summary>See <see cref="SegmentStore.StoreId"/>.</summary>
    long StoreId();

    /// <summary>See <see cref="SegmentStore.ReadChanges"/>.</summary>
    SegmentChanges ReadChanges(ChangeCursor after, int maxSegments);

    /// <summary>See <see cref="SegmentStore.AddTerm"/>.</summary>
    TermRecord AddTerm(long memoryId, TermContent term, string author);

    /// <summary>See <see cref="SegmentStore.AddTerms"/>.</summary>
    TermImportCounts AddTerms(long memoryId, IEnumerable<TermContent> terms, string author);

    /// <summary>See <see cref="SegmentStore.GetTerm"/>.</summary>
    TermRecord? GetTerm(long memoryId, long id);

    /// <summary>See <see cref="SegmentStore.UpdateTerm"/>.</summary>
    TermRecord? UpdateTerm(long memoryId, long id, TermContent term, long expectedVersion, string author);

    /// <summary>See <see cref="SegmentStore.DeleteTerm"/>.</summary>
    bool DeleteTerm(long memoryId, long id, long expectedVersion);

    /// <summary>See <see cref="SegmentStore.ListTerms"/>.</summary>
    IReadOnlyList<TermRecord> ListTerms(long memoryId, string filter, long afterId, int limit);

    /// <summary>See <see cref="SegmentStore.CountTerms"/>.</summary>
    long CountTerms(long memoryId, string filter = "");

    /// <summary>See <see cref="SegmentStore.ReadTerms"/>.</summary>
    IEnumerable<TermRecord> ReadTerms(long memoryId);

    /// <summary>See <see cref="SegmentStore.CreateKey"/>.</summary>
    ApiKeyRecord CreateKey(ReadOnlySpan<byte> secretHash, ApiKeyRecord key);

    /// <summary>See <see cref="SegmentStore.FindKey"/>.</summary>
    ApiKeyRecord? FindKey(ReadOnlySpan<byte> secretHash);

    /// <summary>See <see cref="SegmentStore.RevokeKey"/>.</summary>
    ApiKeyRecord? RevokeKey(string name);

    /// <summary>See <see cref="SegmentStore.ListKeys"/>.</summary>
    IReadOnlyList<ApiKeyRecord> ListKeys();

    /// <summary>See <see cref="SegmentStore.HasKeys"/>.</summary>
    bool HasKeys();
}
