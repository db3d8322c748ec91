using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using TM.Text.Internal;

namespace TM.Text.Adaptation;

/// <summary>
/// Writes a new value in the form of an existing mention of a target sentence, so that a replacement reads as if the
/// translator had written it; the rules are listed on <see cref="TargetAdapter"/>. It prefers forms the extractor reads
/// back as the new value (6번째 rather than 여섯 번째, 14,500 rather than 1만 4,500); the exceptions are 한 and "one", which
/// it does not read but which are the right words to write.
/// </summary>
internal static class NumberRenderer
{
    private const string DecimalFormat = "0.##########";
    private const string GroupedFormat = "#,0.##########";

    /// <summary>Renders <paramref name="value"/> in the form of <paramref name="mention"/>.</summary>
    /// <param name="sentence">The sentence the mention belongs to.</param>
    /// <param name="mention">The mention to replace; its kind decides how the value is read (dates are month × 100 + day).</param>
    /// <param name="value">The new value.</param>
    /// <param name="language">The language of the sentence.</param>
    /// <param name="text">The replacement for the mention's span.</param>
    /// <returns>False when the value cannot be written in that form (a fraction as a word, a month 13).</returns>
    public static bool TryRender(string sentence, NumberMention mention, decimal value, Language language, [NotNullWhen(true)] out string? text)
    {
        var old = sentence.AsSpan(mention.Start, mention.Length);
        text = mention.Anchor.Kind switch
        {
            NumberAnchorKind.Month => RenderMonth(old, value, language, IsAtSentenceEnd(sentence, mention.End)),
            NumberAnchorKind.Date => RenderDate(old, value, language),
            _ => old.IndexOfAnyInRange('0', '9') >= 0 || old.IndexOfAnyInRange('\uFF10', '\uFF19') >= 0
                ? RenderDigits(old, value, mention.Anchor.Kind, language)
                : RenderWord(old, value, language),
        };
        return text is not null;
    }

    private static string? RenderMonth(ReadOnlySpan<char> old, decimal value, Language language, bool atSentenceEnd)
    {
        if (!IsIntegerIn(value, 1, 12))
        {
            return null;
        }

        var month = (int)value;
        if (language == Language.Korean)
        {
            return ReplaceNumbers(old, month, 0);
        }

        return MonthWord(old, month, atSentenceEnd);
    }

    // An abbreviation keeps its period; May has none, so it takes the period back only where it also ended the sentence.
    private static string MonthWord(ReadOnlySpan<char> old, int month, bool atSentenceEnd)
    {
        if (!old.EndsWith("."))
        {
            return NumberAnchorExtractor.MonthNames[month - 1];
        }

        var abbreviation = NumberAnchorExtractor.MonthAbbreviations[month - 1];
        return abbreviation.Length > 0 ? abbreviation + "."
            : atSentenceEnd ? NumberAnchorExtractor.MonthNames[month - 1] + "."
            : NumberAnchorExtractor.MonthNames[month - 1];
    }

    private static string? RenderDate(ReadOnlySpan<char> old, decimal value, Language language)
    {
        if (!decimal.IsInteger(value) || !IsIntegerIn(decimal.Truncate(value / 100), 1, 12) || !IsIntegerIn(value % 100, 1, 31))
        {
            return null;
        }

        var month = (int)(value / 100);
        var day = (int)(value % 100);
        if (language == Language.Korean)
        {
            // 7월 26일: the first number is the month, the second the day.
            return ReplaceNumbers(old, month, day);
        }

        // "26 July", "26th July", "July 26", "July 26th", "Oct. 25": rewrite the day and the month word where they
        // stand and keep what lies between them.
        var builder = new StringBuilder(old.Length + 8);
        var i = 0;
        while (i < old.Length)
        {
            if (Chars.IsDigit(old[i]))
            {
                while (i < old.Length && Chars.IsDigit(old[i]))
                {
                    i++;
                }

                builder.Append(day.ToString(CultureInfo.InvariantCulture));
                if (i + 2 <= old.Length && IsEnglishOrdinalSuffix(old.Slice(i, 2)))
                {
                    builder.Append(EnglishOrdinalSuffix(day));
                    i += 2;
                }
            }
            else if (char.IsLetter(old[i]))
            {
                var end = i;
                while (end < old.Length && char.IsLetter(old[end]))
                {
                    end++;
                }

                if (end < old.Length && old[end] == '.')
                {
                    end++;
                }

                builder.Append(MonthWord(old[i..end], month, atSentenceEnd: false));
                i = end;
            }
            else
            {
                builder.Append(old[i]);
                i++;
            }
        }

        return builder.ToString();
    }

