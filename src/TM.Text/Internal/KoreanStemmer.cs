using System.Collections.Frozen;

namespace TM.Text.Internal;

/// <summary>
/// Cuts Korean text into crude stems for learning word associations: each run of Hangul syllables inside a
/// space-separated word (eojeol) loses its trailing particles and endings (전쟁을, 전쟁은, 전쟁의 → 전쟁;
/// 결정하였다 → 결정; 지도자들은 → 지도자). No dictionary, no morphology: a stem only has to come out the same
/// every time the word occurs, not to be a correct lemma (한반도 → 한반 is harmless because 한반도에 gives 한반
/// too).
/// </summary>
/// <remarks>
/// Hanja glosses (전쟁(戰爭)) and numbers are not stems: numbers are anchored by <see cref="NumberAnchorExtractor"/>,
/// and a Hangul run right after a digit is a counter or unit (1951년, 5개년, 38선), not a word.
/// </remarks>
internal static class KoreanStemmer
{
    /// <summary>Stems must keep at least this many syllables: one-syllable Sino-Korean stems are too ambiguous to
    /// learn from (군 is army, county and group), and refusing to cut below two keeps 국가 from losing 가.</summary>
    public const int MinimumStemLength = 2;

    // Case particles and the plural 들: what may follow any noun, a one-syllable one included (군이, 북은).
    private static readonly string[] Particles =
    [
        "은", "는", "이", "가", "을", "를", "의", "에", "에서", "에게", "에게서", "께", "께서", "한테",
        "으로", "로", "으로서", "로서", "으로써", "로써", "으로부터", "로부터", "와", "과", "도", "만", "까지", "부터",
        "보다", "처럼", "만큼", "조차", "마저", "뿐", "이나", "이란", "이라는", "라는", "이라고", "라고",
        "에는", "에서는", "에도", "에서도", "으로는", "로는", "와의", "과의", "에서의", "에의", "으로의", "로의",
        "까지의", "부터의", "들",
    ];

    // Copulas, 적/적인 (전략적 → 전략) and the verb endings that attach to Sino-Korean nouns (결정하였다, 합의된).
    // Several are also the first syllable of a noun (한, 인, 적), which is why Particles stands apart.
    private static readonly string[] Endings =
    [
        "이다", "였다", "이었다", "이며", "이고", "인", "적", "적인", "적으로", "적이",
        "하였다", "했다", "하였고", "했고", "하였으며", "했으며", "하였으나", "했으나", "하였지만", "했지만",
        "하였는데", "했는데", "하였던", "했던", "하여", "해", "해서", "해야", "하고", "하는", "하며", "하면서",
        "하기", "하기로", "할", "한", "함", "함으로써", "하게", "하도록", "하려", "하려고", "하려는", "하지", "하던",
        "한다", "되었다", "됐다", "되었고", "되었으며", "되었으나", "되었던", "되어", "되고", "되는", "되며",
        "된", "될", "되기", "되면서", "된다", "시켰다", "시키는", "시킨", "시켜",
    ];

