using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace TM.Search.Internal;

/// <summary>
/// Each lower-cased word twice at its position: as written, marked as a keyword (which stemmers leave alone), then a
/// copy without a possessive 's for <c>PorterStemFilter</c> to stem, which <see cref="WordFormKeyFilter"/> then marks
/// as the word's key.
/// </summary>
/// <remarks>
/// Lucene's KeywordRepeatFilter does the repeating by capturing and restoring every attribute per token; this filter
/// changes only the term, the increment and the keyword flag, since the copy keeps the word's offsets and type. The
/// possessive rule is EnglishPossessiveFilter's, which cannot be chained here: it would cut the word as well.
/// </remarks>
internal sealed class WordFormCopyFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;
    private readonly IPositionIncrementAttribute _increment;
    private readonly IKeywordAttribute _keyword;
    private bool _copyNext;

    public WordFormCopyFilter(TokenStream input)
        : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _increment = AddAttribute<IPositionIncrementAttribute>();
        _keyword = AddAttribute<IKeywordAttribute>();
    }

    public override bool IncrementToken()
    {
        if (_copyNext)
        {
            // The term attribute still holds the word: the consumer reads it and does not change it.
            _copyNext = false;
            _term.Length = WithoutPossessive(_term.Buffer, _term.Length);
            _increment.PositionIncrement = 0;
            _keyword.IsKeyword = false;
            return true;
        }

        if (!m_input.IncrementToken())
        {
            return false;
        }

        _keyword.IsKeyword = true;
        _copyNext = true;
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        _copyNext = false;
    }

    // A trailing 's after an apostrophe, a right single quotation mark or a fullwidth apostrophe (lower case here).
    private static int WithoutPossessive(char[] word, int length) =>
        length >= 2 && word[length - 1] == 's' && word[length - 2] is '\'' or '\u2019' or '\uFF07' ? length - 2 : length;
}
