using Lucene.Net.Analysis;

namespace TM.Search.Internal;

/// <summary>
/// The Korean field (<see cref="SearchFields.Korean"/>): every character, and the 2- and 3-grams of letters and
/// digits, at positions equal to their offsets, lower-cased by the tokenizer as it reads the text. Searched as exact
/// substrings (<see cref="KoreanTermQuery"/>).
/// </summary>
internal sealed class KoreanSubstringAnalyzer : Analyzer
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new SubstringGramTokenizer(reader);          // unigrams + 2-3-grams, position = offset
        return new TokenStreamComponents(source); // folds case and whitespace itself (SubstringGramTokenizer.Fold)
    }
}
