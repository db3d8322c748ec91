namespace TM.Text.Internal;

/// <summary>Character classes the pipeline cares about; all checks are range tests, no Unicode tables.</summary>
internal static class Chars
{
    /// <summary>Precomposed Hangul syllables (가..힣), the bulk of Korean text.</summary>
    public static bool IsHangulSyllable(char c) => c is >= '\uAC00' and <= '\uD7A3';

    /// <summary>Any Hangul letter: syllables, conjoining jamo and compatibility jamo.</summary>
    public static bool IsHangul(char c) =>
        IsHangulSyllable(c) || c is >= '\u1100' and <= '\u11FF' || c is >= '\u3130' and <= '\u318F';

    /// <summary>Latin letters, including the accented ranges (Latin-1, Extended-A/B, Extended Additional).</summary>
    public static bool IsLatinLetter(char c) =>
        c is >= 'A' and <= 'Z' or >= 'a' and <= 'z'
        || (c is >= '\u00C0' and <= '\u024F' && c != '\u00D7' && c != '\u00F7')
        || c is >= '\u1E00' and <= '\u1EFF';

    /// <summary>CJK ideographs, which Korean uses for Hanja glosses such as 休戰會談.</summary>
    public static bool IsHanja(char c) =>
        c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF';

    /// <summary>ASCII or full-width digit.</summary>
    public static bool IsDigit(char c) => c is >= '0' and <= '9' or >= '\uFF10' and <= '\uFF19';

    /// <summary>The value of a digit accepted by <see cref="IsDigit"/>.</summary>
    public static int DigitValue(char c) => c <= '9' ? c - '0' : c - '\uFF10';

    /// <summary>Punctuation that ends a sentence.</summary>
    public static bool IsTerminal(char c) => c is '.' or '?' or '!' or '…' or '。' or '？' or '！';

    /// <summary>Closing quotes and brackets that may follow the terminal punctuation of a sentence.</summary>
    public static bool IsCloser(char c) => c is '"' or '\'' or '”' or '’' or ')' or ']' or '}' or '」' or '』' or '》' or '〉' or '»' or '）';

    /// <summary>Opening quotes and brackets that may precede the first word of a sentence.</summary>
    public static bool IsOpener(char c) => c is '"' or '\'' or '“' or '‘' or '(' or '[' or '{' or '「' or '『' or '《' or '〈' or '«' or '（';

    /// <summary>Quotation marks among the closers (not brackets).</summary>
    public static bool IsClosingQuote(char c) => c is '"' or '\'' or '”' or '’' or '」' or '』' or '»';
}
