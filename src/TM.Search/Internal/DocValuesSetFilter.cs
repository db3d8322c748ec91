using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace TM.Search.Internal;

/// <summary>
/// Documents whose numeric doc value is one of a set: the delete query for ids and memories, which are doc values
/// only (an indexed id term would cost every added pair about 2 µs to index and every update a term lookup per
/// segment). Lucene applies a buffered delete query at the next refresh or commit, reading one doc value per document.
/// </summary>
internal sealed class DocValuesSetFilter(string field, IReadOnlySet<long> values) : Filter
{
    public static Query Query(string field, IReadOnlySet<long> values) => new ConstantScoreQuery(new DocValuesSetFilter(field, values));

    public override DocIdSet? GetDocIdSet(AtomicReaderContext context, IBits? acceptDocs)
    {
        NumericDocValues? docValues = context.AtomicReader.GetNumericDocValues(field);
        if (docValues is null)
        {
            return null;
        }

        return new FieldCacheDocIdSet(context.Reader.MaxDoc, acceptDocs, doc => values.Contains(docValues.Get(doc)));
    }

    public override string ToString() => $"{field} in ({values.Count} values)";
}
