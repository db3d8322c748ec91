using TM.Text.Internal;

namespace TM.Text;

/// <summary>
/// Parses Korean numbers written with digits and the Sino-Korean units 십 (10), 백 (100), 천 (1,000), 만 (10⁴),
/// 억 (10⁸) and 조 (10¹²): "17만" = 170,000, "2만 7천" = 27,000, "1억 2천만" = 120,000,000, "3.5만" = 35,000,
/// "1,000만" = 10,000,000, and with the lower places in digits "7만 5,823" = 75,823. Plain digits ("1951", "170,000",
/// "3.5") parse too.
/// </summary>
public static class KoreanNumberParser
{
    /// <summary>Parses a number that starts at the beginning of <paramref name="text"/>.</summary>
    /// <param name="text">Text starting with a digit.</param>
    /// <param name="value">The value of the number.</param>
    /// <param name="consumed">How many characters the number takes, units included; groups may be separated by one space.</param>
    /// <returns>False when the text does not start with a digit.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out decimal value, out int consumed)
    {
        value = 0;
        consumed = 0;
        if (!TryParseDigits(text, out var first, out var length))
        {
            return false;
        }

        decimal total = 0;
        decimal section = 0;
        var position = 0;
        var number = first;
        var lastBigUnit = decimal.MaxValue;
        while (true)
        {
            position += length;
            var small = position < text.Length ? SmallUnit(text[position]) : 0;
            if (small > 0)
            {
                section += number * small;
                position++;
                number = 0;
            }
            else
            {
                section += number;
            }

            var big = position < text.Length ? BigUnit(text[position]) : 0;
            var endsWithBigUnit = big > 0 && big < lastBigUnit;
            if (endsWithBigUnit)
            {
                total += section * big;
                section = 0;
                position++;
                lastBigUnit = big;
            }
            else if (small == 0)
            {
                // Digits without a unit end the number ("1951", "170,000"); the lower places that may follow a big unit
                // ("7만 5,823") are read below, before this point is reached.
                consumed = position;
                break;
            }

            // "2만 7천", "1억 2천만": another digit group with a unit may follow after at most one space.
            var nextStart = position < text.Length && text[position] == ' ' ? position + 1 : position;
            if (!TryParseDigits(text[nextStart..], out var nextNumber, out var nextLength))
            {
                consumed = position;
                break;
            }

            if (nextStart + nextLength >= text.Length
                || (SmallUnit(text[nextStart + nextLength]) == 0 && BigUnit(text[nextStart + nextLength]) == 0))
            {
                // "7만 5,823명" is 75,823: the lower places written in digits after a big unit end the number.
                if (endsWithBigUnit && IsLowerPlaces(text.Slice(nextStart, nextLength), nextNumber, lastBigUnit, text[(nextStart + nextLength)..]))
                {
                    section += nextNumber;
                    position = nextStart + nextLength;
                }

                consumed = position;
                break;
            }

            number = nextNumber;
            length = nextLength;
            position = nextStart;
        }

        value = total + section;
        return true;
    }

    /// <summary>Digits with optional thousands separators ("170,000") and decimal part ("3.5").</summary>
    internal static bool TryParseDigits(ReadOnlySpan<char> text, out decimal value, out int consumed)
    {
        value = 0;
        consumed = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (Chars.IsDigit(text[i]))
            {
                if (value < 1_000_000_000_000_000m)
                {
                    value = (value * 10) + Chars.DigitValue(text[i]);
                }

                i++;
            }
            else if (text[i] == ',' && i > 0 && i + 3 < text.Length + 1 && IsDigitGroup(text[(i + 1)..]))
            {
                i++;
            }
            else
            {
                break;
            }
        }

        if (i == 0)
        {
            return false;
        }

        if (i + 1 < text.Length && text[i] == '.' && Chars.IsDigit(text[i + 1]))
        {
            var scale = 0.1m;
            i++;
            while (i < text.Length && Chars.IsDigit(text[i]))
            {
                value += Chars.DigitValue(text[i]) * scale;
                scale /= 10;
                i++;
            }
        }

        consumed = i;
        return true;
    }

    /// <summary>
    /// Whether plain digits after a big unit are its lower places ("7만 5,823", "1만 2773명", "3억 5,000만" is read as a unit
    /// group before this): an integer below the unit, written with a thousands separator or with at least three digits,
    /// and not a year or date of its own (년, 월, 일 after it). "17만 5" stays 170,000 and a 5: in running text one or two
    /// digits after a round number are more often a separate figure than its last places.
    /// </summary>
    private static bool IsLowerPlaces(ReadOnlySpan<char> digits, decimal value, decimal unit, ReadOnlySpan<char> after) =>
        value < unit
        && decimal.IsInteger(value)
        && digits.IndexOf('.') < 0
        && (digits.IndexOf(',') > 0 || digits.Length >= 3)
        && !(after.Length > 0 && after[0] is '년' or '월' or '일');

    // A thousands group is exactly three digits not followed by another digit: "170,000" but not "1,2345".
    private static bool IsDigitGroup(ReadOnlySpan<char> text) =>
        text.Length >= 3 && Chars.IsDigit(text[0]) && Chars.IsDigit(text[1]) && Chars.IsDigit(text[2])
        && (text.Length == 3 || !Chars.IsDigit(text[3]));

    private static decimal SmallUnit(char c) => c switch
    {
        '십' => 10,
        '백' => 100,
        '천' => 1000,
        _ => 0,
    };

    private static decimal BigUnit(char c) => c switch
    {
        '만' => 10_000m,
        '억' => 100_000_000m,
        '조' => 1_000_000_000_000m,
        _ => 0,
    };
}
