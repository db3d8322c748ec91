using TM.Text.Internal;

namespace TM.Text;

/// <summary>
/// Finds the numbers of a sentence and normalises them into <see cref="NumberAnchor"/>s that a translation shares:
/// years (1951년 ↔ 1951), Korean unit numbers (17만 ↔ 170,000; 2만 7천 ↔ 27,000; 7만 5,823 ↔ 75,823, one mention),
/// ordinals (제5차 ↔ 5th; 38선 ↔ 38th parallel), months and dates (5월 ↔ May; 7월 26일 ↔ 26 July / July 26), English
/// scale words (1.2 million) small English number words (five, first) and native Korean numbers before a counter
/// (다섯 명 ↔ five; 나흘 ↔ four days).
/// </summary>
public static class NumberAnchorExtractor
{
    internal static readonly string[] MonthNames =
    [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ];

    internal static readonly string[] MonthAbbreviations =
    [
        "Jan", "Feb", "Mar", "Apr", "", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];

    internal static readonly string[] CardinalWords =
    [
        "", "", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    ];

    internal static readonly string[] OrdinalWords =
    [
        "", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
        "eleventh", "twelfth",
    ];

    internal static readonly (string Word, int Value)[] KoreanOrdinalWords =
    [
        ("첫째", 1), ("첫 번째", 1), ("둘째", 2), ("두 번째", 2), ("셋째", 3), ("세 번째", 3),
        ("넷째", 4), ("네 번째", 4), ("다섯째", 5), ("다섯 번째", 5),
    ];

    // Native Korean numbers, written as words: they count only before a counter ("다섯 명", "세 차례", "두 가지"), since
    // 세, 네 and 열 are also ordinary words. English has them as words too ("five babies", "three times").
    internal static readonly (string Word, int Value)[] NativeCardinals =
    [
        ("두", 2), ("세", 3), ("네", 4), ("다섯", 5), ("여섯", 6), ("일곱", 7), ("여덟", 8), ("아홉", 9), ("열", 10),
        ("열한", 11), ("열두", 12),
    ];

    private static readonly string[] NativeCounters =
    [
        "명", "개", "척", "대", "차례", "번", "가지", "달", "해", "주", "시간", "사람", "곳", "나라", "마리", "발", "통", "살",
    ];

    // Numbers of days in one word: 나흘 뒤 ↔ "four days later".
    internal static readonly (string Word, int Value)[] DayCounts =
    [
        ("이틀", 2), ("사흘", 3), ("나흘", 4), ("닷새", 5), ("엿새", 6), ("이레", 7), ("열흘", 10),
    ];

    // Korean suffixes after a number that make it an ordinal: 1차, 2번째, 19세기, 3위, 38선 (the parallel), 2회째.
    private static readonly string[] KoreanOrdinalSuffixes = ["차", "번째", "세기", "위", "선", "회째"];

    /// <summary>Extracts the numeric anchors of a sentence, in order of appearance (see <see cref="ExtractMentions"/>).</summary>
    /// <param name="sentence">One sentence.</param>
    /// <param name="language">Its language: Korean reads units and counters, English reads month names and number words.</param>
    /// <returns>The anchors of <see cref="ExtractMentions"/>, in the same order.</returns>
    public static IReadOnlyList<NumberAnchor> Extract(string sentence, Language language)
    {
        var mentions = ExtractMentions(sentence, language);
        var anchors = new NumberAnchor[mentions.Count];
        for (var i = 0; i < anchors.Length; i++)
        {
            anchors[i] = mentions[i].Anchor;
        }

        return anchors;
    }

    /// <summary>
    /// Extracts the numeric anchors of a sentence with the span that expresses each (see <see cref="NumberMention"/>).
    /// </summary>
    /// <param name="sentence">One sentence.</param>
    /// <param name="language">Its language: Korean reads units and counters, English reads month names and number words.</param>
    /// <returns>
    /// The mentions in the order of <see cref="Extract"/>: in order of appearance, except that in Korean the numbers
    /// written as words (두 번째, 다섯 명, 나흘) follow those written with digits. A date yields its month, then the date.
    /// </returns>
    public static IReadOnlyList<NumberMention> ExtractMentions(string sentence, Language language)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var mentions = new List<NumberMention>();
        if (language == Language.Korean)
        {
            ExtractKorean(sentence, mentions);
        }
        else
        {
            ExtractEnglish(sentence, mentions);
        }

