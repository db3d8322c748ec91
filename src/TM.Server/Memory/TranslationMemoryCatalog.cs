using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using TM.Interchange;
using TM.Matching;
using TM.Search;
using TM.Server.Concordance;
using TM.Server.Hosting;
using TM.Server.Hosting.Telemetry;
using TM.Server.Interchange;
using TM.Storage;
using TM.Text;

namespace TM.Server.Memory;

/// <summary>
/// The memories this server holds: the durable store plus one in-memory index per memory, kept in
/// step. Every write goes to SQLite first and reaches the index only after it has committed, so the
/// index never holds a segment the store could lose.
/// </summary>
public sealed partial class TranslationMemoryCatalog
{
    /// <summary>A low-confidence pair scoring 100 is offered at this score instead: a person must check it.</summary>
    public const double LowConfidenceScoreCap = 99;

    private readonly ISegmentStore _store;
    private readonly MemoryLookup _lookup;
    private readonly ILogger<TranslationMemoryCatalog> _logger;
    private readonly IndexSnapshotFiles? _snapshots;
    private readonly ServerMetrics? _metrics;
    private readonly DatabaseBackups _backups;
    private readonly SearchIndexFollower _search;
    private readonly ConcurrentDictionary<string, MemoryIndex> _memories = new(StringComparer.Ordinal);
    // Ids of the imports a call of this server is running: a second call may not resume one of them.
    private readonly ConcurrentDictionary<long, byte> _running = new();
    private readonly Lock _createGate = new();
    private static readonly DocumentAligner DefaultAligner = new();

    /// <summary>Creates the catalog over an open store; call <see cref="Load"/> before serving.</summary>
    /// <param name="store">The open store.</param>
    /// <param name="options">Where the data directory is, and whether index snapshots are kept in it.</param>
    /// <param name="search">The search index's follower of the store, told of every commit and waited for by imports.</param>
    /// <param name="logger">Where loads, imports and snapshot problems are logged.</param>
    /// <param name="metrics">Where searches and commits are counted; null for nowhere.</param>
    public TranslationMemoryCatalog(ISegmentStore store, ServerOptions options, SearchIndexFollower search, ILogger<TranslationMemoryCatalog> logger, ServerMetrics? metrics = null)
    {
        _store = store;
        _lookup = new MemoryLookup(store, new SegmentRecordReader(store, search));
        _search = search;
        _logger = logger;
        _metrics = metrics;
        _snapshots = options.IndexSnapshots ? new IndexSnapshotFiles(options.DatabasePath, logger) : null;
        _backups = new DatabaseBackups(store, options.DatabasePath, logger);
        _backups.DeleteUnfinished();
        if (store is ISharedSegmentStore shared)
            Follower = new ChangeLogFollower(shared, ApplyFromLog, () => RefreshMemories(), logger);
    }

    /// <summary>The durable store behind the catalog.</summary>
    public ISegmentStore Store => _store;

    /// <summary>
    /// Loads the index of every stored memory, from its snapshot when that describes the memory as stored, else by
    /// analyzing its texts; creates the default memory if the store has none.
    /// </summary>
    /// <param name="progress">Told which memory is being loaded, for health reports; null for none.</param>
    /// <param name="cancellationToken">Stops between memories (the server is shutting down).</param>
    public void Load(Action<string>? progress = null, CancellationToken cancellationToken = default)
    {
        // Before anything is read: on a shared store, the follower takes up the log from here (what the load reads
        // after this point it applies again, which changes nothing).
        _loadedThrough = _store.ChangeSequence();
        _store.GetOrCreateMemory(SegmentStore.DefaultMemoryName);
        _snapshots?.DeleteUnfinished();
        var memories = _store.ListMemories();
        for (var i = 0; i < memories.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var info = memories[i];
            progress?.Invoke($"loading memory '{info.Name}' ({(i + 1).ToString(CultureInfo.InvariantCulture)} of {memories.Count.ToString(CultureInfo.InvariantCulture)})");
            var started = Stopwatch.GetTimestamp();
            var version = _store.GetVersion(info.Id);
            MemoryIndex index;
            string source;
            if (version.Segments > 0 && _snapshots?.TryLoad(info, version) is [var korean, var english, var koreanSentences, var englishSentences])
            {
                index = new MemoryIndex(info, _logger, korean, english, koreanSentences, englishSentences) { SnapshotGeneration = version.Generation, LoadedFromSnapshot = true };
                source = "from its snapshot";
            }
            else
            {
                index = Rebuild(info);
                source = "analyzed from the database";
            }
            index.Settings = _store.GetSettings(info.Id);
            index.Created = _store.GetCreated(info.Id);
            _memories[info.Name] = index;
            ServerLog.MemoryLoaded(_logger, info.Name, index.Korean.Count, Stopwatch.GetElapsedTime(started).TotalMilliseconds, source);
        }
    }

