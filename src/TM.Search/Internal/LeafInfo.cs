using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace TM.Search.Internal;

/// <summary>
/// What a search needs to know about one Lucene segment, read once from its doc values (segments never change
/// once written; deletions do not matter here): the range of memory ids it holds, where its runs of ascending ids
/// start in document order, and its largest id.
/// </summary>
/// <remarks>
/// Each indexing thread adds whole blocks of ascending ids, and blocks arrive in id order, so a flushed segment
/// holds ascending ids and a merged one a few runs of them (one per segment merged into it, at most a few dozen at
/// a million pairs): a page of hits then starts with a binary search per run and ends after
/// <see cref="ConcordanceQuery.MaxHits"/> documents of each. Computing this costs one doc-value read per document of
/// a new segment, done when a refresh opens it (<see cref="WarmingSearcherFactory"/>), not in a search.
/// </remarks>
internal sealed class LeafInfo
{
    private static readonly ConditionalWeakTable<object, LeafInfo> Cache = [];

    private LeafInfo(long memoryMin, long memoryMax, int[] runStarts, long maxId)
    {
        MemoryMin = memoryMin;
        MemoryMax = memoryMax;
        RunStarts = runStarts;
        MaxId = maxId;
    }

    public long MemoryMin { get; }

    public long MemoryMax { get; }

    /// <summary>
    /// The first document of each run of ascending ids, in document order (0 first; empty for an empty segment):
    /// within a run every document's id is larger than the previous document's.
    /// </summary>
    public int[] RunStarts { get; }

    /// <summary>The largest id of any document, deleted ones included; 0 for an empty segment.</summary>
    public long MaxId { get; }

    /// <summary>Every document of the segment belongs to <paramref name="memoryId"/>.</summary>
    public bool IsOnly(long memoryId) => MemoryMin == memoryId && MemoryMax == memoryId;

    /// <summary>The segment may hold documents of <paramref name="memoryId"/>.</summary>
    public bool MayHold(long memoryId) => memoryId >= MemoryMin && memoryId <= MemoryMax;

    public static LeafInfo Of(AtomicReader reader) => Cache.GetValue(reader.CoreCacheKey, _ => Compute(reader));

    private static LeafInfo Compute(AtomicReader reader)
    {
        int count = reader.MaxDoc;
        NumericDocValues? ids = reader.GetNumericDocValues(SearchFields.Id);
        NumericDocValues? memories = reader.GetNumericDocValues(SearchFields.Memory);
        if (count == 0 || ids is null || memories is null)
        {
            return new LeafInfo(long.MaxValue, long.MinValue, [], maxId: 0);
        }

        long min = long.MaxValue, max = long.MinValue, maxId = long.MinValue, previous = long.MinValue;
        var runStarts = new List<int> { 0 };
        for (int doc = 0; doc < count; doc++)
        {
            long id = ids.Get(doc);
            if (doc > 0 && id <= previous)
            {
                runStarts.Add(doc);
            }

            previous = id;
            maxId = Math.Max(maxId, id);
            long memory = memories.Get(doc);
            min = Math.Min(min, memory);
            max = Math.Max(max, memory);
        }

        return new LeafInfo(min, max, [.. runStarts], maxId);
    }
}

/// <summary>Computes every new segment's <see cref="LeafInfo"/> when a refresh opens it, so searches find it ready.</summary>
internal sealed class WarmingSearcherFactory : SearcherFactory
{
    public override IndexSearcher NewSearcher(IndexReader reader)
    {
        foreach (AtomicReaderContext leaf in reader.Leaves)
        {
            LeafInfo.Of(leaf.AtomicReader);
        }

        return base.NewSearcher(reader);
    }
}
