using System.Collections.ObjectModel;
using System.Runtime.InteropServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using TM.Search.Internal;

namespace TM.Search;

/// <summary>
/// The segment search index of one data directory (Lucene.Net, memory-mapped): concordance over both sides of
/// every memory's pairs, with filters, total counts and paging. One Lucene document per segment pair, keyed by id.
/// </summary>
/// <remarks>
/// <para>
/// Writes (<see cref="Upsert"/>, <see cref="Delete"/>, …) are buffered by Lucene's IndexWriter; <see cref="Refresh"/>
/// makes everything written so far searchable (near-real-time, without a commit); <see cref="Commit"/> makes it
/// durable, with user data such as the store's change sequence, which <see cref="CommitData"/> returns after a restart.
/// </para>
/// <para>
/// Thread safety: every member but <see cref="Dispose"/> may be called from any number of threads at once;
/// searches run concurrently with writes, each on the searcher of the last refresh.
/// </para>
/// <para>
/// How terms match: <see cref="ConcordanceQuery.Term"/>; the design, its proof of exactness and measurements:
/// SEARCH.md beside this file.
/// </para>
/// </remarks>
public sealed class SegmentSearchIndex : IDisposable
{
    /// <summary>
    /// The commit-data key that records the analysis an index was built with. An index of another version cannot
    /// be searched with this one's queries, so <see cref="Open(string, Action{Exception}?)"/> refuses it; bump the
    /// value whenever a field's analysis or meaning changes.
    /// </summary>
    internal const string FormatKey = "tm.search.format";
    internal const string FormatVersion = "5";

    /// <summary>
    /// Threads that add new documents (<see cref="AppendWorkers"/>). Lucene.Net spends ~0.6 µs per token in its indexing
    /// chain, ~100 µs per synthetic pair; two threads fed from a queue index 12,400–14,800 pairs/s at 300,000 pairs
    /// against 8,100–8,600 for one (<c>concordance</c> benchmark), which a rebuild or a large import's wait is worth.
    /// </summary>
    internal static readonly int IndexingThreads = Math.Clamp(Environment.ProcessorCount, 1, 4);

    // Lucene's default is 16 MB. 128 MB makes fewer, larger flushed segments, so fewer merges, for 96 MB more memory at
    // most. With no compound files for flushed segments it took the concordance benchmark's 1,000,000-pair build from
    // 139 to 119 µs of CPU per pair (SEARCH.md).
    private const double RamBufferMegabytes = 128;

    private readonly Lucene.Net.Store.Directory _directory;
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private readonly System.Threading.Lock _commitLock = new();
    private readonly AppendWorkers _appends;

    // Writes are serialized: each call's documents are queued after the previous call's, in blocks the append threads
    // take in order, which keeps ids ascending in each thread's segments (LeafInfo), and _maxId exact. Every write other
    // than adding new ids first waits for the queue (AppendWorkers.Drain).
    private readonly System.Threading.Lock _writeLock = new();
    private IReadOnlyDictionary<string, string> _commitData;

    // The largest id ever added (deleted documents included): a larger id cannot be in the index, so it is added
    // without a delete, which is most of an import.
    private long _maxId;
    private int _disposed;