    /// <summary>The memories whose index could not take a committed batch: lookups miss part of them until a restart.</summary>
    public IReadOnlyList<string> MemoriesWithFailedIndexUpdates()
    {
        var failed = new List<string>();
        foreach (var memory in _memories.Values)
        {
            if (memory.Updates.HasFailed)
                failed.Add(memory.Info.Name);
        }
        return failed;
    }

    /// <summary>Segments held by the indexes of every memory, for health reports.</summary>
    public long IndexedSegments()
    {
        long total = 0;
        foreach (var memory in _memories.Values)
            total += memory.Korean.Count;
        return total;
    }

    /// <summary>The memories whose index is loaded, for gauges.</summary>
    internal IEnumerable<MemoryIndex> Indexes => _memories.Values;
    /// <summary>
    /// A consistent copy of the whole database, every memory as committed when the copy began, taken while lookups
    /// and imports go on: one self-contained SQLite file, written to a temporary file in the data directory.
    /// </summary>
    /// <param name="cancellationToken">Interrupts the copy (the client went away).</param>
    /// <returns>The copy, open for reading from its start; disposing it deletes the temporary file.</returns>
    public Task<FileStream> BackupAsync(CancellationToken cancellationToken) => _backups.WriteAsync(cancellationToken);

    /// <summary>Reads the store once (the list of memories): throws when the database cannot be read.</summary>
    public int CheckStore() => _store.ListMemories().Count;

    /// <summary>
    /// Saves the index snapshot of every memory whose snapshot is missing or older than the memory, so the next start
    /// loads it instead of analyzing it. Each memory's writers wait meanwhile (about 2 s per million segments);
    /// lookups go on.
    /// </summary>
    /// <param name="worthSaving">Which of the memories that changed to save now; null for all of them.</param>
    /// <param name="cancellationToken">Stops between memories, or while waiting for one's writers.</param>
    /// <returns>The memories saved.</returns>
    internal async Task<int> SaveSnapshotsAsync(Func<MemoryIndex, bool>? worthSaving, CancellationToken cancellationToken)
    {
        if (_snapshots is null)
            return 0;
        var saved = 0;
        foreach (var memory in _memories.Values)
        {
            if (worthSaving is not null && !worthSaving(memory))
                continue;
            // On a shared store other servers commit whatever this one's gates say: the follower's gate holds the
            // indexes still instead, and they match the store only when nothing was committed after what they hold.
            var gate = Follower?.ApplyGate ?? memory.WriteGate;
            await gate.WaitAsync(cancellationToken);
            try
            {
                // Under the gate nothing new commits, and once the queued batches are applied the indexes hold exactly
                // the store's generation. A batch that failed to apply left them short: such an index is not saved.
                await memory.Updates.WhenApplied.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                cancellationToken.ThrowIfCancellationRequested();
                if (memory.Updates.HasFailed)
                    continue;
                if (Find(memory.Info.Name) != memory || VersionToSave(memory) is not { } version)
                    continue;
                if (version.Generation == memory.SnapshotGeneration || version.Segments == 0)
                    continue;
                try
                {
                    _snapshots.Save(memory, version);
                    memory.SnapshotSaved(version.Generation);
                    saved++;
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    ServerLog.SnapshotSaveFailed(_logger, memory.Info.Name, e);
                }
            }
            finally
            {
                gate.Release();
            }
        }
        return saved;
    }

