using Microsoft.Extensions.Logging;
using TM.Interchange;
using TM.Matching;
using TM.Storage;

namespace TM.Server.Memory;

/// <summary>The in-memory fuzzy indexes of one memory: one per language side, kept in step with the store.</summary>
public sealed class MemoryIndex
{
    /// <summary>Creates the indexes of a memory: empty, or loaded already (from a snapshot).</summary>
    /// <param name="info">The memory's identity in the store.</param>
    /// <param name="logger">Where a failed background index update is reported; null for nowhere.</param>
    /// <param name="korean">The Korean index; null for an empty one.</param>
    /// <param name="english">The English index; null for an empty one.</param>
    /// <param name="koreanSentences">The Korean fragment index's entries; null for an empty one.</param>
    /// <param name="englishSentences">The English fragment index's entries; null for an empty one.</param>
    public MemoryIndex(MemoryInfo info, ILogger? logger = null, FuzzyIndex? korean = null, FuzzyIndex? english = null,
        FuzzyIndex? koreanSentences = null, FuzzyIndex? englishSentences = null)
    {
        _info = info;
        Korean = korean ?? new FuzzyIndex();
        English = english ?? new FuzzyIndex();
        KoreanFragments = new FragmentIndex(SegmentSide.Korean, koreanSentences);
        EnglishFragments = new FragmentIndex(SegmentSide.English, englishSentences);
        Updates = new IndexUpdateQueue(this, logger);
    }

    /// <summary>The memory's identity in the store (its name changes with RenameMemory, its id never).</summary>
    public MemoryInfo Info
    {
        get => Volatile.Read(ref _info);
        internal set => Volatile.Write(ref _info, value);
    }

    private MemoryInfo _info;

    /// <summary>The memory's description and Lookup defaults, as last read from or written to the store.</summary>
    public MemorySettings Settings
    {
        get => Volatile.Read(ref _settings);
        internal set => Volatile.Write(ref _settings, value);
    }

    private MemorySettings _settings = MemorySettings.None;

    /// <summary>The sentences of multi-sentence Korean sides, for fragment matches.</summary>
    public FragmentIndex KoreanFragments { get; }

    /// <summary>The sentences of multi-sentence English sides, for fragment matches.</summary>
    public FragmentIndex EnglishFragments { get; }

    /// <summary>Index over the Korean sides.</summary>
    public FuzzyIndex Korean { get; }

    /// <summary>Index over the English sides.</summary>
    public FuzzyIndex English { get; }

    /// <summary>The store generation the snapshot on disk describes, when it describes this index; -1 when there is none.</summary>
    internal long SnapshotGeneration { get; set; } = -1;

    /// <summary>When the memory was created, once read from the store (<see cref="TranslationMemoryCatalog.Created"/>).</summary>
    internal DateTimeOffset? Created { get; set; }

    private long _changesSinceSnapshot;

    /// <summary>True when the indexes were loaded from a snapshot at start rather than built from the texts.</summary>
    internal bool LoadedFromSnapshot { get; init; }

    /// <summary>Word associations learned from this memory's pairs, for aligning documents into it.</summary>
    public MemoryLexicon Lexicon { get; } = new();

    /// <summary>Serialises writers to this memory so the store and both indexes change in the same order.</summary>
    internal SemaphoreSlim WriteGate { get; } = new(1, 1);

    /// <summary>Applies committed batches to the indexes in commit order, off the committing thread.</summary>
    internal IndexUpdateQueue Updates { get; }

    /// <summary>The index to search for a query in <paramref name="side"/>.</summary>
    public FuzzyIndex For(SegmentSide side) => side == SegmentSide.Korean ? Korean : English;

    /// <summary>The fragment index to search for a query in <paramref name="side"/>.</summary>
    public FragmentIndex FragmentsFor(SegmentSide side) => side == SegmentSide.Korean ? KoreanFragments : EnglishFragments;

    /// <summary>Adds stored segments to both indexes; each index applies the batch atomically.</summary>
    public void Add(IReadOnlyList<StoredSegment> segments)
    {
        var korean = new List<KeyValuePair<int, string>>(segments.Count);
        var english = new List<KeyValuePair<int, string>>(segments.Count);
        foreach (var segment in segments)
        {
            var id = ToIndexId(segment.Id);
            // Inline-tag placeholders are formatting, not words: left in, one in the middle of a word would split
            // it (the tokenizer reads private use as punctuation), so "<b>Hunmin</b>jeongeum" would not match.
            korean.Add(new(id, InlinePlaceholder.Remove(segment.Korean)));
            english.Add(new(id, InlinePlaceholder.Remove(segment.English)));
        }
        // The two sides share nothing, so they load side by side: at start this is most of the time to serve.
        Parallel.Invoke(
            () => Korean.AddRange(korean),
            () => English.AddRange(english),
            () => KoreanFragments.Add(korean),
            () => EnglishFragments.Add(english));
    }

    /// <summary>
    /// Applies one committed batch: new and updated segments (same id, new text) replace what each index holds for
    /// their ids, then removed ids go; the lexicon learns the new pairs.
    /// </summary>
    /// <remarks>
    /// Each index applies the additions and updates of a batch atomically; removals follow one by one, so a search
    /// in between can still see an alternative that an OVERWRITE removes (the store no longer has it, and lookups
    /// drop hits the store does not return).
    /// </remarks>
    internal void Apply(IndexChange change)
    {
        // An updated text may have fewer sentences than the old one: its old sentence entries go first.
        foreach (var segment in change.Updated)
        {
            KoreanFragments.Remove(segment.Id);
            EnglishFragments.Remove(segment.Id);
        }
        if (change.Added.Count > 0 && change.Updated.Count > 0)
            Add([.. change.Added, .. change.Updated]);
        else if (change.Added.Count > 0)
            Add(change.Added);
        else if (change.Updated.Count > 0)
            Add(change.Updated);
        foreach (var id in change.Removed)
        {
            var key = ToIndexId(id);
            Korean.Remove(key);
            English.Remove(key);
            KoreanFragments.Remove(id);
            EnglishFragments.Remove(id);
        }
        Lexicon.Learn(change.Added);
        Lexicon.Learn(change.Updated);
        Interlocked.Add(ref _changesSinceSnapshot, change.Added.Count + change.Updated.Count + change.Removed.Count);
    }

    /// <summary>Segments added, updated or removed since the snapshot on disk was saved or loaded (or since start).</summary>
    internal long ChangesSinceSnapshot => Interlocked.Read(ref _changesSinceSnapshot);

    /// <summary>Records that the snapshot now describes the indexes at <paramref name="generation"/>.</summary>
    internal void SnapshotSaved(long generation)
    {
        SnapshotGeneration = generation;
        Interlocked.Exchange(ref _changesSinceSnapshot, 0);
    }

    // The index keys are ints to halve its postings; SQLite row ids only grow past 2^31 after two
    // billion inserts into one file, which this server refuses loudly rather than wrapping.
    private static int ToIndexId(long id) =>
        id <= int.MaxValue ? (int)id : throw new InvalidOperationException($"Segment id {id} exceeds the index's range.");
}
