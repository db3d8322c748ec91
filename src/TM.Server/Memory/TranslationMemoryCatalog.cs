using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using TM.Interchange;
using TM.Matching;
using TM.Storage;
using TM.Text;

namespace TM.Server.Memory;

/// <summary>
/// The memories this server holds: the durable store plus one in-memory index per memory, kept in
/// step. Every write goes to SQLite first and reaches the index only after it has committed, so the
/// index never holds a segment the store could lose.
/// </summary>
public sealed class TranslationMemoryCatalog
{
    /// <summary>A low-confidence pair scoring 100 is offered at this score instead: a person must check it.</summary>
    public const double LowConfidenceScoreCap = 99;

    private readonly SegmentStore _store;
    private readonly ILogger<TranslationMemoryCatalog> _logger;
    private readonly ConcurrentDictionary<string, MemoryIndex> _memories = new(StringComparer.Ordinal);
    private readonly Lock _createGate = new();
    private static readonly DocumentAligner DefaultAligner = new();

    /// <summary>Creates the catalog over an open store; call <see cref="Load"/> before serving.</summary>
    public TranslationMemoryCatalog(SegmentStore store, ILogger<TranslationMemoryCatalog> logger)
    {
        _store = store;
        _logger = logger;
    }

    /// <summary>The durable store behind the catalog.</summary>
    public SegmentStore Store => _store;

    /// <summary>Builds the index of every stored memory, creating the default memory if the store has none.</summary>
    public void Load()
    {
        _store.GetOrCreateMemory(SegmentStore.DefaultMemoryName);
        foreach (var info in _store.ListMemories())
        {
            var started = Stopwatch.GetTimestamp();
            var index = new MemoryIndex(info);
            // In batches, so a large memory never has all its texts in managed memory at once.
            foreach (var batch in _store.ReadAll(info.Id).Chunk(10_000))
                index.Add(batch);
            _memories[info.Name] = index;
            ServerLog.MemoryLoaded(_logger, info.Name, index.Korean.Count, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    /// <summary>Names of the memories held, oldest first.</summary>
    public IReadOnlyList<string> MemoryNames => _memories.Values.OrderBy(m => m.Info.Id).Select(m => m.Info.Name).ToList();

    /// <summary>The memory called <paramref name="name"/> (empty = default), or null when there is none.</summary>
    public MemoryIndex? Find(string? name) =>
        _memories.TryGetValue(SegmentStore.NormalizeMemoryName(name), out var memory) ? memory : null;

    /// <summary>Stores pairs in one transaction and then adds the new ones to the memory's index.</summary>
    public async Task<ImportOutcome> ImportAsync(string? memory, ImportKind kind, string importName, IReadOnlyList<SegmentInput> pairs, CancellationToken cancellationToken)
    {
        var index = GetOrCreate(memory);
        await index.WriteGate.WaitAsync(cancellationToken);
        try
        {
            var outcome = _store.AddSegments(index.Info.Name, kind, importName, pairs);
            index.Add(outcome.Added);
            index.Lexicon.Learn(outcome.Added);
            ServerLog.ImportCommitted(_logger, index.Info.Name, importName, outcome.Added.Count, outcome.SkippedDuplicates);
            return outcome;
        }
        finally
        {
            index.WriteGate.Release();
        }
    }

    /// <summary>Splits, aligns and stores a parallel document; throws <see cref="DocumentException"/> for input that is not one.</summary>
    public async Task<DocumentImport> ImportDocumentAsync(string? memory, string name, string text, CancellationToken cancellationToken)
    {
        var alignment = Align(memory, text);
        var outcome = await ImportAsync(memory, ImportKind.Document, name, DocumentImport.PairsOf(alignment, name), cancellationToken);
        return new DocumentImport(alignment, outcome);
    }

    /// <summary>
    /// Splits and aligns a parallel document without storing it, with what <paramref name="memory"/> has learned
    /// as extra anchors (none when the memory does not exist yet).
    /// </summary>
    public DocumentAlignment Align(string? memory, string text)
    {
        var index = Find(memory);
        if (index is null || index.Korean.Count == 0)
            return DefaultAligner.Align(text);
        var learned = index.Lexicon.Current(_store, index.Info.Id);
        return learned.Count == 0
            ? DefaultAligner.Align(text)
            : new DocumentAligner(AlignmentOptions.Default with { Learned = learned }).Align(text);
    }

    /// <summary>Fuzzy matches for <paramref name="text"/> against one side of a memory, best first.</summary>
    public IReadOnlyList<LookupHit> Lookup(MemoryIndex memory, string text, SegmentSide side, MatchOptions options)
    {
        // Placeholders are not indexed (see MemoryIndex.Add), so a query with tags matches the same text without them.
        var hits = memory.For(side).Search(InlinePlaceholder.Remove(text), options);
        if (hits.Count == 0)
            return [];
        var ids = new long[hits.Count];
        for (var i = 0; i < hits.Count; i++)
            ids[i] = hits[i].Id;
        var segments = _store.GetSegments(ids);
        var byId = new Dictionary<long, StoredSegment>(segments.Count);
        foreach (var segment in segments)
            byId[segment.Id] = segment;
        var results = new List<LookupHit>(segments.Count);
        foreach (var hit in hits)
        {
            // A hit the store no longer has (removed since the search) is simply not offered.
            if (!byId.TryGetValue(hit.Id, out var segment))
                continue;
            var score = segment.LowConfidence && hit.Score > LowConfidenceScoreCap ? LowConfidenceScoreCap : hit.Score;
            results.Add(new LookupHit(segment, score));
        }
        // Capping can put a low-confidence pair behind an equal-scoring trusted one; keep best-first.
        results.Sort(static (a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.Segment.Id.CompareTo(b.Segment.Id));
        return results;
    }

    private MemoryIndex GetOrCreate(string? name)
    {
        var normalized = SegmentStore.NormalizeMemoryName(name);
        if (_memories.TryGetValue(normalized, out var existing))
            return existing;
        lock (_createGate)
        {
            if (_memories.TryGetValue(normalized, out existing))
                return existing;
            var created = new MemoryIndex(_store.GetOrCreateMemory(normalized));
            _memories[normalized] = created;
            return created;
        }
    }
}