    // The store's version of the memory, which the indexes hold exactly once the caller's gate is held; on a shared
    // store null when they may not (a commit after what the follower applied) or when it cannot be read now (another
    // server deleted the memory, or the database is down): the snapshot waits for the next chance.
    private MemoryVersion? VersionToSave(MemoryIndex memory)
    {
        try
        {
            var version = _store.GetVersion(memory.Info.Id);
            // Read after the version: a sequence the indexes hold means the version read has nothing they lack.
            if (Follower is not null && _store.ChangeSequence() > Follower.AppliedThrough)
                return null;
            return version;
        }
        catch (Exception e) when (Follower is not null && (SharedStoreFailure.IsUnreachable(e) || e is InvalidOperationException))
        {
            return null;
        }
    }

    // In batches, so a large memory never has all its texts in managed memory at once; SQLite reads the next batch
    // while the indexes take the last one (one batch ahead at most).
    private MemoryIndex Rebuild(MemoryInfo info)
    {
        var index = new MemoryIndex(info, _logger);
        using var batches = new BlockingCollection<StoredSegment[]>(boundedCapacity: 1);
        var reading = Task.Run(() =>
        {
            try
            {
                foreach (var batch in _store.ReadAll(info.Id).Chunk(10_000))
                    batches.Add(batch);
            }
            finally
            {
                batches.CompleteAdding();
            }
        });
        foreach (var batch in batches.GetConsumingEnumerable())
            index.Add(batch);
        reading.GetAwaiter().GetResult();
        return index;
    }

    /// <summary>Names of the memories held, oldest first.</summary>
    public IReadOnlyList<string> MemoryNames => _memories.Values.OrderBy(m => m.Info.Id).Select(m => m.Info.Name).ToList();

    /// <summary>The memory called <paramref name="name"/> (empty = default), or null when there is none.</summary>
    public MemoryIndex? Find(string? name) =>
        _memories.TryGetValue(SegmentStore.NormalizeMemoryName(name), out var memory) ? memory : null;

    /// <summary>The memory called <paramref name="name"/> (empty = default).</summary>
    /// <param name="name">The memory's name.</param>
    /// <param name="visible">Which memories the message may name when there is no such one (those the caller may use); null for all.</param>
    /// <exception cref="UnknownMemoryException">There is no such memory; the message lists those there are.</exception>
    public MemoryIndex Get(string? name, Func<string, bool>? visible = null) =>
        Find(name) ?? throw new UnknownMemoryException(name ?? "", visible is null ? MemoryNames : MemoryNames.Where(visible));

    /// <summary>Counts per memory: one memory (by name, which must exist), or all of them for an empty name.</summary>
    /// <exception cref="UnknownMemoryException">A name was given and there is no such memory.</exception>
    public IReadOnlyList<MemoryStatistics> Statistics(string name, Func<string, bool>? visible = null) =>
        _store.GetStatistics(name.Length > 0 ? Get(name, visible).Info.Name : null, _search.Searchable);

    /// <summary>Imports recorded in one memory (by name, which must exist), or in all of them for an empty name, oldest first.</summary>
    /// <exception cref="UnknownMemoryException">A name was given and there is no such memory.</exception>
    public IReadOnlyList<TM.Storage.ImportRecord> ListImports(string name, Func<string, bool>? visible = null) =>
        _store.ListImports(name.Length > 0 ? Get(name, visible).Info.Name : null);

    /// <summary>Every segment of <paramref name="memory"/>, oldest first, streamed from the store (one at a time in memory).</summary>
    public IEnumerable<StoredSegment> ReadAll(MemoryIndex memory) => _store.ReadAll(memory.Info.Id);

    /// <summary>Every segment of <paramref name="memory"/> with its dates, authors and usage, oldest first, streamed from the store.</summary>
    public IEnumerable<SegmentRecord> ReadAllRecords(MemoryIndex memory) => _store.ReadAllRecords(memory.Info.Id);

