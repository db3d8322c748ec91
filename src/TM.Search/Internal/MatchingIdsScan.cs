using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace TM.Search.Internal;

/// <summary>
/// The ids of one Lucene segment's live documents that pass a filter's checks, for
/// <see cref="SegmentSearchIndex.MatchingIds"/>: every document, or with an origin only the origin's postings.
/// </summary>
/// <remarks>
/// Reading an id doc value costs about 55 ns (Lucene.Net's packed reader over the memory-mapped file), which was
/// nearly all of a scan without conditions: 55–60 ms per million documents against 3 ms without the reads. Ids come
/// in long stretches of consecutive values (each indexing thread adds a block of an upsert's ids, and a replaced or
/// deleted document keeps its place and its id in the segment), so <see cref="IdReader"/> computes them within a
/// stretch instead of reading them: 14–22 ms per million documents, measured.
/// </remarks>
internal static class MatchingIdsScan
{
    public static void Collect(AtomicReader reader, LeafInfo info, HitFilter.Leaf checks, Term? origin, List<long> ids)
    {
        var idOf = new IdReader(reader.GetNumericDocValues(SearchFields.Id), info.RunStarts, reader.MaxDoc);
        if (origin is not null)
        {
            // The origin's postings, live documents only, rather than every document: one document's pairs are usually
            // a small part of a memory. Accept checks the origin again, a read per pair that keeps the checks in one place.
            DocsEnum? docs = reader.GetTermDocsEnum(origin);
            int doc;
            while (docs is not null && (doc = docs.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS)
            {
                if (checks.Accept(doc))
                {
                    ids.Add(idOf.Get(doc));
                }
            }

            return;
        }

        IBits? live = reader.LiveDocs;
        bool passesAll = checks.PassesAll;
        int count = reader.MaxDoc;
        for (int doc = 0; doc < count; doc++)
        {
            if ((live is null || live.Get(doc)) && (passesAll || checks.Accept(doc)))
            {
                ids.Add(idOf.Get(doc));
            }
        }
    }

    /// <summary>
    /// The id of each document asked for, in ascending document order, read only where it cannot be computed. Within a
    /// run ids strictly ascend, so id − document never decreases: two documents of a run with the same difference
    /// have consecutive ids between them. From each document read, probes at distances 1, 2, 4, … extend the stretch
    /// known to be consecutive while the difference holds; a stretch of thousands then costs a dozen reads.
    /// </summary>
    private sealed class IdReader(NumericDocValues values, int[] runStarts, int maxDoc)
    {
        // After a stretch of one document (ids with gaps: every probe fails), this many ids are read without probing,
        // so that gappy ids cost one read per document plus one probe in ProbeBackoff + 1, not two reads.
        private const int ProbeBackoff = 16;

        private int _run = -1;
        private int _runEnd;
        private int _stretchEnd;
        private long _difference;
        private int _unprobed;

        // The last failed probe: the next document asked is often that one.
        private int _probedDoc = -1;
        private long _probedId;

        public long Get(int doc)
        {
            if (doc < _stretchEnd)
            {
                return doc + _difference;
            }

            if (doc >= _runEnd)
            {
                Enter(doc);
            }

            long id = doc == _probedDoc ? _probedId : values.Get(doc);
            if (_unprobed > 0)
            {
                _unprobed--;
                return id;
            }

            long difference = id - doc;
            int known = doc;
            for (long step = 1; step < _runEnd - known; step <<= 1)
            {
                int probe = (int)(known + step);
                long probed = values.Get(probe);
                if (probed - probe != difference)
                {
                    _probedDoc = probe;
                    _probedId = probed;
                    break;
                }

                known = probe;
            }

            _stretchEnd = known + 1;
            _difference = difference;
            _unprobed = known == doc ? ProbeBackoff : 0;
            return id;
        }

        private void Enter(int doc)
        {
            do
            {
                _run++;
                _runEnd = _run + 1 < runStarts.Length ? runStarts[_run + 1] : maxDoc;
            }
            while (doc >= _runEnd);

            _unprobed = 0;
        }
    }
}
