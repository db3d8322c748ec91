using System.Collections.Frozen;

namespace TM.Text.Internal;

/// <summary>
/// Finds Korean term forms in a text, with particles and endings attached, indexed by their first two characters so
/// that a text is read once whatever the size of the termbase.
/// </summary>
/// <remarks>
/// <para>Korean writes particles and endings onto the noun (김일성은, 정전협정에서) and compounds nouns without a
/// space (한국전쟁, 포로수용소), and without a dictionary the rest of an eojeol cannot be told to be a compound's
/// continuation or an ending. The rules, in what a translator reading the hits expects:</para>
/// <list type="bullet">
/// <item>At the start of an eojeol, a term of two or more syllables matches whatever follows: 김일성은, 정전협정체결,
/// 한국전쟁 (한국, when the termbase has no 한국전쟁). The first part of a compound is a word the translator has to
/// render.</item>
/// <item>Inside an eojeol (after another Hangul syllable) a term of two or more syllables matches only as the
/// compound's last part, followed by nothing or by particles and endings: 전쟁 in 한국전쟁에서, 수용소 in
/// 포로수용소의, but not 수용 in 포로수용소. Korean compounds put the head last, so the last part is what the
/// compound is a kind of; a part in the middle is mostly a syllable accident.</item>
/// <item>A one-syllable term matches only a whole eojeol or one followed by particles (군이, 북은): one syllable
/// starts too many unrelated words (군사, 북한).</item>
/// <item>A space in a form may be a space or nothing in the text (판문점 선언 finds 판문점선언), since Korean
/// spacing of compound terms is free; a form written without a space does not match across one (이전 must not
/// find 이 전쟁).</item>
/// </list>
/// A form that starts or ends in Latin letters, digits or Hanja must not continue a run of the same script (UN is not
/// in UNESCO).
/// </remarks>
internal sealed class KoreanTermIndex
{
    private readonly FrozenDictionary<string, KoreanTerm[]> terms;
    private readonly FrozenDictionary<string, KoreanTerm[]>.AlternateLookup<ReadOnlySpan<char>> lookup;

    public KoreanTermIndex(IEnumerable<IndexedTermForm> forms)
    {
        var byKey = new Dictionary<string, List<KoreanTerm>>(StringComparer.Ordinal);
        foreach (var candidate in forms)
        {
            var pattern = Normalize(candidate.Form);
            if (pattern.Length == 0)
            {
                continue;
            }

            var letters = pattern.Replace(" ", "", StringComparison.Ordinal);
            var key = letters[..Math.Min(2, letters.Length)];
            (byKey.TryGetValue(key, out var list) ? list : byKey[key] = []).Add(new KoreanTerm(candidate, pattern, letters.Length));
        }

        terms = byKey.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
        lookup = terms.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The form with surrounding whitespace trimmed and inner whitespace runs made one space.</summary>
    public static string Normalize(string form)
    {
        var words = form.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', words);
    }

    /// <summary>Adds every form found in <paramref name="text"/> to <paramref name="matches"/>, overlaps included.</summary>
    public void Find(string text, List<TermMatch> matches)
    {
        if (terms.Count == 0)
        {
            return;
        }

        Span<char> joined = stackalloc char[2];
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                continue;
            }

            // A form keyed by its first two letters is found under the text's next two letters, or, where a space
            // follows the first, under the first and the one after the space (판문점 선언 is keyed 판문).
            Collect(text, i, text.AsSpan(i, 1), matches);
            if (i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]))
            {
                Collect(text, i, text.AsSpan(i, 2), matches);
            }
            else if (i + 2 < text.Length && char.IsWhiteSpace(text[i + 1]))
            {
                joined[0] = text[i];
                joined[1] = text[i + 2];
                Collect(text, i, joined, matches);
            }
        }
    }

    private void Collect(string text, int start, ReadOnlySpan<char> key, List<TermMatch> matches)
    {
        if (!lookup.TryGetValue(key, out var candidates))
        {
            return;
        }

        foreach (var term in candidates)
        {
            var end = MatchEnd(text, start, term.Pattern);
            if (end > 0 && IsBounded(text, start, end, term))
            {
                matches.Add(new TermMatch(start, end, term.Candidate));
            }
        }
    }

    // Where the pattern ends in the text when it occurs at start, or -1; a space in the pattern takes one whitespace
    // character of the text or none.
    private static int MatchEnd(string text, int start, string pattern)
    {
        var k = start;
        foreach (var c in pattern)
        {
            if (c == ' ')
            {
                if (k < text.Length && char.IsWhiteSpace(text[k]))
                {
                    k++;
                }

                continue;
            }

            if (k == text.Length || text[k] != c)
            {
                return -1;
            }

            k++;
        }

        return k;
    }

    private static bool IsBounded(string text, int start, int end, KoreanTerm term)
    {
        var first = ScriptOf(text[start]);
        var before = start > 0 ? ScriptOf(text[start - 1]) : Script.None;
        var inside = before == first && first != Script.None;
        if (inside && (first != Script.Hangul || term.Letters < 2))
        {
            return false;
        }

        var last = ScriptOf(text[end - 1]);
        var after = end < text.Length ? ScriptOf(text[end]) : Script.None;
        if (after == Script.None)
        {
            return true;
        }

        if (after != Script.Hangul || last != Script.Hangul)
        {
            // UN군 is a Korean compound of UN; UNESCO does not contain UN, nor 1950 contain 195.
            return after != last;
        }

        var tail = end;
        while (tail < text.Length && Chars.IsHangulSyllable(text[tail]))
        {
            tail++;
        }

        var rest = text.AsSpan(end, tail - end);
        return term.Letters < 2 ? KoreanStemmer.IsInflection(rest, particlesOnly: true)
            : !inside || KoreanStemmer.IsInflection(rest, particlesOnly: false);
    }

    private static Script ScriptOf(char c) =>
        Chars.IsHangulSyllable(c) ? Script.Hangul
        : Chars.IsDigit(c) ? Script.Digit
        : Chars.IsLatinLetter(c) ? Script.Latin
        : Chars.IsHanja(c) ? Script.Hanja
        : char.IsLetterOrDigit(c) ? Script.Other
        : Script.None;

    private enum Script
    {
        None,
        Hangul,
        Latin,
        Digit,
        Hanja,
        Other,
    }

    /// <param name="Candidate">The form's entry.</param>
    /// <param name="Pattern">The form normalized (<see cref="Normalize"/>).</param>
    /// <param name="Letters">Characters of the form without its spaces (syllables, for a Hangul form).</param>
    private sealed record KoreanTerm(IndexedTermForm Candidate, string Pattern, int Letters);
}