    /// <summary>
    /// Stores pairs as one import of one transaction, then waits until the memory's indexes and the search index hold
    /// them, so a lookup or a concordance right after the call finds them.
    /// </summary>
    /// <param name="memory">Memory name; empty means the default. Created when missing.</param>
    /// <param name="options">Kind, name, update policy and the side the policy compares.</param>
    /// <param name="pairs">The pairs, in order.</param>
    /// <param name="cancellationToken">Stops the wait for the indexes; the pairs are committed by then.</param>
    public async Task<ImportOutcome> ImportAsync(string? memory, ImportOptions options, IReadOnlyList<SegmentInput> pairs, CancellationToken cancellationToken)
    {
        var index = GetOrCreate(memory);
        ImportOutcome outcome;
        Task indexed;
        // Under the memory's gate, so the index worker receives batches in the store's commit order.
        await index.WriteGate.WaitAsync(CancellationToken.None);
        try
        {
            // Begin, commit and complete in one transaction: a failure records nothing.
            outcome = _store.AddSegments(index.Info.Name, options, pairs);
            _search.Notify();
            _metrics?.BatchCommitted(index.Info.Name, options.Kind, pairs.Count, outcome);
            indexed = await IndexLaterAsync(index, ToChange(outcome), outcome.ChangeSequence);
        }
        finally
        {
            index.WriteGate.Release();
        }
        ServerLog.ImportCommitted(_logger, index.Info.Name, options.Name, outcome.Added.Count, outcome.SkippedDuplicates);
        await Task.WhenAll(indexed, _search.WhenSearchable(outcome.ChangeSequence)).WaitAsync(cancellationToken);
        return outcome;
    }

    /// <summary>Records a new import into <paramref name="memory"/> (created when missing) and returns its handle.</summary>
    internal ImportRun BeginImport(string? memory, ImportOptions options)
    {
        // Under the creation gate, so DiscardIfFirst never deletes a memory between its creation and its import's record.
        lock (_createGate)
        {
            var index = GetOrCreate(memory);
            var run = new ImportRun(index, _store.BeginImport(index.Info.Name, options));
            _running[run.Id] = 0;
            return run;
        }
    }

    /// <summary>
    /// Takes up an interrupted import again, after checking that this call may: the import exists, went into
    /// <paramref name="memory"/>, read a file of <paramref name="kind"/>, runs with <paramref name="policy"/> when one is
    /// given, is not complete and is not running in another call.
    /// </summary>
    /// <param name="importId">The import to carry on with.</param>
    /// <param name="memory">The memory the call names (empty = default).</param>
    /// <param name="kind">The kind of file the call sends.</param>
    /// <param name="policy">The policy the call names, or null when it leaves it to the import.</param>
    /// <returns>The import's handle and what it had committed before this call.</returns>
    /// <exception cref="UnknownImportException">No such import.</exception>
    /// <exception cref="ImportInputException">The call's memory, file kind or policy is not the import's.</exception>
    /// <exception cref="ImportStateException">The import is complete, or another call is running it.</exception>
    /// <param name="resumedBy">Who carries it on, recorded with the segments it writes from now.</param>
    internal (ImportRun Run, ImportCounts Committed) ResumeImport(long importId, string memory, ImportKind kind, UpdatePolicy? policy, string resumedBy)
    {
        var id = importId.ToString(CultureInfo.InvariantCulture);
        var record = _store.FindImport(importId) ?? throw new UnknownImportException(importId);
        var memoryName = SegmentStore.NormalizeMemoryName(memory);
        if (!string.Equals(record.Memory, memoryName, StringComparison.Ordinal))
            throw new ImportInputException($"Import {id} went into memory '{record.Memory}', not '{memoryName}'; resume it with memory '{record.Memory}'.");
        var kindName = StoredNames.Of(kind);
        if (!string.Equals(record.Kind, kindName, StringComparison.Ordinal))
            throw new ImportInputException($"Import {id} read a {record.Kind} file, and this one is {(kind == ImportKind.Tmx ? "TMX" : "TSV or CSV")}: resume it with the same file.");
        if (policy is { } given && record.Policy != given)
            throw new ImportInputException($"Import {id} runs with update policy {StoredNames.Of(record.Policy)}; a resumed import keeps its policy (leave update_policy unset).");
        if (record.Status == ImportStatus.Completed)
            throw new ImportStateException($"Import {id} is complete: there is nothing to resume. Re-importing the file adds nothing that is already stored.");
        // A shared store says running only while the server that runs it is connected (else interrupted).
        if (Follower is not null && record.Status == ImportStatus.Running && !IsRunning(importId))
            throw new ImportStateException($"Import {id} is running on another server that shares this database; wait for that call to end or cancel it, then resume it here if it did not complete.");
        var index = GetOrCreate(record.Memory);
        if (!_running.TryAdd(importId, 0))
            throw new ImportStateException($"Import {id} is running right now; wait for that call to end or cancel it.");
        try
        {
            var run = new ImportRun(index, _store.ResumeImport(importId, resumedBy));
            var committed = new ImportCounts(record.SourcePosition, record.PairsStored, record.PairsSkipped, record.PairsUpdated, record.PairsKeptExisting, record.Batches);
            return (run, committed);
        }
        catch
        {
            _running.TryRemove(importId, out _);
            throw;
        }
    }

