using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;

namespace TM.Search.Internal;

/// <summary>
/// The Korean field (<see cref="SearchFields.Korean"/>): every character, and the 2- and 3-grams of letters and
/// digits, at positions equal to their offsets, lower-cased. Searched as exact substrings (<see cref="KoreanTermQuery"/>).
/// </summary>
internal sealed class KoreanSubstringAnalyzer : Analyzer
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new SubstringGramTokenizer(reader);          // unigrams + 2-3-grams, position = offset
        TokenStream sink = new LowerCaseFilter(SearchFields.LuceneVersion, source); // case-insensitive (Latin in Korean text)
        return new TokenStreamComponents(source, sink);
    }
}
