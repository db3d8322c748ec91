namespace TM.Text.Internal;

/// <summary>
/// English numbers from thirteen to ninety-nine written as words ("nineteen states", "twenty-five", "thirty-eighth"),
/// which <see cref="NumberAnchorExtractor"/> does not read (it stops at twelve). The aligner uses them as number anchors
/// only: 19개국 ↔ "nineteen states" is as telling as 19개국 ↔ "19 states". They are not mentions the target adapter could
/// replace: a translation memory's English rarely spells such numbers, and rewriting "nineteen" into digits or into
/// another word is a style decision the adapter does not make.
/// </summary>
internal static class EnglishNumberWords
{
    private static readonly string[] Teens =
    [
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    ];

    private static readonly string[] TeenOrdinals =
    [
        "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
    ];

    private static readonly string[] Tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

    private static readonly string[] TensOrdinals =
    [
        "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth", "ninetieth",
    ];

    private static readonly string[] Units = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];

    private static readonly string[] UnitOrdinals =
    [
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    ];

    /// <summary>Adds the value of each number word from 13 to 99 in <paramref name="sentence"/> to
    /// <paramref name="values"/>, in order; cardinals and ordinals alike, as <see cref="NumberAnchor.MatchKey"/> treats
    /// them.</summary>
    public static void Find(string sentence, List<int> values)
    {
        var text = sentence.AsSpan();
        for (var i = 0; i < text.Length;)
        {
            if (!char.IsAsciiLetter(text[i]) || (i > 0 && char.IsAsciiLetter(text[i - 1])))
            {
                i++;
                continue;
            }

            var end = WordEnd(text, i);
            var word = text[i..end];
            var value = IndexOf(Teens, word) is var teen and >= 0 ? 13 + teen
                : IndexOf(TeenOrdinals, word) is var teenth and >= 0 ? 13 + teenth
                : IndexOf(TensOrdinals, word) is var tenth and >= 0 ? 20 + (10 * tenth)
                : 0;
            if (value == 0 && IndexOf(Tens, word) is var ten and >= 0)
            {
                value = 20 + (10 * ten);

                // "twenty-five", "twenty five", "twenty-first".
                var next = end + 1;
                if (end < text.Length && text[end] is '-' or ' ' && next < text.Length && char.IsAsciiLetter(text[next]))
                {
                    var unitEnd = WordEnd(text, next);
                    var unit = text[next..unitEnd];
                    var at = IndexOf(Units, unit) is var u and >= 0 ? u : IndexOf(UnitOrdinals, unit);
                    if (at >= 0)
                    {
                        value += at + 1;
                        end = unitEnd;
                    }
                }
            }

            if (value > 0)
            {
                values.Add(value);
            }

            i = end;
        }
    }

    private static int WordEnd(ReadOnlySpan<char> text, int start)
    {
        var end = start;
        while (end < text.Length && char.IsAsciiLetter(text[end]))
        {
            end++;
        }

        return end;
    }

    private static int IndexOf(string[] words, ReadOnlySpan<char> word)
    {
        for (var i = 0; i < words.Length; i++)
        {
            if (word.Equals(words[i], StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