    /// <summary>Imports this server is running now.</summary>
    internal int RunningImports => _running.Count;

    /// <summary>True while this server runs the import (so its record says running because it is).</summary>
    internal bool IsRunning(long importId) => _running.ContainsKey(importId);

    /// <summary>
    /// Commits one batch of an import in one transaction and queues its changes for the memory's indexes; blocks
    /// while the index worker is <see cref="IndexUpdateQueue.MaxPending"/> batches behind. For dedicated threads.
    /// </summary>
    /// <returns>
    /// What the batch did, and a task that completes once the memory's indexes hold it; the search index is awaited once,
    /// at the import's end (<see cref="WhenSearchable(ImportRun)"/>), so that it may publish a bulk import in larger steps.
    /// </returns>
    internal (ImportOutcome Outcome, Task Indexed) CommitBatch(ImportRun run, IReadOnlyList<SegmentInput> pairs, long sourcePosition, long sourceFingerprint)
    {
        // Under the memory's gate, so the index worker receives batches in the store's commit order.
        run.Index.WriteGate.Wait();
        try
        {
            var unitsBefore = run.Session.SourcePosition;
            var outcome = _store.CommitBatch(run.Session, pairs, sourcePosition, sourceFingerprint);
            _search.Notify();
            _metrics?.BatchCommitted(run.Index.Info.Name, run.Session.Options.Kind, sourcePosition - unitsBefore, outcome);
            // The search index follows the store at its own pace (it reads the batch back from the store), so an import
            // is held back only by the memory's index queue; the import's end waits for both.
            run.LastChangeSequence = Math.Max(run.LastChangeSequence, outcome.ChangeSequence);
            return (outcome, IndexLater(run.Index, ToChange(outcome), outcome.ChangeSequence));
        }
        finally
        {
            run.Index.WriteGate.Release();
        }
    }

    /// <summary>
    /// A task that completes once every batch <paramref name="run"/> has committed is searchable. Registered only when
    /// the import ends: a waiting call makes the search index publish at once, and one per batch would make it reopen
    /// after every batch (see <see cref="SearchIndexFollower"/>).
    /// </summary>
    internal Task WhenSearchable(ImportRun run) => _search.WhenSearchable(run.LastChangeSequence);

    /// <summary>
    /// Records how an import ended and forgets it as running. <see cref="ImportStatus.Interrupted"/> leaves the record
    /// as it is (running, with its last committed position): it is resumable, and ListImports shows it interrupted
    /// because no call runs it.
    /// </summary>
    internal void CompleteImport(ImportRun run, ImportStatus status, string? message)
    {
        try
        {
            if (status != ImportStatus.Interrupted)
                _store.CompleteImport(run.Session, status, message);
        }
        finally
        {
            _running.TryRemove(run.Id, out _);
        }
        var session = run.Session;
        ServerLog.ImportEnded(_logger, run.Id, session.Options.Name, session.Memory.Name, status.ToString().ToLowerInvariant(),
            session.SourcePosition, session.PairsStored, session.PairsSkipped);
    }

    /// <summary>
    /// The status to show for a record: on SQLite a record the store has as running is interrupted unless this server
    /// runs it; a shared store says itself whether a live server runs it.
    /// </summary>
    internal ImportStatus EffectiveStatus(TM.Storage.ImportRecord record) =>
        record.Status == ImportStatus.Running && !IsRunning(record.Id) && Follower is null ? ImportStatus.Interrupted : record.Status;

    private static IndexChange ToChange(ImportOutcome outcome) => new(outcome.Added, outcome.Updated, outcome.Removed);

