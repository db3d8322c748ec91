namespace TM.Interchange.Internal;

/// <summary>
/// Matches language tags by their primary subtag, case-insensitively: ko, ko-KR, KO-kr, kor are Korean; en, en-US,
/// en-GB, EN-us, eng are English. Tools disagree on case, on region and even on two- versus three-letter codes,
/// and a Korean-English TM has no use for the difference.
/// </summary>
internal static class LanguageTags
{
    public static Side Classify(ReadOnlySpan<char> tag)
    {
        tag = tag.Trim();
        int end = tag.IndexOfAny('-', '_');
        ReadOnlySpan<char> primary = end < 0 ? tag : tag[..end];
        if (primary.Equals("ko", StringComparison.OrdinalIgnoreCase) || primary.Equals("kor", StringComparison.OrdinalIgnoreCase))
        {
            return Side.Korean;
        }

        if (primary.Equals("en", StringComparison.OrdinalIgnoreCase) || primary.Equals("eng", StringComparison.OrdinalIgnoreCase))
        {
            return Side.English;
        }

        return Side.Other;
    }
}
