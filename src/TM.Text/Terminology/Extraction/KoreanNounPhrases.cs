using TM.Text.Internal;

namespace TM.Text.Terminology.Extraction;

/// <summary>
/// Reads the Korean term candidates of a sentence: every noun word with its particles stripped (포로의 → 포로), and runs of
/// two or more nouns written as separate words (포로 송환, 거제도 포로수용소), of which only the last may carry particles:
/// a particle inside a run ends the noun phrase (포로의 송환 is two phrases).
/// </summary>
/// <remarks>
/// <para>Words are the Hangul runs <see cref="KoreanStemmer"/> reads, stripped by <see cref="KoreanStemmer.Strip"/>. A word is
/// a noun when what was stripped is particles, a copula or the plural 들; when it was a verb or adjective ending
/// (결정하였다, 합의된, 전략적), the word is a predicate or a modifier, not a term, and it ends the run. Function words
/// (<see cref="KoreanStemmer.IsStopword"/>), words of one syllable with or without a particle (배에), and counters after a number (1951년, 17만 명) are no
/// candidates and end the run, as does anything but spaces between two words (a parenthesised gloss, a comma, a quote).</para>
/// <para>Keys are the words joined by one space, the last one stripped; the <see cref="PhraseSpan"/> covers the last word
/// whole, particles included, and its word indices count every Hangul run.</para>
/// </remarks>
internal static class KoreanNounPhrases
{
    /// <summary>Longest run the reader keeps track of.</summary>
    public const int MaxWords = 8;

    /// <summary>Adds the candidates of <paramref name="text"/> to <paramref name="phrases"/>, in order, at most <paramref name="maxPhrases"/> in all.</summary>
    public static void Find(ReadOnlySpan<char> text, int maxWords, int maxPhrases, PhraseList phrases)
    {
        Span<Word> run = stackalloc Word[MaxWords];
        var runLength = 0;
        var wordIndex = -1;
        var previousEnd = -1;
        var reader = new KoreanStemmer.WordReader();
        while (phrases.Count < maxPhrases && reader.Next(text, out var start, out var end, out var counter))
        {
            wordIndex++;
            var adjacent = runLength > 0 && IsSpace(text[previousEnd..start]);
            previousEnd = end;
            if (counter)
            {
                runLength = 0;
                continue;
            }

            var word = text[start..end];
            var stem = KoreanStemmer.Strip(word);
            if (stem.Length < KoreanStemmer.MinimumStemLength || !IsNominalTail(word[stem.Length..]) || IsShortNounWithParticle(stem)
                || (stem.Length == word.Length && IsPredicate(text, word, end))
                || KoreanStemmer.IsStopword(stem) || KoreanStemmer.IsStopword(word))
            {
                runLength = 0;
                continue;
            }

            if (!adjacent)
            {
                runLength = 0;
            }

            Add(phrases, text, [], new Word(start, start + stem.Length, wordIndex), end, maxPhrases);
            for (var n = 1; n <= runLength && n < maxWords; n++)
            {
                Add(phrases, text, run[(runLength - n)..runLength], new Word(start, start + stem.Length, wordIndex), end, maxPhrases);
            }

            if (stem.Length < word.Length)
            {
                runLength = 0;
                continue;
            }

            // A bare noun may begin or continue a run; keep the latest MaxWords - 1.
            if (runLength == MaxWords - 1)
            {
                run[1..runLength].CopyTo(run);
                runLength--;
            }

            run[runLength++] = new Word(start, end, wordIndex);
        }
    }

    /// <summary>
    /// Whether what <see cref="KoreanStemmer.Strip"/> removed leaves a noun: particles, the copula (쟁점이었다 is a noun
    /// predicated) and the plural 들 do; verb and adjective endings (하였다, 한, 된, 시켰다) and the adjectival 적 do not.
    /// </summary>
    public static bool IsNominalTail(ReadOnlySpan<char> tail) =>
        tail.IsEmpty || tail[0] is not ('하' or '한' or '할' or '함' or '해' or '했' or '되' or '된' or '될' or '됐' or '돼' or '시' or '적');

    // The key ends with the last word's stem; the span, with the whole word (its particles show where the noun ends).
    // A word the stemmer left whole that ends a sentence or ends in 다 (돌려보냈다, 보여준다) is a predicate the suffix
    // list does not know; a noun before the full stop has its copula (쟁점이었다), which the stemmer strips.
    private static bool IsPredicate(ReadOnlySpan<char> text, ReadOnlySpan<char> word, int end) =>
        (word.Length >= 3 && word[^1] == '다') || (end < text.Length && Chars.IsTerminal(text[end]));

    // 배에, 길을: a noun of one syllable keeps its particle, since the stemmer never cuts below two syllables. The
    // particles checked end practically no two-syllable noun (unlike 이, 도, 로 and 의: 거의, 포로, 회의).
    private static bool IsShortNounWithParticle(ReadOnlySpan<char> stem) =>
        stem.Length == 2 && stem[1] is '에' or '을' or '를' or '은' or '는';

    private static void Add(PhraseList phrases, ReadOnlySpan<char> text, ReadOnlySpan<Word> before, Word last, int lastWordEnd, int maxPhrases)
    {
        if (phrases.Count >= maxPhrases)
        {
            return;
        }

        var length = last.End - last.Start;
        foreach (var word in before)
        {
            length += word.End - word.Start + 1;
        }

        var key = phrases.Begin(length);
        var at = 0;
        foreach (var word in before)
        {
            text[word.Start..word.End].CopyTo(key[at..]);
            at += word.End - word.Start;
            key[at++] = ' ';
        }

        text[last.Start..last.End].CopyTo(key[at..]);
        var first = before.IsEmpty ? last : before[0];
        phrases.Commit(length, new PhraseSpan(first.Index, last.Index, first.Start, lastWordEnd - first.Start, SentenceInitial: false));
    }

    private static bool IsSpace(ReadOnlySpan<char> gap) => !gap.IsEmpty && gap.IndexOfAnyExcept(' ', '\u00A0') < 0;

    private readonly record struct Word(int Start, int End, int Index);
}
