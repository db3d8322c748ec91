using System.Globalization;

namespace TM.Analysis.Internal;

/// <summary>Classifies code points for <see cref="ScriptTokenizer"/>.</summary>
/// <remarks>
/// Uses the runtime's own Unicode category data (<see cref="CharUnicodeInfo"/>), which works under
/// InvariantGlobalization, plus explicit block ranges for the scripts the categories cannot tell apart
/// (Hangul, Han and kana are all "other letter").
/// </remarks>
internal static class CharClassifier
{
    // ASCII is most of the English side and all of the punctuation and digits of the Korean side:
    // one table load instead of a category lookup.
    private static readonly CharClass[] s_ascii = BuildAsciiTable();

    public static CharClass Classify(int codePoint)
    {
        if (codePoint < 0x80)
        {
            return s_ascii[codePoint];
        }

        if (IsHangul(codePoint))
        {
            return CharClass.Hangul;
        }

        UnicodeCategory category = CharUnicodeInfo.GetUnicodeCategory(codePoint);
        if (IsHanOrKana(codePoint) && category is UnicodeCategory.OtherLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.LetterNumber)
        {
            return CharClass.Han;
        }

        return FromCategory(codePoint, category);
    }

    public static bool IsHangul(int c) =>
        c is (>= 0xAC00 and <= 0xD7A3)   // precomposed syllables: the common case
            or (>= 0x1100 and <= 0x11FF) // conjoining jamo
            or (>= 0x3130 and <= 0x318F) // compatibility jamo (ㄱ, ㅋㅋ)
            or (>= 0xA960 and <= 0xA97F) // jamo extended-A
            or (>= 0xD7B0 and <= 0xD7FF) // jamo extended-B
            or (>= 0xFFA0 and <= 0xFFDC); // halfwidth jamo

    private static bool IsHanOrKana(int c) =>
        c is (>= 0x4E00 and <= 0x9FFF)   // CJK unified ideographs
            or (>= 0x3400 and <= 0x4DBF) // extension A
            or (>= 0xF900 and <= 0xFAFF) // compatibility ideographs (Korean duplicates)
            or (>= 0x20000 and <= 0x3FFFF) // extensions B and later, supplementary planes
            or (>= 0x2E80 and <= 0x2FDF) // radicals
            or (>= 0x3005 and <= 0x3007) // 々 〆 〇
            or (>= 0x3021 and <= 0x3029) // Hangzhou numerals
            or (>= 0x3040 and <= 0x30FF) // hiragana, katakana
            or (>= 0x31F0 and <= 0x31FF) // katakana phonetic extensions
            or (>= 0xFF66 and <= 0xFF9F); // halfwidth katakana

    private static CharClass FromCategory(int codePoint, UnicodeCategory category)
    {
        switch (category)
        {
            case UnicodeCategory.UppercaseLetter:
            case UnicodeCategory.LowercaseLetter:
            case UnicodeCategory.TitlecaseLetter:
            case UnicodeCategory.ModifierLetter:
            case UnicodeCategory.OtherLetter:
                return CharClass.Letter;
            case UnicodeCategory.NonSpacingMark:
            case UnicodeCategory.SpacingCombiningMark:
            case UnicodeCategory.EnclosingMark:
                return CharClass.Mark;
            case UnicodeCategory.DecimalDigitNumber:
                return CharClass.Digit;
            case UnicodeCategory.LetterNumber:
            case UnicodeCategory.OtherNumber:
            case UnicodeCategory.MathSymbol:
            case UnicodeCategory.CurrencySymbol:
            case UnicodeCategory.ModifierSymbol:
            case UnicodeCategory.OtherSymbol:
                return CharClass.Symbol;
            case UnicodeCategory.SpaceSeparator:
            case UnicodeCategory.LineSeparator:
            case UnicodeCategory.ParagraphSeparator:
            case UnicodeCategory.Control:
            case UnicodeCategory.Format:
                return CharClass.Ignorable;
            case UnicodeCategory.OtherPunctuation when IsContentPunctuation(codePoint):
                return CharClass.Symbol;
            default:
                // Punctuation proper, plus lone surrogates, private use and unassigned code points:
                // none of them is something a translator matches on.
                return CharClass.Punctuation;
        }
    }

    // Unicode files these under "other punctuation", but "50%" and "50" say different things.
    private static bool IsContentPunctuation(int c) =>
        c is '%' or '#' or '&' or '@' or '\u2030' /* ‰ */ or '\u2031' /* ‱ */ or '\u00A7' /* § */ or '\u00B6' /* ¶ */;

    private static CharClass[] BuildAsciiTable()
    {
        var table = new CharClass[0x80];
        for (int c = 0; c < table.Length; c++)
        {
            table[c] = FromCategory(c, CharUnicodeInfo.GetUnicodeCategory(c));
        }

        return table;
    }
}