    private static string? RenderDigits(ReadOnlySpan<char> old, decimal value, NumberAnchorKind kind, Language language)
    {
        var start = 0;
        while (!Chars.IsDigit(old[start]))
        {
            start++;
        }

        // The number itself; what precedes it (제) and follows it (년, 차, th, s, " million") is the form.
        int length;
        if (language == Language.Korean)
        {
            KoreanNumberParser.TryParse(old[start..], out _, out length);
        }
        else
        {
            KoreanNumberParser.TryParseDigits(old[start..], out _, out length);
        }

        var prefix = old[..start];
        var number = old.Slice(start, length);
        var suffix = old[(start + length)..];
        switch (kind)
        {
            case NumberAnchorKind.Year:
                return decimal.IsInteger(value) ? string.Concat(prefix, Integer(value), suffix) : null;

            case NumberAnchorKind.Ordinal when language == Language.English:
                return IsIntegerIn(value, 1, long.MaxValue) && IsEnglishOrdinalSuffix(suffix)
                    ? string.Concat(prefix, Integer(value), EnglishOrdinalSuffix((long)value))
                    : null;

            case NumberAnchorKind.Ordinal:
                return IsIntegerIn(value, 1, decimal.MaxValue) ? string.Concat(prefix, Integer(value), suffix) : null;

            default:
                var scale = language == Language.English ? NumberAnchorExtractor.EnglishScale(suffix.TrimStart()) : 1m;
                if (scale > 1m)
                {
                    // "700 million" stays in millions while the value is a whole number of them to three decimals.
                    var scaled = value / scale;
                    return scaled >= 1m && decimal.IsInteger(scaled * 1000)
                        ? string.Concat(prefix, Digits(scaled, number), suffix)
                        : string.Concat(prefix, Digits(value, number));
                }

                return string.Concat(prefix, Cardinal(value, number, language), suffix);
        }
    }

    // Words exist for small numbers only; larger ones are written in digits where the language allows.
    private static string? RenderWord(ReadOnlySpan<char> old, decimal value, Language language)
    {
        if (!IsIntegerIn(value, 1, long.MaxValue))
        {
            return null;
        }

        var n = (long)value;
        return language == Language.English ? EnglishWord(old, n) : KoreanWord(old, n);
    }

    private static string? EnglishWord(ReadOnlySpan<char> old, long n)
    {
        string word;
        if (IndexOf(NumberAnchorExtractor.OrdinalWords, old) > 0)
        {
            word = n < NumberAnchorExtractor.OrdinalWords.Length
                ? NumberAnchorExtractor.OrdinalWords[n]
                : n.ToString(CultureInfo.InvariantCulture) + EnglishOrdinalSuffix(n);
        }
        else if (IndexOf(NumberAnchorExtractor.CardinalWords, old) > 0)
        {
            // "one" is not read as a number (it is also a pronoun) but is the right word to write.
            word = n == 1 ? "one"
                : n < NumberAnchorExtractor.CardinalWords.Length ? NumberAnchorExtractor.CardinalWords[n]
                : n.ToString("#,0", CultureInfo.InvariantCulture);
        }
        else
        {
            return null;
        }

        return char.IsUpper(old[0]) && char.IsLower(word[0]) ? string.Concat(char.ToUpperInvariant(word[0]).ToString(), word.AsSpan(1)) : word;
    }

    private static string? KoreanWord(ReadOnlySpan<char> old, long n)
    {
        if (IndexOf(NumberAnchorExtractor.KoreanOrdinalWords, old) >= 0)
        {
            // 두 번째 and 둘째 are two forms; keep the target's, and write digits (6번째) past the words there are.
            var spaced = old.EndsWith("번째");
            foreach (var (word, value) in NumberAnchorExtractor.KoreanOrdinalWords)
            {
                if (value == n && word.EndsWith("번째", StringComparison.Ordinal) == spaced)
                {
                    return word;
                }
            }

            return n.ToString(CultureInfo.InvariantCulture) + "번째";
        }

        if (IndexOf(NumberAnchorExtractor.NativeCardinals, old) >= 0)
        {
            return n == 1 ? "한" : WordFor(NumberAnchorExtractor.NativeCardinals, n);
        }

        if (IndexOf(NumberAnchorExtractor.DayCounts, old) >= 0)
        {
            return WordFor(NumberAnchorExtractor.DayCounts, n) ?? n.ToString(CultureInfo.InvariantCulture) + "일";
        }

        return null;
    }

