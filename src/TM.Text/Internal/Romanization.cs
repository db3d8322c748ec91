namespace TM.Text.Internal;

/// <summary>
/// Compares Korean names in Hangul with their romanisations (흥남 ↔ Heungnam, 인천 ↔ Incheon or Inchon, 평택 ↔
/// Pyeongtaek, 지평리 ↔ Chipyong-ni, 낙동 ↔ Naktong): Hangul is romanised letter by letter after the Revised
/// Romanisation, and both romanisations are reduced to a skeleton in which the systems agree — McCune–Reischauer's
/// k/t/p/ch where Revised has g/d/b/j, ŏ and ŭ where it has eo and eu, l for r — so that one comparison covers the
/// spellings of old and new sources alike.
/// </summary>
/// <remarks>
/// The skeleton also merges u with o, which costs little: two different names rarely differ in that vowel alone,
/// and "Kim Il-sung" keeps its customary u where the systems write 성 as seong or sŏng.
/// </remarks>
internal static class Romanization
{
    /// <summary>The longest input, in letters, that <see cref="Skeleton"/> and <see cref="RomanizeHangul"/> accept.</summary>
    public const int MaxLetters = 24;

    // Revised Romanisation, by jamo index: 19 initials, 21 vowels, 28 finals (index 0: none).
    private static readonly string[] Initials =
        ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"];

    private static readonly string[] Vowels =
    [
        "a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi", "yu", "eu", "ui", "i",
    ];

    private static readonly string[] Finals =
        ["", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t"];

    /// <summary>Writes the Revised Romanisation of Hangul syllables into <paramref name="destination"/>; returns its length,
    /// or -1 when a character is not a Hangul syllable or the destination is too short.</summary>
    public static int RomanizeHangul(ReadOnlySpan<char> hangul, Span<char> destination)
    {
        var length = 0;
        foreach (var c in hangul)
        {
            if (!Chars.IsHangulSyllable(c))
            {
                return -1;
            }

            var index = c - '\uAC00';
            if (!Append(Initials[index / (21 * 28)], destination, ref length)
                || !Append(Vowels[index / 28 % 21], destination, ref length)
                || !Append(Finals[index % 28], destination, ref length))
            {
                return -1;
            }
        }

        return length;
    }

    /// <summary>
    /// Reduces a romanised word to the skeleton the spelling systems share; returns its length, or -1 when the word has
    /// a character other than a Latin letter, hyphen or apostrophe, or does not fit.
    /// </summary>
    public static int Skeleton(ReadOnlySpan<char> word, Span<char> destination)
    {
        Span<char> letters = stackalloc char[MaxLetters * 3];
        var count = 0;
        foreach (var c in word)
        {
            if (c is '-' or '\'' or '’' or 'ʼ')
            {
                continue;
            }

            var plain = Plain(c);
            if (plain == '\0' || count == letters.Length)
            {
                return -1;
            }

            letters[count++] = plain;
        }

        var length = 0;
        for (var i = 0; i < count;)
        {
            var rest = letters[i..count];
            char symbol;
            int used;
            if (rest.StartsWith("tch")) (symbol, used) = ('c', 3);
            else if (rest.StartsWith("ch")) (symbol, used) = ('c', 2);
            else if (rest.StartsWith("sh")) (symbol, used) = ('s', 2);
            else if (rest.StartsWith("ng")) (symbol, used) = ('N', 2);
            else if (rest.StartsWith("eo") || rest.StartsWith("eu")) (symbol, used) = ('o', 2);
            else if (rest.StartsWith("ae")) (symbol, used) = ('e', 2);
            else if (rest.StartsWith("oe")) (symbol, used) = ('e', 2);
            else
            {
                used = 1;
                symbol = rest[0] switch
                {
                    'g' => 'k',
                    'd' => 't',
                    'b' => 'p',
                    'j' => 'c',
                    'r' => 'l',
                    'u' => 'o',
                    var other => other,
                };
            }

            i += used;

            // Doubled letters (kk, ss, the oo of "Seoul") are one sound in every system.
            if (length > 0 && destination[length - 1] == symbol)
            {
                continue;
            }

            if (length == destination.Length)
            {
                return -1;
            }

            destination[length++] = symbol;
        }

        return length;
    }

    // Lower-cases a Latin letter and drops the breve of McCune–Reischauer (ŏ, ŭ); '\0' for anything else.
    private static char Plain(char c) => c switch
    {
        >= 'a' and <= 'z' => c,
        >= 'A' and <= 'Z' => (char)(c + ('a' - 'A')),
        'ŏ' or 'Ŏ' or 'ò' or 'ó' or 'ô' => 'o',
        'ŭ' or 'Ŭ' or 'ù' or 'ú' or 'û' or 'ü' => 'u',
        'é' or 'è' or 'ê' => 'e',
        _ => '\0',
    };

    private static bool Append(string text, Span<char> destination, ref int length)
    {
        if (length + text.Length > destination.Length)
        {
            return false;
        }

        text.CopyTo(destination[length..]);
        length += text.Length;
        return true;
    }
}
