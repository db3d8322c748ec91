using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Standard;

namespace TM.Search.Internal;

/// <summary>
/// The English field (<see cref="SearchFields.English"/>): words as written, lower-cased. No stop filter: "the" and
/// "of" are words a translator searches for ("the Treaty of Paris").
/// </summary>
internal sealed class EnglishWordAnalyzer : Analyzer
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(SearchFields.LuceneVersion, reader);      // UAX#29 words
        TokenStream sink = new LowerCaseFilter(SearchFields.LuceneVersion, source); // War == war
        return new TokenStreamComponents(source, sink);
    }
}
