namespace TM.Client.Output;

/// <summary>
/// Splits a sentence into the units the server scores: one unit per Hangul syllable (Korean has no reliable
/// word boundaries, so a changed particle such as 은 → 이 should show as one syllable, not a whole eojeol),
/// one per CJK or kana character, one per run of other letters and digits (a Latin word or a number), one per
/// punctuation mark or symbol. Whitespace separates units and is never a unit.
/// </summary>
internal static class DiffTokenizer
{
    /// <summary>The units of <paramref name="text"/>, in order.</summary>
    public static List<DiffUnit> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var units = new List<DiffUnit>();
        var i = 0;
        while (i < text.Length)
        {
            var gapStart = i;
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i == text.Length)
            {
                break;
            }

            var start = i;
            if (IsPerCharacterScript(text[i]))
            {
                i++;
            }
            else if (char.IsLetterOrDigit(text[i]))
            {
                i++;
                while (i < text.Length && IsWordContinuation(text[i]))
                {
                    i++;
                }
            }
            else
            {
                // A surrogate pair is one character to the reader; never split it.
                i += char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
            }

            units.Add(new DiffUnit(gapStart, start, i - start));
        }

        return units;
    }

    /// <summary>True for Hangul (syllables and jamo), CJK ideographs and kana: scripts compared character by character.</summary>
    public static bool IsPerCharacterScript(char c) =>
        IsHangul(c)
        || c is >= '\u3040' and <= '\u30FF'   // hiragana, katakana
        || c is >= '\u3400' and <= '\u4DBF'   // CJK extension A
        || c is >= '\u4E00' and <= '\u9FFF'   // CJK unified ideographs (Hanja)
        || c is >= '\uF900' and <= '\uFAFF';  // CJK compatibility ideographs

    /// <summary>True for Hangul syllables and jamo (conjoining, compatibility and extended).</summary>
    public static bool IsHangul(char c) =>
        c is >= '\uAC00' and <= '\uD7A3'
        || c is >= '\u1100' and <= '\u11FF'
        || c is >= '\u3130' and <= '\u318F'
        || c is >= '\uA960' and <= '\uA97F'
        || c is >= '\uD7B0' and <= '\uD7FF';

    private static bool IsWordContinuation(char c) =>
        !IsPerCharacterScript(c)
        && (char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark
            or System.Globalization.UnicodeCategory.SpacingCombiningMark);
}
