namespace TM.Text.Internal;

/// <summary>
/// Names that a Korean text glosses once and then writes in Hangul only: 리지웨이(Matthew B. Ridgway) at the first
/// mention, 리지웨이는 afterwards. The gloss tells what the Hangul name is called in Latin letters, so each later mention
/// can be a cognate anchor ("ridgway") like the gloss itself. Built per document: what a text glosses is its own
/// vocabulary, not knowledge to keep.
/// </summary>
internal sealed class HangulAliases
{
    // Two syllables at least: a one-syllable alias (미 for "U.S.") would match inside every other word.
    private const int MinimumSyllables = 2;

    // The Latin word that stands for the name: its last word of three letters or more, so "Martin" and not "Jr".
    private const int MinimumWordLength = 3;

    private readonly List<(string Hangul, string Latin)> aliases = [];

    public int Count => aliases.Count;

    /// <summary>Learns the aliases a sentence glosses: a Hangul word immediately followed by a parenthesis of Latin words.</summary>
    public void Learn(string sentence)
    {
        for (var open = sentence.IndexOf('('); open >= 0; open = sentence.IndexOf('(', open + 1))
        {
            var start = open;
            while (start > 0 && Chars.IsHangulSyllable(sentence[start - 1]))
            {
                start--;
            }

            var close = sentence.IndexOf(')', open + 1);
            if (open - start < MinimumSyllables || close < 0 || LastLatinWord(sentence.AsSpan(open + 1, close - open - 1)) is not { } latin)
            {
                continue;
            }

            var hangul = sentence[start..open];
            if (!aliases.Exists(a => a.Hangul == hangul))
            {
                aliases.Add((hangul, latin));
            }
        }
    }

    /// <summary>Adds the Latin word of every alias the sentence mentions without its gloss to <paramref name="words"/>.</summary>
    public void Find(string sentence, List<string> words)
    {
        foreach (var (hangul, latin) in aliases)
        {
            for (var at = sentence.IndexOf(hangul, StringComparison.Ordinal); at >= 0; at = sentence.IndexOf(hangul, at + 1, StringComparison.Ordinal))
            {
                var end = at + hangul.Length;

                // The glossed mention has its Latin words already; a longer word that merely contains the alias is not it.
                var glossed = end < sentence.Length && sentence[end] == '(';
                var inside = at > 0 && Chars.IsHangulSyllable(sentence[at - 1]);
                if (!glossed && !inside)
                {
                    words.Add(latin);
                }
            }
        }
    }

    private static string? LastLatinWord(ReadOnlySpan<char> gloss)
    {
        string? last = null;
        for (var i = 0; i < gloss.Length;)
        {
            if (!Chars.IsLatinLetter(gloss[i]))
            {
                if (Chars.IsHangul(gloss[i]) || Chars.IsHanja(gloss[i]))
                {
                    return null;
                }

                i++;
                continue;
            }

            var start = i;
            while (i < gloss.Length && Chars.IsLatinLetter(gloss[i]))
            {
                i++;
            }

            if (i - start >= MinimumWordLength)
            {
                last = gloss[start..i].ToString().ToLowerInvariant();
            }
        }

        return last;
    }
}