    /// <summary>Splits, aligns and stores a parallel document; throws <see cref="DocumentException"/> for input that is not one.</summary>
    /// <param name="memory">Memory name; empty means the default. Created when missing.</param>
    /// <param name="name">The document's name, kept as the pairs' origin and the import's name.</param>
    /// <param name="text">The document.</param>
    /// <param name="policy">For a Korean sentence the memory already holds with another translation.</param>
    /// <param name="createdBy">Who imports it (the caller's key name), recorded with the import and its pairs.</param>
    /// <param name="cancellationToken">Stops the wait for the indexes once the pairs are committed.</param>
    public async Task<DocumentImport> ImportDocumentAsync(string? memory, string name, string text, UpdatePolicy policy, string createdBy, CancellationToken cancellationToken)
    {
        // The import's record counts the alignment too, which is most of a document import's time.
        var started = DateTimeOffset.UtcNow;
        var alignment = Align(memory, name, text);
        var options = new ImportOptions(ImportKind.Document, name, policy) { Started = started, CreatedBy = createdBy };
        var outcome = await ImportAsync(memory, options, DocumentImport.PairsOf(alignment, name), cancellationToken);
        return new DocumentImport(alignment, outcome);
    }

    /// <summary>
    /// Splits and aligns a parallel document without storing it, with what <paramref name="memory"/> has learned
    /// as extra anchors (none when the memory does not exist yet).
    /// </summary>
    /// <param name="memory">Memory name; empty means the default.</param>
    /// <param name="name">The document's name, put before the message of a <see cref="DocumentException"/>; empty for none.</param>
    /// <param name="text">The document.</param>
    /// <exception cref="DocumentException">The text is not a parallel document that can be aligned.</exception>
    public DocumentAlignment Align(string? memory, string name, string text)
    {
        var index = Find(memory);
        var learned = index is null || index.Korean.Count == 0 ? null : index.Lexicon.Current(_store, index.Info.Id);
        var aligner = learned is null || learned.Count == 0 ? DefaultAligner : new DocumentAligner(AlignmentOptions.Default with { Learned = learned });
        try
        {
            return aligner.Align(text);
        }
        catch (DocumentException e) when (name.Length > 0)
        {
            // The aligner knows lines, not files: the client learns which of its documents the line is in.
            throw new DocumentException($"{name}: {e.Message}", e.LineNumber);
        }
    }

    /// <summary>Fuzzy matches for <paramref name="text"/> against one side of a memory, best first (see <see cref="MemoryLookup"/>).</summary>
    /// <param name="memory">The memory to search.</param>
    /// <param name="text">The query.</param>
    /// <param name="side">Its language.</param>
    /// <param name="options">Threshold (after penalties) and result count.</param>
    /// <param name="penalties">The penalties to take off; null for <see cref="LookupPenalties.Default"/>.</param>
    /// <param name="context">The query's neighbours in its document, for context matches; null when unknown.</param>
    /// <remarks>A filter (<see cref="MatchingIdsAsync"/>) goes in <paramref name="options"/>' <see cref="MatchOptions.Accepts"/>, as segment ids.</remarks>
    public IReadOnlyList<LookupHit> Lookup(MemoryIndex memory, string text, SegmentSide side, MatchOptions options, LookupPenalties? penalties = null,
        LookupContext? context = null)
    {
        var started = Stopwatch.GetTimestamp();
        var (hits, searched) = _lookup.Find(memory, text, side, options, penalties ?? LookupPenalties.Default, context);
        _metrics?.IndexSearched(memory.Info.Name, side, Stopwatch.GetElapsedTime(started), searched);
        return hits;
    }

    /// <summary>
    /// The ids of <paramref name="memory"/>'s pairs that pass <paramref name="filter"/> (its memory id is set here), from
    /// the search index's doc values: 14–65 ms per million pairs. Imports return once their pairs are searchable, so the
    /// set holds every pair an acknowledged import stored.
    /// </summary>
    /// <exception cref="SearchIndexUnavailableException">The search index is still taking up the store's changes at start.</exception>
    public Task<SegmentIdSet> MatchingIdsAsync(MemoryIndex memory, SegmentFilter filter, CancellationToken cancellationToken) =>
        _search.MatchingIdsAsync(filter with { MemoryId = memory.Info.Id }, ConcordanceSearcher.CatchUpWait, cancellationToken);

