using TM.Server.Concordance;
using TM.Storage;

namespace TM.Server.Memory;

/// <summary>
/// Reads the stored pairs an answer shows (lookup hits and their neighbours, concordance hits): from the store, the
/// source of truth; on a shared store that cannot be reached, from the copies this server's search index keeps, so
/// reads go on during a database outage with the pairs as this server last saw them.
/// </summary>
internal sealed class SegmentRecordReader(ISegmentStore store, SearchIndexFollower search)
{
    /// <summary>The pairs with these ids, in the order of <paramref name="ids"/>; ids not found are left out.</summary>
    public IReadOnlyList<SegmentRecord> GetRecords(IReadOnlyList<long> ids)
    {
        try
        {
            return store.GetRecords(ids);
        }
        catch (Exception e) when (store is ISharedSegmentStore && SharedStoreFailure.IsUnreachable(e))
        {
            var byId = new Dictionary<long, SegmentRecord>();
            foreach (var record in search.GetStoredRecords(ids))
                byId[record.Segment.Id] = record;
            var ordered = new List<SegmentRecord>(byId.Count);
            foreach (var id in ids)
            {
                if (byId.TryGetValue(id, out var record))
                    ordered.Add(record);
            }
            return ordered;
        }
    }
}
