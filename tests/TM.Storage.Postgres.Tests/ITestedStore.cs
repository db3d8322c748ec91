namespace TM.Storage.Postgres.Tests;

/// <summary>
/// The operations the shared behaviour tests call, which <see cref="SegmentStore"/> and <see cref="PostgresSegmentStore"/>
/// both have with the same signatures: the adapters compile only while the two APIs agree.
/// </summary>
public interface ITestedStore : IDisposable
{
    MemoryInfo? FindMemory(string? name);

    MemoryInfo GetOrCreateMemory(string? name);

    MemoryInfo CreateMemory(string? name, MemorySettings settings);

    IReadOnlyList<MemoryInfo> ListMemories();

    void RenameMemory(long memoryId, string newName);

    long? DeleteMemory(long memoryId);

    MemorySettings GetSettings(long memoryId);

    void SetSettings(long memoryId, MemorySettings settings);

    DateTimeOffset? GetCreated(long memoryId);

    ImportOutcome AddSegments(string? memory, ImportOptions options, IReadOnlyList<SegmentInput> pairs);

    ImportOutcome AddSegments(string? memory, ImportKind kind, string importName, IReadOnlyList<SegmentInput> pairs);

    ImportSession BeginImport(string? memory, ImportOptions options);

    ImportOutcome CommitBatch(ImportSession session, IReadOnlyList<SegmentInput> pairs, long sourcePosition, long sourceFingerprint = 0);

    void CompleteImport(ImportSession session, ImportStatus status, string? message);

    ImportSession ResumeImport(long importId, string resumedBy = "");

    ImportRecord? FindImport(long importId);

    IReadOnlyList<ImportRecord> ListImports(string? memory);

    IEnumerable<StoredSegment> ReadAll(long memoryId);

    IReadOnlyList<StoredSegment> GetSegments(IReadOnlyList<long> ids);

    IReadOnlyList<SegmentRecord> GetRecords(IReadOnlyList<long> ids);

    IReadOnlyList<MemoryStatistics> GetStatistics(string? memory, ChangeCursor? searchIndexed = null);

    MemoryVersion GetVersion(long memoryId);

    SegmentEdit? UpdateSegment(long memoryId, long id, string? korean, string? english, long expectedVersion, string author, IReadOnlyList<FieldValue>? fields = null);

    SegmentEdit AddSegment(long memoryId, SegmentInput pair, string author);

    SegmentEdit? DeleteSegment(long memoryId, long id, long expectedVersion, string author = "");

    SegmentRecord? ConfirmUse(long memoryId, long id);

    IReadOnlyList<SegmentVersion> GetHistory(long id);

    long ChangeSequence();

    IEnumerable<SegmentRecord> ReadAllRecords(long memoryId);

    SegmentChanges ReadChanges(ChangeCursor after, int maxSegments);

    ApiKeyRecord CreateKey(ReadOnlySpan<byte> secretHash, ApiKeyRecord key);

    ApiKeyRecord? FindKey(ReadOnlySpan<byte> secretHash);

    IReadOnlyList<ApiKeyRecord> ListKeys();

    bool HasKeys();

    ApiKeyRecord? RevokeKey(string name);

    TermRecord AddTerm(long memoryId, TermContent term, string author);

    TermImportCounts AddTerms(long memoryId, IEnumerable<TermContent> terms, string author);

    TermRecord? GetTerm(long memoryId, long id);

    TermRecord? UpdateTerm(long memoryId, long id, TermContent term, long expectedVersion, string author);

    bool DeleteTerm(long memoryId, long id, long expectedVersion);

    IReadOnlyList<TermRecord> ListTerms(long memoryId, string filter, long afterId, int limit);

    long CountTerms(long memoryId, string filter = "");

    IEnumerable<TermRecord> ReadTerms(long memoryId);
}