        return mentions;
    }

    private static void ExtractKorean(ReadOnlySpan<char> text, List<NumberMention> mentions)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!Chars.IsDigit(text[i]))
            {
                continue;
            }

            if (i > 0 && (Chars.IsLatinLetter(text[i - 1]) || Chars.IsDigit(text[i - 1])))
            {
                // Part of a code such as "F86" or "A4": not a number of the text.
                while (i < text.Length && (Chars.IsDigit(text[i]) || Chars.IsLatinLetter(text[i])))
                {
                    i++;
                }

                continue;
            }

            KoreanNumberParser.TryParseDigits(text[i..], out var plain, out var plainLength);
            KoreanNumberParser.TryParse(text[i..], out var value, out var consumed);
            var usedUnits = consumed > plainLength;
            var end = i + consumed;
            var suffix = text[end..];
            var ordinalPrefix = i > 0 && text[i - 1] == '제';

            // The span takes the marker that decided the kind (1951년, 5월, 제5차, 38선) but not a counter (3,000명).
            if (suffix.StartsWith("년"))
            {
                var kind = IsYear(plain, text.Slice(i, plainLength)) && !usedUnits ? NumberAnchorKind.Year : NumberAnchorKind.Cardinal;
                Add(mentions, kind, value, i, end + 1);
            }
            else if (suffix.StartsWith("월") && !usedUnits && value is >= 1 and <= 12 && decimal.IsInteger(value))
            {
                Add(mentions, NumberAnchorKind.Month, value, i, end + 1);
                var day = SkipOneSpace(text, end + 1);
                if (KoreanNumberParser.TryParseDigits(text[day..], out var dayValue, out var dayLength)
                    && day + dayLength < text.Length && text[day + dayLength] == '일'
                    && dayValue is >= 1 and <= 31 && decimal.IsInteger(dayValue))
                {
                    Add(mentions, NumberAnchorKind.Date, (value * 100) + dayValue, i, day + dayLength + 1);
                    end = day + dayLength;
                }
            }
            else if (ordinalPrefix || StartsWithAny(suffix, KoreanOrdinalSuffixes))
            {
                var ordinalEnd = end + PrefixLength(suffix, KoreanOrdinalSuffixes);
                Add(mentions, NumberAnchorKind.Ordinal, value, ordinalPrefix ? i - 1 : i, ordinalEnd);
            }
            else if (!usedUnits && IsYear(plain, text.Slice(i, plainLength)) && !suffix.StartsWith("%"))
            {
                Add(mentions, NumberAnchorKind.Year, value, i, end);
            }
            else
            {
                Add(mentions, NumberAnchorKind.Cardinal, value, i, end);
            }

            i = end - 1;
        }

        foreach (var (word, ordinal) in KoreanOrdinalWords)
        {
            for (var at = text.IndexOf(word); at >= 0; at = NextIndex(text, word, at))
            {
                Add(mentions, NumberAnchorKind.Ordinal, ordinal, at, at + word.Length);
            }
        }

        ExtractNativeNumbers(text, mentions);
    }

    private static void ExtractNativeNumbers(ReadOnlySpan<char> text, List<NumberMention> mentions)
    {
        foreach (var (word, value) in NativeCardinals)
        {
            for (var at = text.IndexOf(word); at >= 0; at = NextIndex(text, word, at))
            {
                if (!StartsWord(text, at))
                {
                    continue;
                }

                var counter = SkipOneSpace(text, at + word.Length);
                if (counter > at + word.Length && StartsWithCounter(text[counter..]))
                {
                    Add(mentions, NumberAnchorKind.Cardinal, value, at, at + word.Length);
                }
            }
        }

        foreach (var (word, value) in DayCounts)
        {
            for (var at = text.IndexOf(word); at >= 0; at = NextIndex(text, word, at))
            {
                if (StartsWord(text, at))
                {
                    Add(mentions, NumberAnchorKind.Cardinal, value, at, at + word.Length);
                }
            }
        }
    }

    private static bool StartsWord(ReadOnlySpan<char> text, int at) => at == 0 || !Chars.IsHangul(text[at - 1]);

    // "번째" is an ordinal, read by KoreanOrdinalWords; a counter must end its word or take a particle ("명의", "차례나").
    internal static bool StartsWithCounter(ReadOnlySpan<char> text)
    {
        foreach (var counter in NativeCounters)
        {
            if (text.StartsWith(counter, StringComparison.Ordinal) && !text[counter.Length..].StartsWith("째", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static void ExtractEnglish(ReadOnlySpan<char> text, List<NumberMention> mentions)
    {
        var sentenceStart = 0;
        while (sentenceStart < text.Length && (char.IsWhiteSpace(text[sentenceStart]) || Chars.IsOpener(text[sentenceStart])))
        {
            sentenceStart++;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (Chars.IsDigit(c))
            {
                if (i > 0 && (char.IsLetter(text[i - 1]) || Chars.IsDigit(text[i - 1])))
                {
                    while (i < text.Length && char.IsLetterOrDigit(text[i]))
                    {
                        i++;
                    }

                    continue;
                }

                i = ReadEnglishNumber(text, i, mentions) - 1;
            }
            else if (char.IsLetter(c) && (i == 0 || !char.IsLetter(text[i - 1])))
            {
                var end = i;
                while (end < text.Length && char.IsLetter(text[end]))
                {
                    end++;
                }

                end = ReadEnglishWord(text, i, end, i == sentenceStart, mentions);
                i = end - 1;
            }
        }
    }

    // Returns the position after what it consumed.
    private static int ReadEnglishNumber(ReadOnlySpan<char> text, int start, List<NumberMention> mentions)
    {
        KoreanNumberParser.TryParseDigits(text[start..], out var value, out var length);
        var end = start + length;
        var digits = text.Slice(start, length);
        var rest = text[end..];

        if (rest.Length >= 2 && IsOrdinalSuffix(rest[..2]) && (rest.Length == 2 || !char.IsLetter(rest[2])))
        {
            end += 2;
            if (TryReadMonthAfter(text, start, end, value, mentions, out var afterMonth))
            {
                return afterMonth;
            }

            Add(mentions, NumberAnchorKind.Ordinal, value, start, end);
            return end;
        }

        if (IsYear(value, digits))
        {
            // "1950s" is the decade; both are the year anchor 1950.
            var yearEnd = rest.StartsWith("s") && (rest.Length == 1 || !char.IsLetter(rest[1])) ? end + 1 : end;
            Add(mentions, NumberAnchorKind.Year, value, start, yearEnd);
            return yearEnd;
        }

        if (TryReadMonthAfter(text, start, end, value, mentions, out var afterDate))
        {
            return afterDate;
        }

        var scaleStart = SkipOneSpace(text, end);
        var scaleEnd = scaleStart;
        while (scaleEnd < text.Length && char.IsLetter(text[scaleEnd]))
        {
            scaleEnd++;
        }

        var scale = EnglishScale(text[scaleStart..scaleEnd]);

        var cardinalEnd = scale == 1m ? end : scaleEnd;
        Add(mentions, NumberAnchorKind.Cardinal, value * scale, start, cardinalEnd);
        return cardinalEnd;
    }

    // "26 July": a day (which starts at dayStart) followed by a month name.
    private static bool TryReadMonthAfter(
        ReadOnlySpan<char> text, int dayStart, int position, decimal day, List<NumberMention> mentions, out int end)
    {
        end = position;
        if (day is < 1 or > 31 || !decimal.IsInteger(day))
        {
            return false;
        }

        var start = SkipOneSpace(text, position);
        if (start == position)
        {
            return false;
        }

        var month = MatchMonth(text, start, out var monthEnd);
        if (month == 0)
        {
            return false;
        }

        Add(mentions, NumberAnchorKind.Month, month, start, monthEnd);
        Add(mentions, NumberAnchorKind.Date, (month * 100) + day, dayStart, monthEnd);
        end = monthEnd;
        return true;
    }

    private static int ReadEnglishWord(ReadOnlySpan<char> text, int start, int end, bool sentenceInitial, List<NumberMention> mentions)
    {
        var month = MatchMonth(text, start, out var monthEnd);
        if (month > 0)
        {
            var dayStart = SkipOneSpace(text, monthEnd);
            var hasDay = dayStart > monthEnd
                && KoreanNumberParser.TryParseDigits(text[dayStart..], out var day, out var dayLength)
                && day is >= 1 and <= 31 && decimal.IsInteger(day)
                && (dayStart + dayLength == text.Length || !Chars.IsDigit(text[dayStart + dayLength]));

            // "May" and "March" are also a verb and a noun; at the start of a sentence only a following day makes them months.
            if (!hasDay && sentenceInitial && month is 3 or 5)
            {
                return end;
            }

            Add(mentions, NumberAnchorKind.Month, month, start, monthEnd);
            if (!hasDay)
            {
                return monthEnd;
            }

            KoreanNumberParser.TryParseDigits(text[dayStart..], out var dayValue, out var length);
            var after = dayStart + length;
            var dateEnd = after + 2 <= text.Length && IsOrdinalSuffix(text.Slice(after, 2)) ? after + 2 : after;
            Add(mentions, NumberAnchorKind.Date, (month * 100) + dayValue, start, dateEnd);
            return dateEnd;
        }

        var word = text[start..end];
        for (var n = 2; n < CardinalWords.Length; n++)
        {
            if (word.Equals(CardinalWords[n], StringComparison.OrdinalIgnoreCase))
            {
                Add(mentions, NumberAnchorKind.Cardinal, n, start, end);
                return end;
            }
        }

        for (var n = 1; n < OrdinalWords.Length; n++)
        {
            if (word.Equals(OrdinalWords[n], StringComparison.OrdinalIgnoreCase))
            {
                Add(mentions, NumberAnchorKind.Ordinal, n, start, end);
                return end;
            }
        }

        return end;
    }

    /// <summary>The value of an English scale word after digits ("1.2 million"); 1 for any other word.</summary>
    internal static decimal EnglishScale(ReadOnlySpan<char> word) => word switch
    {
        "hundred" => 100m,
        "thousand" => 1_000m,
        "million" => 1_000_000m,
        "billion" => 1_000_000_000m,
        "trillion" => 1_000_000_000_000m,
        _ => 1m,
    };

    // Full month names are capitalised words; abbreviations need their period ("Jan.").
    private static int MatchMonth(ReadOnlySpan<char> text, int start, out int end)
    {
        end = start;
        var wordEnd = start;
        while (wordEnd < text.Length && char.IsLetter(text[wordEnd]))
        {
            wordEnd++;
        }

        var word = text[start..wordEnd];
        for (var m = 0; m < 12; m++)
        {
            if (word.SequenceEqual(MonthNames[m]))
            {
                end = wordEnd;
                return m + 1;
            }

            if (MonthAbbreviations[m].Length > 0 && word.SequenceEqual(MonthAbbreviations[m])
                && wordEnd < text.Length && text[wordEnd] == '.')
            {
                end = wordEnd + 1;
                return m + 1;
            }
        }

        return 0;
    }

    private static bool IsOrdinalSuffix(ReadOnlySpan<char> suffix) =>
        suffix.Equals("st", StringComparison.OrdinalIgnoreCase) || suffix.Equals("nd", StringComparison.OrdinalIgnoreCase)
        || suffix.Equals("rd", StringComparison.OrdinalIgnoreCase) || suffix.Equals("th", StringComparison.OrdinalIgnoreCase);

    // Four plain digits between 1000 and 2199 read as a year; "1,951" or "1951.5" do not.
    private static bool IsYear(decimal value, ReadOnlySpan<char> digits) =>
        digits.Length == 4 && value is >= 1000 and <= 2199;

    private static int SkipOneSpace(ReadOnlySpan<char> text, int position) =>
        position < text.Length && text[position] is ' ' or '\u00A0' ? position + 1 : position;

    private static void Add(List<NumberMention> mentions, NumberAnchorKind kind, decimal value, int start, int end) =>
        mentions.Add(new NumberMention(new NumberAnchor(kind, value), start, end - start));

    private static bool StartsWithAny(ReadOnlySpan<char> text, string[] prefixes) => PrefixLength(text, prefixes) > 0;

    // The length of the first of the prefixes that the text starts with, 0 when none does.
    private static int PrefixLength(ReadOnlySpan<char> text, string[] prefixes)
    {
        foreach (var prefix in prefixes)
        {
            if (text.StartsWith(prefix, StringComparison.Ordinal))
            {
                return prefix.Length;
            }
        }

        return 0;
    }

    private static int NextIndex(ReadOnlySpan<char> text, string word, int previous)
    {
        var from = previous + word.Length;
        var at = text[from..].IndexOf(word);
        return at < 0 ? -1 : from + at;
    }
}
