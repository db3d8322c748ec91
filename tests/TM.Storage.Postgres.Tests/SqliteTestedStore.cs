namespace TM.Storage.Postgres.Tests;

/// <summary>The SQLite store under the shared behaviour tests.</summary>
public sealed class SqliteTestedStore(SegmentStore store) : ITestedStore
{
    public MemoryInfo? FindMemory(string? name) => store.FindMemory(name);

    public MemoryInfo GetOrCreateMemory(string? name) => store.GetOrCreateMemory(name);

    public MemoryInfo CreateMemory(string? name, MemorySettings settings) => store.CreateMemory(name, settings);

    public IReadOnlyList<MemoryInfo> ListMemories() => store.ListMemories();

    public void RenameMemory(long memoryId, string newName) => store.RenameMemory(memoryId, newName);

    public long? DeleteMemory(long memoryId) => store.DeleteMemory(memoryId);

    public MemorySettings GetSettings(long memoryId) => store.GetSettings(memoryId);

    public void SetSettings(long memoryId, MemorySettings settings) => store.SetSettings(memoryId, settings);

    public DateTimeOffset? GetCreated(long memoryId) => store.GetCreated(memoryId);

    public ImportOutcome AddSegments(string? memory, ImportOptions options, IReadOnlyList<SegmentInput> pairs) => store.AddSegments(memory, options, pairs);

    public ImportOutcome AddSegments(string? memory, ImportKind kind, string importName, IReadOnlyList<SegmentInput> pairs) => store.AddSegments(memory, kind, importName, pairs);

    public ImportSession BeginImport(string? memory, ImportOptions options) => store.BeginImport(memory, options);

    public ImportOutcome CommitBatch(ImportSession session, IReadOnlyList<SegmentInput> pairs, long sourcePosition, long sourceFingerprint = 0) => store.CommitBatch(session, pairs, sourcePosition, sourceFingerprint);

    public void CompleteImport(ImportSession session, ImportStatus status, string? message) => store.CompleteImport(session, status, message);

    public ImportSession ResumeImport(long importId, string resumedBy = "") => store.ResumeImport(importId, resumedBy);

    public ImportRecord? FindImport(long importId) => store.FindImport(importId);

    public IReadOnlyList<ImportRecord> ListImports(string? memory) => store.ListImports(memory);

    public IEnumerable<StoredSegment> ReadAll(long memoryId) => store.ReadAll(memoryId);

    public IReadOnlyList<StoredSegment> GetSegments(IReadOnlyList<long> ids) => store.GetSegments(ids);

    public IReadOnlyList<SegmentRecord> GetRecords(IReadOnlyList<long> ids) => store.GetRecords(ids);

    public IReadOnlyList<MemoryStatistics> GetStatistics(string? memory, ChangeCursor? searchIndexed = null) => store.GetStatistics(memory, searchIndexed);

    public MemoryVersion GetVersion(long memoryId) => store.GetVersion(memoryId);

    public SegmentEdit? UpdateSegment(long memoryId, long id, string? korean, string? english, long expectedVersion, string author, IReadOnlyList<FieldValue>? fields = null) =>
        store.UpdateSegment(memoryId, id, korean, english, expectedVersion, author, fields);

    public SegmentEdit AddSegment(long memoryId, SegmentInput pair, string author) => store.AddSegment(memoryId, pair, author);

    public SegmentEdit? DeleteSegment(long memoryId, long id, long expectedVersion, string author = "") => store.DeleteSegment(memoryId, id, expectedVersion, author);

    public SegmentRecord? ConfirmUse(long memoryId, long id) => store.ConfirmUse(memoryId, id);

    public IReadOnlyList<SegmentVersion> GetHistory(long id) => store.GetHistory(id);

    public long ChangeSequence() => store.ChangeSequence();

    public IEnumerable<SegmentRecord> ReadAllRecords(long memoryId) => store.ReadAllRecords(memoryId);

    public SegmentChanges ReadChanges(ChangeCursor after, int maxSegments) => store.ReadChanges(after, maxSegments);

    public ApiKeyRecord CreateKey(ReadOnlySpan<byte> secretHash, ApiKeyRecord key) => store.CreateKey(secretHash, key);

    public ApiKeyRecord? FindKey(ReadOnlySpan<byte> secretHash) => store.FindKey(secretHash);

    public IReadOnlyList<ApiKeyRecord> ListKeys() => store.ListKeys();

    public bool HasKeys() => store.HasKeys();

    public ApiKeyRecord? RevokeKey(string name) => store.RevokeKey(name);

    public TermRecord AddTerm(long memoryId, TermContent term, string author) => store.AddTerm(memoryId, term, author);

    public TermImportCounts AddTerms(long memoryId, IEnumerable<TermContent> terms, string author) => store.AddTerms(memoryId, terms, author);

    public TermRecord? GetTerm(long memoryId, long id) => store.GetTerm(memoryId, id);

    public TermRecord? UpdateTerm(long memoryId, long id, TermContent term, long expectedVersion, string author) =>
        store.UpdateTerm(memoryId, id, term, expectedVersion, author);

    public bool DeleteTerm(long memoryId, long id, long expectedVersion) => store.DeleteTerm(memoryId, id, expectedVersion);

    public IReadOnlyList<TermRecord> ListTerms(long memoryId, string filter, long afterId, int limit) => store.ListTerms(memoryId, filter, afterId, limit);

    public long CountTerms(long memoryId, string filter = "") => store.CountTerms(memoryId, filter);

    public IEnumerable<TermRecord> ReadTerms(long memoryId) => store.ReadTerms(memoryId);

    public void Dispose() => store.Dispose();
}
