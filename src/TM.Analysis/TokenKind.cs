namespace TM.Analysis;

/// <summary>What kind of text a <see cref="Token"/> covers; set by <see cref="ScriptTokenizer"/>.</summary>
public enum TokenKind
{
    /// <summary>A run of Hangul syllables or jamo (split into n-grams by <see cref="HangulNgramFilter"/>).</summary>
    Hangul,

    /// <summary>
    /// A run of letters of an alphabetic script (Latin, Greek, Cyrillic, ...) with their combining marks and
    /// with apostrophes or hyphens that sit between two letters ("People's", "Il-sung").
    /// </summary>
    Word,

    /// <summary>A run of digits with decimal points and thousands separators ("170,000", "3.5").</summary>
    Number,

    /// <summary>One Han ideograph (Hanja) or Japanese kana: these scripts are matched one character at a time.</summary>
    Han,

    /// <summary>
    /// One symbol that carries meaning a translator must render: currency, math and other symbols, and
    /// % ‰ # &amp; @ § (which Unicode files under punctuation).
    /// </summary>
    Symbol,

    /// <summary>One punctuation character; not a matching unit (see <see cref="PunctuationFilter"/>).</summary>
    Punctuation,
}
