using TM.Storage;

namespace TM.Server.Memory;

/// <summary>Guesses whether a sentence is Korean or English from its letters, for lookups that do not say.</summary>
public static class LanguageDetector
{
    /// <summary>Korean when Hangul syllables or jamo outnumber Latin letters, else English.</summary>
    public static SegmentSide Detect(ReadOnlySpan<char> text)
    {
        int hangul = 0, latin = 0;
        foreach (var c in text)
        {
            if (c is >= '\uAC00' and <= '\uD7A3' or >= '\u1100' and <= '\u11FF' or >= '\u3130' and <= '\u318F')
                hangul++;
            else if (c is >= 'A' and <= 'Z' or >= 'a' and <= 'z')
                latin++;
        }
        // A Hangul syllable carries about three Latin letters' worth of text.
        return hangul * 3 >= latin && hangul > 0 ? SegmentSide.Korean : SegmentSide.English;
    }
}
