using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Standard;

namespace TM.Search.Internal;

/// <summary>
/// The English word-forms field (<see cref="SearchFields.EnglishStems"/>): Porter stems, so "negotiation" finds
/// "negotiations" and "negotiated". EnglishAnalyzer's chain without its stop filter.
/// </summary>
internal sealed class EnglishStemAnalyzer : Analyzer
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(SearchFields.LuceneVersion, reader);            // UAX#29 words
        TokenStream sink = new EnglishPossessiveFilter(SearchFields.LuceneVersion, source); // China's -> China
        sink = new LowerCaseFilter(SearchFields.LuceneVersion, sink);                      // before the stemmer, which expects lower case
        sink = new PorterStemFilter(sink);                                                // negotiations -> negoti
        return new TokenStreamComponents(source, sink);
    }
}
