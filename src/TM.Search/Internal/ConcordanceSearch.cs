using Lucene.Net.Index;
using Lucene.Net.Search;

namespace TM.Search.Internal;

/// <summary>
/// Runs a text query over every segment of a searcher: counts every hit that passes the filters and keeps the
/// smallest ids above the page boundary. Written out rather than through IndexSearcher.Search with a sort, which
/// measured 50-100 ns per hit more (a sorting collector and a conjunction with the memory's postings) where this
/// loop costs the postings walk plus one doc-value read per hit.
/// </summary>
internal static class ConcordanceSearch
{
    public static ConcordanceHits Run(IndexSearcher searcher, Query textQuery, HitFilter filter, long afterId, int maxHits)
    {
        Weight weight = searcher.CreateNormalizedWeight(textQuery);
        Term? singleTerm = (textQuery as TermQuery)?.Term;
        TopIds? top = maxHits > 0 ? new TopIds(maxHits) : null;
        long total = 0;
        foreach (AtomicReaderContext context in searcher.IndexReader.Leaves)
        {
            AtomicReader reader = context.AtomicReader;
            LeafInfo info = LeafInfo.Of(reader);
            HitFilter.Leaf? checks = filter.ForLeaf(reader, info);
            if (checks is null)
            {
                continue;
            }

            if (checks.PassesAll && singleTerm is not null && reader.LiveDocs is null)
            {
                // One term, nothing to check, nothing deleted: the segment's hits are its documents with the term.
                total += reader.DocFreq(singleTerm);
                if (top is not null && info.MaxId > afterId)
                {
                    CollectPage(weight, context, afterId, top, info.RunStarts);
                }

                continue;
            }

            Scorer? scorer = weight.GetScorer(context, reader.LiveDocs);
            if (scorer is null)
            {
                continue;
            }

            NumericDocValues ids = reader.GetNumericDocValues(SearchFields.Id);
            bool passesAll = checks.PassesAll;
            int doc;
            while ((doc = scorer.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS)
            {
                if (!passesAll && !checks.Accept(doc))
                {
                    continue;
                }

                total++;
                if (top is not null)
                {
                    long id = ids.Get(doc);
                    if (id > afterId)
                    {
                        top.Offer(id);
                    }
                }
            }
        }

        return new ConcordanceHits(top?.ToSortedArray() ?? [], (int)Math.Min(total, int.MaxValue));
    }

    // The page's candidates from a segment whose hits need no check. In each run of ascending ids the page starts at
    // the first document above afterId (a binary search over the id doc values) and the run is left as soon as an id
    // cannot enter the page; the scorer only moves forward, and runs follow one another in document order.
    private static void CollectPage(Weight weight, AtomicReaderContext context, long afterId, TopIds top, int[] runStarts)
    {
        AtomicReader reader = context.AtomicReader;
        Scorer? scorer = weight.GetScorer(context, reader.LiveDocs);
        if (scorer is null)
        {
            return;
        }

        NumericDocValues ids = reader.GetNumericDocValues(SearchFields.Id);
        int doc = -1;
        for (int run = 0; run < runStarts.Length; run++)
        {
            int end = run + 1 < runStarts.Length ? runStarts[run + 1] : reader.MaxDoc;
            int first = FirstDocAbove(ids, runStarts[run], end, afterId);
            if (first == end)
            {
                continue;
            }

            if (doc < first)
            {
                doc = scorer.Advance(first);
            }

            for (; doc < end; doc = scorer.NextDoc())
            {
                long id = ids.Get(doc);
                if (top.IsFull && id >= top.Max)
                {
                    break;
                }

                top.Offer(id);
            }

            if (doc == DocIdSetIterator.NO_MORE_DOCS)
            {
                return;
            }
        }
    }

    // The first document of [low, high) whose id is above afterId, or high; ids ascend over the range.
    private static int FirstDocAbove(NumericDocValues ids, int low, int high, long afterId)
    {
        while (low < high)
        {
            int middle = (int)(((uint)low + (uint)high) >> 1);
            if (ids.Get(middle) > afterId)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return low;
    }
}