    /// <summary>
    /// Looks up many sentences with the same options, in parallel on every core (each lookup is single-threaded and
    /// independent); the answers are in the order of <paramref name="texts"/>. A text with nothing to match
    /// (only punctuation or whitespace) gets no hits rather than failing the others.
    /// </summary>
    /// <param name="memory">The memory to search.</param>
    /// <param name="texts">The sentences.</param>
    /// <param name="sides">The language of each sentence, index for index.</param>
    /// <param name="options">Threshold and result count, for every sentence.</param>
    /// <param name="penalties">The penalties to take off; null for <see cref="LookupPenalties.Default"/>.</param>
    /// <param name="inDocumentOrder">The texts are consecutive sentences of one document: each one's neighbours are its context.</param>
    public IReadOnlyList<LookupHit>[] LookupBatch(MemoryIndex memory, IReadOnlyList<string> texts, IReadOnlyList<SegmentSide> sides, MatchOptions options,
        LookupPenalties? penalties = null, bool inDocumentOrder = false)
    {
        var results = new IReadOnlyList<LookupHit>[texts.Count];
        Parallel.For(0, texts.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var text = texts[i];
            results[i] = memory.For(sides[i]).HasSomethingToMatch(InlinePlaceholder.Remove(text))
                ? Lookup(memory, text, sides[i], options, penalties, inDocumentOrder ? new LookupContext(i > 0 ? texts[i - 1] : "", i + 1 < texts.Count ? texts[i + 1] : "") : null)
                : [];
        });
        return results;
    }

    /// <summary>
    /// Looks up some sentences of a document (<paramref name="indexes"/> into <paramref name="sentences"/>), in parallel on
    /// every core, each with its neighbours in the whole document as its context; the answers are in the order of
    /// <paramref name="indexes"/>. A sentence with nothing to match, or longer than a query may be, gets no hits.
    /// </summary>
    public IReadOnlyList<LookupHit>[] LookupInDocument(MemoryIndex memory, IReadOnlyList<string> sentences, IReadOnlyList<int> indexes, SegmentSide side,
        MatchOptions options, LookupPenalties penalties)
    {
        var results = new IReadOnlyList<LookupHit>[indexes.Count];
        Parallel.For(0, indexes.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, n =>
        {
            var i = indexes[n];
            var text = sentences[i];
            var context = new LookupContext(i > 0 ? sentences[i - 1] : "", i + 1 < sentences.Count ? sentences[i + 1] : "");
            results[n] = text.Length <= MaxDocumentSentenceLength && memory.For(side).HasSomethingToMatch(InlinePlaceholder.Remove(text))
                ? Lookup(memory, text, side, options, penalties, context)
                : [];
        });
        return results;
    }

    /// <summary>The longest document sentence looked up, a Lookup query's limit: a longer "sentence" is a splitting accident, left unmatched.</summary>
    public const int MaxDocumentSentenceLength = 10_000;

    /// <summary>Throws unless a write may go to <paramref name="name"/>: a memory that exists, or a valid name for a new one.</summary>
    /// <exception cref="ArgumentException">No such memory, and the name breaks <see cref="MemoryNameRule.Rule"/>.</exception>
    public void CheckWritable(string? name)
    {
        var normalized = SegmentStore.NormalizeMemoryName(name);
        if (!_memories.ContainsKey(normalized) && !MemoryNameRule.IsValidNew(normalized))
            throw new ArgumentException($"There is no memory '{normalized}', and that name cannot make one: a memory's name is {MemoryNameRule.Rule}.");
    }

    /// <summary>
    /// Forgets a file import that failed before committing anything, and the memory it created: a failed first import
    /// does not leave an empty memory behind. Does nothing (and returns false) when the memory held anything else, where
    /// the failure is recorded as usual.
    /// </summary>
    internal bool DiscardIfFirst(ImportRun run)
    {
        lock (_createGate)
        {
            if (!_store.DiscardImportWithEmptyMemory(run.Id))
                return false;
            _memories.TryRemove(run.Index.Info.Name, out _);
        }
        _running.TryRemove(run.Id, out _);
        return true;
    }

    private MemoryIndex GetOrCreate(string? name)
    {
        var normalized = SegmentStore.NormalizeMemoryName(name);
        if (_memories.TryGetValue(normalized, out var existing))
            return existing;
        CheckWritable(normalized);
        lock (_createGate)
        {
            if (_memories.TryGetValue(normalized, out existing))
                return existing;
            var created = new MemoryIndex(_store.GetOrCreateMemory(normalized), _logger);
            _memories[normalized] = created;
            MemoryChanged();
            return created;
        }
    }
}
