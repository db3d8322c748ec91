using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Standard;

namespace TM.Search.Internal;

/// <summary>
/// The English field (<see cref="SearchFields.English"/>): words as written, lower-cased, each followed at its position
/// by its word-forms key (<see cref="WordFormKeyFilter"/>). No stop filter: "the" and "of" are words a translator searches for ("the
/// Treaty of Paris").
/// </summary>
internal sealed class EnglishWordAnalyzer : Analyzer
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(SearchFields.LuceneVersion, reader);      // UAX#29 words
        TokenStream sink = new LowerCaseFilter(SearchFields.LuceneVersion, source); // War == war
        sink = new WordFormCopyFilter(sink);                                        // negotiations, negotiations (to stem)
        sink = new PorterStemFilter(sink);                                          // negotiations, negoti
        sink = new WordFormKeyFilter(sink);                                         // negotiations, \u0001negoti
        return new TokenStreamComponents(source, sink);
    }
}
