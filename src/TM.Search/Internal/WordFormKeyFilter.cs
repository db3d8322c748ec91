using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace TM.Search.Internal;

/// <summary>
/// Turns the stemmed copy of each word (<see cref="WordFormCopyFilter"/>, then <c>PorterStemFilter</c>) into the word's
/// word-forms key: <see cref="Marker"/> and the stem ("negotiations" → "\u0001negoti", "china's" → "\u0001china", "war"
/// → "\u0001war"). A word-forms search is then one term per word, in the same field as exact search
/// (<see cref="EnglishTermQuery"/>).
/// </summary>
internal sealed class WordFormKeyFilter : TokenFilter
{
    /// <summary>Starts every key: no word holds it, so a key never equals a word, and no prefix of a word finds one.</summary>
    public const char Marker = '\u0001';

    private readonly ICharTermAttribute _term;
    private readonly IKeywordAttribute _keyword;

    public WordFormKeyFilter(TokenStream input)
        : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _keyword = AddAttribute<IKeywordAttribute>();
    }

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        if (!_keyword.IsKeyword)
        {
            int length = _term.Length;
            char[] buffer = _term.ResizeBuffer(length + 1);
            buffer.AsSpan(0, length).CopyTo(buffer.AsSpan(1));
            buffer[0] = Marker;
            _term.Length = length + 1;
        }

        return true;
    }
}
