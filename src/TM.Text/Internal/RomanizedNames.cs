namespace TM.Text.Internal;

/// <summary>
/// Finds, in one document, the Korean names written in Hangul on one side and romanised on the other (흥남 ↔ Heungnam,
/// 지평리 ↔ Chipyong-ni), and gives each sentence the skeletons (<see cref="Romanization"/>) of the names it mentions.
/// English candidates are capitalised words, alone or two or three in a row ("Kim Il-sung"), and the first part of a
/// hyphenated one ("Chipyong" of "Chipyong-ni"); Korean candidates are the first two to four syllables of a word, where
/// a name stands before its particle or the rest of a compound (흥남으로, 인천상륙작전). Only skeletons found on both
/// sides become anchors, so a Korean word that happens to spell an English word of another document counts for nothing.
/// </summary>
internal static class RomanizedNames
{
    private const int MinimumSyllables = 2;
    private const int MaximumSyllables = 4;
    private const int MaximumWordsInName = 3;

    // Skeletons shorter than this match by chance: a two-syllable Korean word gives at least three symbols ("sol").
    private const int MinimumSkeleton = 3;

    /// <summary>The skeletons each sentence mentions, in order, found on both sides.</summary>
    public static (List<string>[] Korean, List<string>[] English) Find(IReadOnlyList<string> korean, IReadOnlyList<string> english)
    {
        var englishCandidates = new List<(int Start, int End, string Skeleton)>[english.Count];
        var englishSkeletons = new HashSet<string>(StringComparer.Ordinal);
        for (var s = 0; s < english.Count; s++)
        {
            englishCandidates[s] = EnglishCandidates(english[s] ?? "");
            foreach (var candidate in englishCandidates[s])
            {
                englishSkeletons.Add(candidate.Skeleton);
            }
        }

        var koreanFound = new List<string>[korean.Count];
        var shared = new HashSet<string>(StringComparer.Ordinal);
        var lookup = englishSkeletons.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> roman = stackalloc char[Romanization.MaxLetters * 2];
        Span<char> skeleton = stackalloc char[Romanization.MaxLetters * 2];
        for (var s = 0; s < korean.Count; s++)
        {
            var found = koreanFound[s] = [];
            var sentence = (korean[s] ?? "").AsSpan();
            for (var i = 0; i < sentence.Length;)
            {
                if (!Chars.IsHangulSyllable(sentence[i]))
                {
                    i++;
                    continue;
                }

                var start = i;
                while (i < sentence.Length && Chars.IsHangulSyllable(sentence[i]))
                {
                    i++;
                }

                // The longest prefix that names something in the English text.
                for (var syllables = Math.Min(MaximumSyllables, i - start); syllables >= MinimumSyllables; syllables--)
                {
                    var romanLength = Romanization.RomanizeHangul(sentence.Slice(start, syllables), roman);
                    var length = romanLength < 0 ? -1 : Romanization.Skeleton(roman[..romanLength], skeleton);
                    if (length >= MinimumSkeleton && lookup.TryGetValue(skeleton[..length], out var key))
                    {
                        found.Add(key);
                        shared.Add(key);
                        break;
                    }
                }
            }
        }

        var englishFound = new List<string>[english.Count];
        for (var s = 0; s < english.Count; s++)
        {
            var found = englishFound[s] = [];

            // Candidates come longest first at each start; a matched name hides the shorter ones inside it.
            var covered = -1;
            foreach (var (start, end, key) in englishCandidates[s])
            {
                if (start >= covered && shared.Contains(key))
                {
                    found.Add(key);
                    covered = end;
                }
            }
        }

        return (koreanFound, englishFound);
    }

    private static List<(int Start, int End, string Skeleton)> EnglishCandidates(string sentence)
    {
        var words = new List<(int Start, int End)>();
        for (var i = 0; i < sentence.Length;)
        {
            if (!Chars.IsLatinLetter(sentence[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < sentence.Length && (Chars.IsLatinLetter(sentence[i])
                || (sentence[i] is '-' or '\'' or '’' && i + 1 < sentence.Length && Chars.IsLatinLetter(sentence[i + 1]))))
            {
                i++;
            }

            words.Add((start, i));
        }

        var candidates = new List<(int Start, int End, string Skeleton)>();
        for (var w = 0; w < words.Count; w++)
        {
            if (!IsNameWord(sentence, words[w]))
            {
                continue;
            }

            // Longest first: "Kim Il-sung" before "Kim".
            var last = w;
            while (last + 1 < words.Count && last + 1 - w < MaximumWordsInName && IsNameWord(sentence, words[last + 1])
                && words[last + 1].Start == words[last].End + 1 && sentence[words[last].End] == ' ')
            {
                last++;
            }

            for (var end = last; end >= w; end--)
            {
                Add(candidates, sentence.AsSpan(words[w].Start, words[end].End - words[w].Start), words[w].Start, words[end].End);
            }

            var hyphen = sentence.IndexOf('-', words[w].Start, words[w].End - words[w].Start);
            if (hyphen > 0)
            {
                Add(candidates, sentence.AsSpan(words[w].Start, hyphen - words[w].Start), words[w].Start, hyphen);
            }
        }

        return candidates;
    }

    private static void Add(List<(int Start, int End, string Skeleton)> candidates, ReadOnlySpan<char> name, int start, int end)
    {
        // The words of a name are joined without their spaces: "Kim Il-sung" reads as one romanised word.
        Span<char> joined = stackalloc char[Romanization.MaxLetters];
        var length = 0;
        foreach (var c in name)
        {
            if (c == ' ')
            {
                continue;
            }

            if (length == joined.Length)
            {
                return;
            }

            joined[length++] = c;
        }

        Span<char> skeleton = stackalloc char[Romanization.MaxLetters];
        var skeletonLength = Romanization.Skeleton(joined[..length], skeleton);
        if (skeletonLength >= MinimumSkeleton)
        {
            candidates.Add((start, end, skeleton[..skeletonLength].ToString()));
        }
    }

    // A capitalised word with a lower-case letter: "Heungnam", "Chipyong-ni", not "NARA" (an acronym, which a
    // romanised Korean word would match by chance: 나라) nor "the".
    private static bool IsNameWord(string sentence, (int Start, int End) word)
    {
        if (!char.IsUpper(sentence[word.Start]))
        {
            return false;
        }

        for (var i = word.Start + 1; i < word.End; i++)
        {
            if (char.IsLower(sentence[i]))
            {
                return true;
            }
        }

        return false;
    }
}