    // Particles and endings together, matched longest first, and repeatedly, so stacked endings come off one at a
    // time (지도자들에게는 → 지도자들에게 → 지도자들 → 지도자).
    private static readonly FrozenSet<string> Suffixes = FrozenSet.ToFrozenSet(Particles.Concat(Endings), StringComparer.Ordinal);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SuffixLookup =
        Suffixes.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ParticleLookup =
        FrozenSet.ToFrozenSet(Particles, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly int LongestSuffixLength = Suffixes.Max(s => s.Length);

    // Function words and postpositional phrases (위해, 대한, 통해), pronouns, conjunctions and frequent adverbs,
    // as they come out of Strip: they co-occur with everything and translate into stopwords.
    private static readonly FrozenSet<string> Stopwords = FrozenSet.ToFrozenSet(
    [
        "위해", "위한", "위하여", "대해", "대하여", "대한", "통해", "통하여", "통한", "의해", "의하여", "의한", "따라",
        "따른", "관한", "관해", "관하여", "인해", "인하여", "인한", "비롯", "비롯한", "불구", "것을", "것이", "것은",
        "것으로", "것으", "것이다", "것도", "것과", "이에", "이를", "이는", "이것", "이러한", "이런", "그러한", "그런", "그러나",
        "그리고", "또한", "하지만", "따라서", "그러므로", "그래서", "결국", "있는", "있다", "있었다", "있으며",
        "있고", "있던", "있을", "있어", "없는", "없다", "없었다", "같은", "다른", "모든", "많은", "여러", "이후",
        "이전", "당시", "가장", "매우", "더욱", "특히", "우리", "그들", "자신", "자신들", "스스로", "가운데", "사이",
        "동안", "이상", "이하", "정도", "하나", "때문", "때문에", "경우", "다시", "이미", "바로",
        "그것", "이들", "그의", "어떤", "어느", "아니라", "않았다", "않고", "않는", "않은", "못했다", "못하고",
    ], StringComparer.Ordinal);

    // Korean writes large numbers with units (17만, 3천여) that the counter word may follow after a space.
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NumberUnits = FrozenSet.ToFrozenSet(
        ["십", "백", "천", "만", "억", "조", "십여", "백여", "천여", "만여", "억여"], StringComparer.Ordinal)
        .GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> StopwordLookup =
        Stopwords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Appends the stems of <paramref name="text"/> to <paramref name="stems"/>, in order, repeats kept.</summary>
    public static void Stems(ReadOnlySpan<char> text, LexicalTokens stems)
    {
        var reader = new WordReader();
        while (reader.Next(text, out var start, out var end, out var counter))
        {
            if (counter)
            {
                continue;
            }

            var stem = Strip(text[start..end]);
            if (stem.Length >= MinimumStemLength && !StopwordLookup.Contains(stem))
            {
                stems.Add(stem);
            }
        }
    }

    /// <summary>
    /// Reads the Hangul runs of a text one by one, telling which are counters or units after a number: 1951년, 38선,
    /// 200명, a run glued to digits; after a number unit the counter may follow a space (17만 명의, 7만여 명에).
    /// </summary>
    public struct WordReader
    {
        private int at;
        private bool counterFollows;

        /// <summary>The next Hangul run of <paramref name="text"/> (the same text on every call), or false at its end.</summary>
        public bool Next(ReadOnlySpan<char> text, out int start, out int end, out bool counter)
        {
            while (at < text.Length && !Chars.IsHangulSyllable(text[at]))
            {
                counterFollows &= char.IsWhiteSpace(text[at]);
                at++;
            }

            start = at;
            while (at < text.Length && Chars.IsHangulSyllable(text[at]))
            {
                at++;
            }

            end = at;
            counter = counterFollows || (start > 0 && start < text.Length && Chars.IsDigit(text[start - 1]));
            if (counter)
            {
                counterFollows = !counterFollows && NumberUnits.Contains(text[start..end]);
            }

            return start < end;
        }
    }

    /// <summary>Whether a stem (as <see cref="Strip"/> returns it) is a function word, pronoun, conjunction or frequent
    /// adverb that <see cref="Stems"/> leaves out.</summary>
    public static bool IsStopword(ReadOnlySpan<char> stem) => StopwordLookup.Contains(stem);

    /// <summary>Whether <paramref name="tail"/> is nothing but particles and endings <see cref="Strip"/> removes (에서, 들에게는).</summary>
    public static bool IsEnding(ReadOnlySpan<char> tail)
    {
        for (var round = 0; round < 4 && !tail.IsEmpty; round++)
        {
            var length = Math.Min(LongestSuffixLength, tail.Length);
            while (length > 0 && !SuffixLookup.Contains(tail[^length..]))
            {
                length--;
            }

            if (length == 0)
            {
                return false;
            }

            tail = tail[..^length];
        }

        return tail.IsEmpty;
    }

    /// <summary>
    /// Removes trailing particles and endings as long as at least two syllables remain. A one-syllable noun with a
    /// two-syllable particle may lose only part of it (것으로 → 것으): wrong, but the same every time.
    /// </summary>
    public static ReadOnlySpan<char> Strip(ReadOnlySpan<char> word)
    {
        for (var round = 0; round < 4; round++)
        {
            var suffix = LongestSuffix(word);
            if (suffix == 0)
            {
                break;
            }

            word = word[..^suffix];
        }

        return word;
    }

    /// <summary>
    /// Whether <paramref name="tail"/>, the Hangul that follows a noun inside its eojeol, is nothing but particles
    /// (and, unless <paramref name="particlesOnly"/>, endings), stacked in any number: 은, 에게는, 들의, 하였다. The
    /// empty tail is one. Every split is tried (마오쩌둥으로부터의 is 으로부터 + 의), not only the longest suffix first.
    /// </summary>
    public static bool IsInflection(ReadOnlySpan<char> tail, bool particlesOnly)
    {
        // Tails are a few syllables: 32 holds more stacked endings than Korean writes, and bounds the stack buffer.
        if (tail.Length > 32)
        {
            return false;
        }

        // reachable[i]: tail[..i] splits into suffixes.
        Span<bool> reachable = stackalloc bool[tail.Length + 1];
        reachable[0] = true;
        for (var end = 1; end <= tail.Length; end++)
        {
            for (var length = Math.Min(LongestSuffixLength, end); length > 0 && !reachable[end]; length--)
            {
                var suffix = tail[(end - length)..end];
                reachable[end] = reachable[end - length]
                    && (particlesOnly ? ParticleLookup.Contains(suffix) : SuffixLookup.Contains(suffix));
            }
        }

        return reachable[tail.Length];
    }

    private static int LongestSuffix(ReadOnlySpan<char> word)
    {
        // The longest ending that leaves a stem: 포로의 is 포로 + 의 although it also ends in 로의.
        for (var length = Math.Min(LongestSuffixLength, word.Length - MinimumStemLength); length > 0; length--)
        {
            if (SuffixLookup.Contains(word[^length..]))
            {
                return length;
            }
        }

        return 0;
    }
}