    // A cardinal in digits, or with Korean units when the target wrote it so and the value allows.
    private static string Cardinal(decimal value, ReadOnlySpan<char> oldNumber, Language language)
    {
        var usedUnits = language == Language.Korean && oldNumber.IndexOfAny("십백천만억조") >= 0;
        return usedUnits && decimal.IsInteger(value) && value >= 1000 && value % 1000 == 0 && value < 10_000_000_000_000_000m
            ? KoreanUnits(value)
            : Digits(value, oldNumber);
    }

    // Comma groups unless the target wrote a long number without them (27000 stays ungrouped).
    private static string Digits(decimal value, ReadOnlySpan<char> oldNumber)
    {
        var integerDigits = 0;
        while (integerDigits < oldNumber.Length && Chars.IsDigit(oldNumber[integerDigits]))
        {
            integerDigits++;
        }

        var grouped = oldNumber.Contains(',') || integerDigits < 4;
        return value.ToString(grouped ? GroupedFormat : DecimalFormat, CultureInfo.InvariantCulture);
    }

    // 170000 → 17만, 27000 → 2만 7천, 120000000 → 1억 2천만, 12000000 → 1,200만; the value is a multiple of 1,000.
    private static string KoreanUnits(decimal value)
    {
        var builder = new StringBuilder();
        AppendSection(builder, decimal.Truncate(value / 1_000_000_000_000m), "조");
        AppendSection(builder, decimal.Truncate(value / 100_000_000m) % 10_000, "억");
        AppendSection(builder, decimal.Truncate(value / 10_000m) % 10_000, "만");
        AppendSection(builder, value % 10_000, "");
        return builder.ToString();
    }

    private static void AppendSection(StringBuilder builder, decimal section, string unit)
    {
        if (section == 0)
        {
            return;
        }

        if (builder.Length > 0)
        {
            builder.Append(' ');
        }

        builder.Append(section % 1000 == 0
                ? Integer(section / 1000) + "천"
                : section.ToString("#,0", CultureInfo.InvariantCulture))
            .Append(unit);
    }

    // Replaces the first and second digit runs of a Korean month (5월) or date (7월 26일) by the given numbers.
    private static string ReplaceNumbers(ReadOnlySpan<char> old, int first, int second)
    {
        var builder = new StringBuilder(old.Length + 2);
        var run = 0;
        var i = 0;
        while (i < old.Length)
        {
            if (!Chars.IsDigit(old[i]))
            {
                builder.Append(old[i]);
                i++;
                continue;
            }

            while (i < old.Length && Chars.IsDigit(old[i]))
            {
                i++;
            }

            builder.Append((run++ == 0 ? first : second).ToString(CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }

    private static bool IsAtSentenceEnd(string sentence, int position)
    {
        for (var i = position; i < sentence.Length; i++)
        {
            if (!char.IsWhiteSpace(sentence[i]) && !Chars.IsCloser(sentence[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static string Integer(decimal value) => decimal.Truncate(value).ToString(CultureInfo.InvariantCulture);

    private static bool IsIntegerIn(decimal value, decimal minimum, decimal maximum) =>
        decimal.IsInteger(value) && value >= minimum && value <= maximum;

    private static bool IsEnglishOrdinalSuffix(ReadOnlySpan<char> suffix) =>
        suffix.Equals("st", StringComparison.OrdinalIgnoreCase) || suffix.Equals("nd", StringComparison.OrdinalIgnoreCase)
        || suffix.Equals("rd", StringComparison.OrdinalIgnoreCase) || suffix.Equals("th", StringComparison.OrdinalIgnoreCase);

    private static string EnglishOrdinalSuffix(long n) => (n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch
    {
        1 => "st",
        2 => "nd",
        3 => "rd",
        _ => "th",
    };

    private static int IndexOf(string[] words, ReadOnlySpan<char> word)
    {
        for (var i = 0; i < words.Length; i++)
        {
            if (words[i].Length > 0 && word.Equals(words[i], StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    private static int IndexOf((string Word, int Value)[] words, ReadOnlySpan<char> word)
    {
        for (var i = 0; i < words.Length; i++)
        {
            if (word.SequenceEqual(words[i].Word))
            {
                return i;
            }
        }

        return -1;
    }

    private static string? WordFor((string Word, int Value)[] words, long value)
    {
        foreach (var (word, n) in words)
        {
            if (n == value)
            {
                return word;
            }
        }

        return null;
    }
}