    private SegmentSearchIndex(Lucene.Net.Store.Directory directory, IndexWriter writer, SearcherManager searchers, IReadOnlyDictionary<string, string> commitData)
    {
        _directory = directory;
        _writer = writer;
        _searchers = searchers;
        _commitData = commitData;
        _appends = new AppendWorkers(IndexingThreads, (documents, start, end) => _writer.AddDocuments(Documents(documents, start, end)));
        IndexSearcher searcher = searchers.Acquire();
        try
        {
            foreach (AtomicReaderContext leaf in searcher.IndexReader.Leaves)
            {
                _maxId = Math.Max(_maxId, LeafInfo.Of(leaf.AtomicReader).MaxId);
            }
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    /// <summary>The user data of the last <see cref="Commit"/> (of any earlier instance too); empty for a new index.</summary>
    public IReadOnlyDictionary<string, string> CommitData => Volatile.Read(ref _commitData);

    /// <summary>
    /// Opens the index in <paramref name="directory"/>, creating the directory and an empty index (committed at
    /// once) when there is none. One instance per directory: Lucene's write lock keeps out a second one.
    /// </summary>
    /// <param name="directory">The index directory, e.g. a folder of the server's data directory.</param>
    /// <param name="mergeFailed">
    /// Told, on a merge thread, when a background merge fails (a full disk, an I/O error): the index keeps the segments
    /// it was merging and stays searchable, and Lucene tries the merge again after a later flush. Null ignores such
    /// failures.
    /// </param>
    /// <returns>The open index, its last commit searchable.</returns>
    /// <exception cref="SearchIndexDamagedException">
    /// The directory holds an index that cannot be read: damaged or missing files, another Lucene format, or another
    /// version of this library's analysis. Delete the directory and index the segments again.
    /// </exception>
    /// <exception cref="LockObtainFailedException">Another instance (in this process or another) has the index open.</exception>
    public static SegmentSearchIndex Open(string directory, Action<Exception>? mergeFailed = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        string path = Path.GetFullPath(directory);
        System.IO.Directory.CreateDirectory(path);
        return Open(new MMapDirectory(new DirectoryInfo(path)), path, mergeFailed);
    }

    /// <summary>
    /// <see cref="Open(string, Action{Exception}?)"/> over a Lucene directory the caller made (tests wrap one to inject
    /// faults); <paramref name="path"/> names it in errors.
    /// </summary>
    internal static SegmentSearchIndex Open(Lucene.Net.Store.Directory luceneDirectory, string path, Action<Exception>? mergeFailed)
    {
        IndexWriter? writer = null;
        try
        {
            bool existed = DirectoryReader.IndexExists(luceneDirectory);
            var config = new IndexWriterConfig(SearchFields.LuceneVersion, SearchFields.CreateIndexAnalyzer())
            {
                OpenMode = OpenMode.CREATE_OR_APPEND,
                RAMBufferSizeMB = RamBufferMegabytes,
                // One thread state per indexing thread, and merges of adjacent segments only: each flushed segment
                // holds ascending ids, a merged one a few runs of them (a page of hits is a binary search per run).
                MaxThreadStates = IndexingThreads,
                MergePolicy = new LogByteSizeMergePolicy(),
                MergeScheduler = new ReportingMergeScheduler(mergeFailed ?? (_ => { })),
                // A flushed segment is merged away soon: packing its files into a compound file first only copies them.
                UseCompoundFile = false,
            };
            writer = new IndexWriter(luceneDirectory, config);
            var stored = new Dictionary<string, string>(writer.CommitData ?? new Dictionary<string, string>(), StringComparer.Ordinal);
            if (existed)
            {
                stored.TryGetValue(FormatKey, out string? format);
                if (format != FormatVersion)
                {
                    throw new SearchIndexDamagedException(path, format is null
                        ? "it was not written by TM.Search (its last commit has no format mark)"
                        : $"it was written with analysis format {format}, and this version reads format {FormatVersion}");
                }
            }
            else
            {
                // Mark the new index as ours at once, so that a directory is either empty or a readable index.
                writer.SetCommitData(new Dictionary<string, string> { [FormatKey] = FormatVersion });
                writer.Commit();
            }

            stored.Remove(FormatKey);
            var searchers = new SearcherManager(writer, applyAllDeletes: true, new WarmingSearcherFactory());
            return new SegmentSearchIndex(luceneDirectory, writer, searchers, new ReadOnlyDictionary<string, string>(stored));
        }
        catch (Exception e) when (e is not SearchIndexDamagedException && IsUnreadableIndex(e))
        {
            Close(writer, luceneDirectory);
            throw new SearchIndexDamagedException(path, e.Message, e);
        }
        catch
        {
            Close(writer, luceneDirectory);
            throw;
        }
    }

    /// <summary>
    /// Adds each segment, or replaces the document of the same <see cref="IndexedSegment.Id"/> (within the list too:
    /// the last one wins); searchable after <see cref="Refresh"/>.
    /// </summary>
    /// <param name="segments">The segments; ids must be positive.</param>
    /// <remarks>
    /// A segment whose id is above every id the index has held is simply added; the others are replaced through one
    /// delete query per call, which Lucene applies at the next refresh or commit by reading every document's id
    /// (about 5 ms per million documents), so replace in batches rather than one pair per call.
    /// </remarks>
    public void Upsert(IReadOnlyList<IndexedSegment> segments) => UpsertAsync(segments).GetAwaiter().GetResult();

    /// <summary>
    /// Queues what <see cref="Upsert"/> does and returns at once for new ids (their documents are added by the
    /// index's own threads, so a caller can read its next batch meanwhile); replacements wait for what is queued.
    /// </summary>
    /// <param name="segments">The segments; ids must be positive.</param>
    /// <returns>
    /// A task that completes once every segment is in the index (searchable after the next <see cref="Refresh"/>), and
    /// faults if the index could not take them; the index must then be reopened from its last commit.
    /// </returns>
    /// <remarks>Calls are applied in the order they are made; a later <see cref="Refresh"/> may show some of a call's
    /// segments before its task completes.</remarks>
    public Task UpsertAsync(IReadOnlyList<IndexedSegment> segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        foreach (IndexedSegment segment in segments)
        {
            Validate(segment);
        }

        // The last occurrence of each id wins, in list order.
        var last = new Dictionary<long, int>(segments.Count);
        for (int i = 0; i < segments.Count; i++)
        {
            last[segments[i].Id] = i;
        }

        lock (_writeLock)
        {
            var replaced = new HashSet<long>();
            foreach (long id in last.Keys)
            {
                if (id <= _maxId)
                {
                    replaced.Add(id);
                }
            }

            if (replaced.Count > 0)
            {
                // A delete reaches only documents added before it: the queued ones must be in first.
                _appends.Drain();
                _writer.DeleteDocuments(DocValuesSetFilter.Query(SearchFields.Id, replaced));
            }

            var added = new List<IndexedSegment>(last.Count);
            for (int i = 0; i < segments.Count; i++)
            {
                IndexedSegment segment = segments[i];
                if (last[segment.Id] == i)
                {
                    added.Add(segment);
                    _maxId = Math.Max(_maxId, segment.Id);
                }
            }

            return _appends.Enqueue(added);
        }
    }

    // The documents of segments[start..end), one at a time in this thread's reusable document: Lucene consumes each
    // before asking for the next.
    private static IEnumerable<IEnumerable<IIndexableField>> Documents(IReadOnlyList<IndexedSegment> segments, int start, int end)
    {
        SegmentDocument document = SegmentDocument.Current;
        for (int i = start; i < end; i++)
        {
            yield return document.Set(segments[i]);
        }
    }

    /// <summary>Removes the segments with these ids (ids not in the index are ignored); gone from searches after <see cref="Refresh"/>.</summary>
    /// <param name="ids">The segment ids.</param>
    /// <remarks>Applied at the next refresh or commit by reading every document's id: delete in batches.</remarks>
    public void Delete(IReadOnlyList<long> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return;
        }

        lock (_writeLock)
        {
            _appends.Drain();
            _writer.DeleteDocuments(DocValuesSetFilter.Query(SearchFields.Id, ids.ToHashSet()));
        }
    }

    /// <summary>Removes every segment of one memory; gone from searches after <see cref="Refresh"/>.</summary>
    /// <param name="memoryId">The memory.</param>
    public void DeleteMemory(long memoryId)
    {
        lock (_writeLock)
        {
            _appends.Drain();
            _writer.DeleteDocuments(DocValuesSetFilter.Query(SearchFields.Memory, new HashSet<long> { memoryId }));
        }
    }

    /// <summary>Removes every segment of every memory (to rebuild the index); gone from searches after <see cref="Refresh"/>.</summary>
    public void DeleteAll()
    {
        lock (_writeLock)
        {
            _appends.Drain();
            _writer.DeleteAll();
        }
    }

    /// <summary>
    /// Rewrites the index's segments without their deleted documents when these are at least a quarter of the index
    /// (a deleted memory, a re-import that replaced most pairs), and makes searches use the rewritten segments; below
    /// that, they stay until ordinary merges take them. Blocks until done. The files the rewrite replaced leave the
    /// disk at the next <see cref="Commit"/>.
    /// </summary>
    /// <returns>True when it rewrote the index.</returns>
    /// <remarks>
    /// Lucene drops a segment whose documents are all deleted by itself, but a segment holding pairs of two memories
    /// (the merge policy merges adjacent segments, whatever their memory) keeps the deleted ones on disk until merged:
    /// deleting a memory of 1,000,000 pairs beside one of 2,000 left 89 MiB of the index's 350 MiB (the delete-memory
    /// benchmark). The rewrite reads and writes only the documents that stay.
    /// </remarks>
    public bool MergeAwayDeletions()
    {
        // NumDocs counts the deletions applied so far: the follower's refreshes and commits apply them.
        _appends.Drain();
        int all = _writer.MaxDoc;
        if (all == 0 || (all - _writer.NumDocs) * 4L < all)
        {
            return false;
        }

        _writer.ForceMergeDeletes(doWait: true);
        // Searches let go of the old segments, whose files the writer can then delete.
        Refresh();
        return true;
    }

    /// <summary>
    /// Makes every write made so far visible to searches that start afterwards (Lucene's near-real-time reopen:
    /// buffered documents are flushed to a new segment, not committed); of an <see cref="UpsertAsync"/> whose task has
    /// not completed, only the documents added so far. Blocks until done.
    /// </summary>
    public void Refresh() => _searchers.MaybeRefreshBlocking();

    /// <summary>
    /// Makes every write made so far durable (waiting for queued <see cref="UpsertAsync"/> documents), with <paramref name="userData"/> as the commit's data (replacing the
    /// last commit's; <see cref="CommitData"/> returns it, also after a restart). Does not refresh searches.
    /// </summary>
    /// <param name="userData">
    /// What the caller needs to know after a restart, e.g. the store's change sequence this commit includes. Keys
    /// starting with "tm.search." are reserved.
    /// </param>
    public void Commit(IReadOnlyDictionary<string, string> userData)
    {
        ArgumentNullException.ThrowIfNull(userData);
        var data = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach ((string key, string value) in userData)
        {
            ArgumentNullException.ThrowIfNull(value, nameof(userData));
            if (key.StartsWith("tm.search.", StringComparison.Ordinal))
            {
                throw new ArgumentException($"The commit-data key '{key}' is reserved for the index itself.", nameof(userData));
            }

            data[key] = value;
        }

        var committed = new ReadOnlyDictionary<string, string>(new Dictionary<string, string>(data, StringComparer.Ordinal));
        data[FormatKey] = FormatVersion;
        lock (_commitLock)
        {
            _appends.Drain();
            _writer.SetCommitData(data);
            _writer.Commit();
            Volatile.Write(ref _commitData, committed);
        }
    }

    /// <summary>
    /// Finds the segments of <see cref="SegmentFilter.MemoryId"/> whose chosen side matches the term and that pass
    /// the filters; returns a page of ids in ascending order and the total number of hits. Sees the writes of the
    /// last <see cref="Refresh"/>.
    /// </summary>
    /// <param name="query">The term, sides, filters and page.</param>
    /// <returns>The page's ids and the total.</returns>
    /// <exception cref="ArgumentException">
    /// The term has nothing to search on the sides asked for (empty, or no word on the English side), the sides are
    /// not Korean, English or Both, or a prefix inside a phrase stands for too many words.
    /// </exception>
    public ConcordanceHits Search(ConcordanceQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(query.Term, nameof(query));
        ArgumentOutOfRangeException.ThrowIfNegative(query.MaxHits, nameof(query));
        if (query.Sides is not (ConcordanceSides.Korean or ConcordanceSides.English or ConcordanceSides.Both))
        {
            throw new ArgumentException($"Sides must be Korean, English or Both, not {query.Sides}.", nameof(query));
        }

        ConcordanceTerm term = ConcordanceTerm.Parse(query.Term);
        IndexSearcher searcher = _searchers.Acquire();
        try
        {
            Query text = TextQuery(query, term, searcher.IndexReader);
            if (query.Origin is { } origin && IntersectOrigin(text, new Term(SearchFields.Origin, origin), searcher.IndexReader))
            {
                text = new BooleanQuery(disableCoord: true)
                {
                    { text, Occur.MUST },
                    { new TermQuery(new Term(SearchFields.Origin, origin)), Occur.MUST },
                };
            }

            return ConcordanceSearch.Run(searcher, text, new HitFilter(query), query.AfterId, query.MaxHits);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    /// <summary>
    /// The ids of the segments of <see cref="SegmentFilter.MemoryId"/> that pass <paramref name="filter"/>'s conditions,
    /// with no term: the pairs of one document, one import, one user or a date range, e.g. to restrict a fuzzy lookup
    /// to them (TM.Matching's <c>MatchOptions.Accepts</c> can ask <see cref="SegmentIdSet.Contains"/>). The conditions
    /// mean exactly what they do in a <see cref="ConcordanceQuery"/>. Sees the writes of the last <see cref="Refresh"/>;
    /// deleted and replaced documents are not included.
    /// </summary>
    /// <param name="filter">The memory and the conditions; a filter with none returns every segment of the memory.</param>
    /// <returns>The ids, empty when nothing passes; immutable, so it may be kept and shared across threads.</returns>
    /// <remarks>
    /// <para>
    /// Reads every live document of the memory's Lucene segments, one doc-value read (about 45 ns) per document and
    /// condition, or with an <see cref="SegmentFilter.Origin"/> only the origin's documents (its postings); ids are
    /// read only where they are not consecutive. Measured per million documents (Release build, two cores, load
    /// average 5): 14–22 ms for a memory alone with no condition; 45–65 ms with a user, date or import condition, or
    /// when the memory's documents are interleaved with another memory's; 55–110 ms when every id is apart from the
    /// next; 0.2–0.5 ms for an origin of 2,000 pairs, whatever the memory's size. Worth keeping while nothing is
    /// written rather than computing for every lookup.
    /// </para>
    /// <para>
    /// The result is a bitmap over its id range, 125 KB per million ids (<see cref="SegmentIdSet"/>); while it is
    /// built the ids take 8 bytes each.
    /// </para>
    /// </remarks>
    public SegmentIdSet MatchingIds(SegmentFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var conditions = new HitFilter(filter);
        Term? origin = filter.Origin is null ? null : new Term(SearchFields.Origin, filter.Origin);
        var ids = new List<long>();
        IndexSearcher searcher = _searchers.Acquire();
        try
        {
            foreach (AtomicReaderContext leaf in searcher.IndexReader.Leaves)
            {
                AtomicReader reader = leaf.AtomicReader;
                LeafInfo info = LeafInfo.Of(reader);
                HitFilter.Leaf? checks = conditions.ForLeaf(reader, info);
                if (checks is null)
                {
                    continue;
                }

                MatchingIdsScan.Collect(reader, info, checks, origin, ids);
            }
        }
        finally
        {
            _searchers.Release(searcher);
        }

        return SegmentIdSet.Of(CollectionsMarshal.AsSpan(ids));
    }

    /// <summary>
    /// The payloads (<see cref="IndexedSegment.Payload"/>) of the segments with these ids that searches see (as of the
    /// last <see cref="Refresh"/>); segments missing or without a payload are left out, in no particular order.
    /// </summary>
    /// <param name="ids">The segment ids.</param>
    /// <remarks>
    /// The ids are doc values, not terms, so this reads every document's id (about 5 ms per million documents) and
    /// then each hit's stored fields: the way to read pairs while their store is down, not instead of it.
    /// </remarks>
    public IReadOnlyList<byte[]> GetPayloads(IReadOnlyCollection<long> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return [];
        }

        var wanted = new HashSet<long>(ids);
        var payloads = new List<byte[]>(wanted.Count);
        IndexSearcher searcher = _searchers.Acquire();
        try
        {
            TopDocs found = searcher.Search(DocValuesSetFilter.Query(SearchFields.Id, wanted), wanted.Count);
            foreach (ScoreDoc hit in found.ScoreDocs)
            {
                BytesRef? payload = searcher.Doc(hit.Doc).GetBinaryValue(SearchFields.Payload);
                if (payload is not null)
                {
                    payloads.Add(payload.Bytes.AsSpan(payload.Offset, payload.Length).ToArray());
                }
            }
        }
        finally
        {
            _searchers.Release(searcher);
        }

        return payloads;
    }

    /// <summary>How many segments searches see (as of the last <see cref="Refresh"/>), of one memory or of all.</summary>
    /// <param name="memoryId">The memory, or null for every memory.</param>
    /// <returns>The number of live documents.</returns>
    public long Count(long? memoryId = null)
    {
        IndexSearcher searcher = _searchers.Acquire();
        try
        {
            if (memoryId is not { } memory)
            {
                return searcher.IndexReader.NumDocs;
            }

            long count = 0;
            foreach (AtomicReaderContext leaf in searcher.IndexReader.Leaves)
            {
                AtomicReader reader = leaf.AtomicReader;
                LeafInfo info = LeafInfo.Of(reader);
                if (info.IsOnly(memory))
                {
                    count += reader.NumDocs;
                }
                else if (info.MayHold(memory))
                {
                    NumericDocValues memories = reader.GetNumericDocValues(SearchFields.Memory);
                    IBits? live = reader.LiveDocs;
                    for (int doc = 0; doc < reader.MaxDoc; doc++)
                    {
                        if (memories.Get(doc) == memory && (live is null || live.Get(doc)))
                        {
                            count++;
                        }
                    }
                }
            }

            return count;
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    /// <summary>
    /// Closes the index and releases its files and lock. Commits nothing: writes since the last <see cref="Commit"/>
    /// are discarded (Lucene's rollback), so that the index on disk is always exactly what the last commit's data
    /// describes; call <see cref="Commit"/> first to keep them.
    /// </summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _appends.Dispose();
        _searchers.Dispose();
        Close(_writer, _directory);
    }

    // Whether a search filtered by one origin should intersect the origin's postings rather than check each hit of the
    // text from doc values. Checking costs ~90 ns per hit of the text; intersecting ~180 ns per pair of the smaller
    // side (concordance benchmark, 1M pairs), so it pays when the text may hit more than twice the origin's pairs:
    // a filtered English word's p99 went from 45 to 18 ms, while a rare term keeps the cheaper walk.
    private static bool IntersectOrigin(Query text, Term origin, IndexReader reader) =>
        EstimatedHits(text, reader) > 2L * reader.DocFreq(origin);

    // At most how many documents the text query can hit: a term's document frequency, a phrase's rarest term, the sum
    // of a disjunction's clauses; anything else counts as unbounded.
    private static long EstimatedHits(Query query, IndexReader reader) => query switch
    {
        TermQuery single => reader.DocFreq(single.Term),
        PhraseQuery phrase => phrase.GetTerms().Select(reader.DocFreq).DefaultIfEmpty(0).Min(),
        BooleanQuery either => either.Clauses.Aggregate(0L, (sum, clause) => EstimatedHits(clause.Query, reader) is var hits && sum > long.MaxValue - hits ? long.MaxValue : sum + hits),
        _ => long.MaxValue,
    };

    private static Query TextQuery(ConcordanceQuery query, ConcordanceTerm term, IndexReader reader)
    {
        Query? korean = query.Sides.HasFlag(ConcordanceSides.Korean) ? KoreanTermQuery.Build(term.Text, reader) : null;
        Query? english = query.Sides.HasFlag(ConcordanceSides.English) ? EnglishTermQuery.Build(term, query.EnglishWordForms, reader) : null;
        if (korean is not null && english is not null)
        {
            return new BooleanQuery(disableCoord: true)
            {
                { korean, Occur.SHOULD },
                { english, Occur.SHOULD },
            };
        }

        return korean ?? english ?? throw new ArgumentException(NothingToSearch(query), nameof(query));
    }

    private static string NothingToSearch(ConcordanceQuery query) => string.IsNullOrWhiteSpace(query.Term.Trim().TrimEnd('*'))
        ? "The concordance term is empty: type a word or part of one."
        : $"The concordance term '{query.Term}' has no word to search for on the English side (punctuation and symbols alone are not indexed there); search the Korean side, or type a word.";

    private static void Validate(IndexedSegment segment)
    {
        ArgumentNullException.ThrowIfNull(segment);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(segment.Id, nameof(segment));
        ArgumentNullException.ThrowIfNull(segment.Korean, nameof(segment));
        ArgumentNullException.ThrowIfNull(segment.English, nameof(segment));
        ArgumentNullException.ThrowIfNull(segment.Origin, nameof(segment));
        ArgumentNullException.ThrowIfNull(segment.CreatedBy, nameof(segment));
        ArgumentNullException.ThrowIfNull(segment.ChangedBy, nameof(segment));
    }

    // What Lucene throws for files it cannot read: bad checksums or headers, formats of other Lucene versions,
    // files cut short, files the last commit names but the directory lacks.
    private static bool IsUnreadableIndex(Exception e) =>
        e is CorruptIndexException or IndexFormatTooOldException or IndexFormatTooNewException
            or IndexNotFoundException or EndOfStreamException or FileNotFoundException;

    private static void Close(IndexWriter? writer, Lucene.Net.Store.Directory directory)
    {
        try
        {
            // Rollback discards uncommitted writes and closes the writer, releasing the write lock.
            writer?.Rollback();
        }
        finally
        {
            directory.Dispose();
        }
    }
}
