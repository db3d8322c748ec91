namespace TM.Text.Internal;

/// <summary>
/// Native Korean numbers from thirteen to ninety-nine (열다섯 살, 스무 명, 예순이 넘은 노인, 서른두 해), which
/// <see cref="NumberAnchorExtractor"/> does not read (its native numbers stop at 열두). Like <see cref="EnglishNumberWords"/>,
/// which reads "fifteen" and "sixty" on the English side, they are number anchors for alignment only, not mentions the
/// target adapter replaces.
/// </summary>
/// <remarks>
/// A teen (열 and a unit) counts only before a counter, as the extractor's native numbers do, since 열 and 세 are ordinary
/// words too. A tens word (스물, 서른, 마흔, 예순, 일흔, 여든, 아흔) counts on its own, since it has no other reading; 쉰 is
/// also "hoarse" and "stale" and needs a counter.
/// </remarks>
internal static class KoreanNumberWords
{
    private static readonly (string Word, int Value)[] Tens =
    [
        ("스물", 20), ("스무", 20), ("서른", 30), ("마흔", 40), ("쉰", 50), ("예순", 60), ("일흔", 70), ("여든", 80), ("아흔", 90),
    ];

    // Longest first, so that 다섯 is not read as 다 and 여섯 is tried before 여덟's prefix.
    private static readonly (string Word, int Value)[] Units =
    [
        ("하나", 1), ("다섯", 5), ("여섯", 6), ("일곱", 7), ("여덟", 8), ("아홉", 9),
        ("한", 1), ("둘", 2), ("두", 2), ("셋", 3), ("세", 3), ("넷", 4), ("네", 4),
    ];

    /// <summary>Adds the value of each native number from 13 to 99 in <paramref name="sentence"/> to
    /// <paramref name="values"/>, in order.</summary>
    public static void Find(string sentence, List<int> values)
    {
        var text = sentence.AsSpan();
        for (var i = 0; i < text.Length; i++)
        {
            if (i > 0 && Chars.IsHangul(text[i - 1]))
            {
                continue;
            }

            var (value, end, needsCounter) = Read(text[i..]);
            if (value >= 13 && (FollowedByCounter(text[i..], end) || (!needsCounter && EndsWord(text[i..], end))))
            {
                values.Add(value);
                i += end - 1;
            }
        }
    }

    // The number a word starts with, its length, and whether only a counter after it makes it a number.
    private static (int Value, int Length, bool NeedsCounter) Read(ReadOnlySpan<char> text)
    {
        if (text.StartsWith("열", StringComparison.Ordinal))
        {
            var (unit, unitLength) = Unit(text[1..]);
            return (10 + unit, 1 + unitLength, true);
        }

        var (ten, tenLength) = Ten(text);
        if (ten == 0)
        {
            return (0, 0, true);
        }

        var (units, length) = Unit(text[tenLength..]);
        return (ten + units, tenLength + length, ten == 50);
    }

    private static (int Value, int Length) Ten(ReadOnlySpan<char> text)
    {
        foreach (var (word, value) in Tens)
        {
            if (text.StartsWith(word, StringComparison.Ordinal))
            {
                return (value, word.Length);
            }
        }

        return (0, 0);
    }

    private static (int Value, int Length) Unit(ReadOnlySpan<char> text)
    {
        foreach (var (word, value) in Units)
        {
            if (text.StartsWith(word, StringComparison.Ordinal))
            {
                return (value, word.Length);
            }
        }

        return (0, 0);
    }

    private static bool FollowedByCounter(ReadOnlySpan<char> text, int end)
    {
        var counter = end < text.Length && text[end] is ' ' or '\u00A0' ? end + 1 : end;
        return NumberAnchorExtractor.StartsWithCounter(text[counter..]);
    }

    // The number is a word of its own: nothing, a space or punctuation follows, or the particle 이 or 의.
    private static bool EndsWord(ReadOnlySpan<char> text, int end) =>
        end == text.Length || !Chars.IsHangul(text[end]) || text[end..].StartsWith("이", StringComparison.Ordinal)
        || text[end..].StartsWith("의", StringComparison.Ordinal);
}
