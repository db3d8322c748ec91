using System.Buffers;
using System.Collections.Frozen;
using TM.Analysis;

namespace TM.Text.Internal;

/// <summary>
/// Finds English term forms in a text as whole words, by word family for lower-case words, indexed by their first
/// word so that a text is read once whatever the size of the termbase.
/// </summary>
/// <remarks>
/// <para>Words are runs of letters and digits, split the same way in forms and texts; a possessive 's is no part of
/// a word ("Armistice Agreement's" is found as "Armistice Agreement"). The words of a multi-word form are matched
/// one by one: where the form has a space or a hyphen the text may have either (Kim Il-sung, Kim Il Sung; front line,
/// front-line, as <see cref="GlossaryTermMatcher"/> does); any other separator must be the same (U.S.).</para>
/// <para>How a word of a form meets a word of the text depends on how the termbase writes it:</para>
/// <list type="bullet">
/// <item>All lower case: by word family (<see cref="EnglishWordFamily"/>, with <see cref="GlossaryTermMatcher.Meets"/>),
/// in any case: "negotiation" finds "Negotiations" and "negotiating", "troop" finds "troops"; "war" does not find
/// "warring" (a verb's form against a plain noun), "warrant" or "wars'" beyond the plural.</item>
/// <item>Capitalised, with no other capital (Stalin, Korea, Armistice): the same letters in any case, with an
/// optional plural "s". Termbases write names and treaty titles capitalised where running text may not ("the
/// armistice agreement"), and a name has no word family: "Staline" (a forbidden variant) must not meet "Stalin",
/// which it would by stem, and "Korea" does not find "Koreans", a word of its own (EnglishWordFamily keeps korea and
/// korean apart too).</item>
/// <item>With a capital after the first letter (US, POW, MacArthur): exactly, with an optional plural "s". Here case
/// tells words apart: "US" must not find "us".</item>
/// </list>
/// A word with a digit or a letter outside Latin (B-29, 38th) is matched like a capitalised one, by its letters.
/// </remarks>
internal sealed class EnglishTermIndex
{
    // Joins the keys of a phrase's first two words; no word holds it.
    private const char PairSeparator = '\u0001';

    // Words longer than this are not looked up as a phrase's first or second word (the pair key is built on the stack).
    private const int MaximumPairWord = 64;

    private readonly FrozenDictionary<string, EnglishTerm[]> terms;
    private readonly FrozenDictionary<string, EnglishTerm[]>.AlternateLookup<ReadOnlySpan<char>> lookup;

    public EnglishTermIndex(IEnumerable<IndexedTermForm> forms)
    {
        var byKey = new Dictionary<string, List<EnglishTerm>>(StringComparer.Ordinal);
        var tokens = new List<Token>();
        foreach (var candidate in forms)
        {
            tokens.Clear();
            Tokenize(candidate.Form, tokens);
            if (tokens.Count == 0)
            {
                continue;
            }

            var words = new TermWord[tokens.Count];
            var gaps = new string?[tokens.Count];
            for (var i = 0; i < tokens.Count; i++)
            {
                words[i] = TermWord.Of(candidate.Form.AsSpan(tokens[i].Start, tokens[i].Length));
                if (i > 0)
                {
                    var gap = candidate.Form.AsSpan(tokens[i - 1].End, tokens[i].Start - tokens[i - 1].End);
                    gaps[i] = IsLoose(gap) ? null : gap.ToString();
                }
            }

            // A phrase is indexed under its first two words, so that the hundreds of terms a big termbase may start with
            // one word ("Korean War", "Korean People's Army"…) are not all tried wherever that word occurs.
            var key = words.Length == 1 ? words[0].IndexKey : words[0].IndexKey + PairSeparator + words[1].IndexKey;
            (byKey.TryGetValue(key, out var list) ? list : byKey[key] = []).Add(new EnglishTerm(candidate, words, gaps));
        }

        terms = byKey.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
        lookup = terms.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Adds every form found in <paramref name="text"/> to <paramref name="matches"/>, overlaps included.</summary>
    public void Find(string text, List<TermMatch> matches)
    {
        if (terms.Count == 0 || text.Length == 0)
        {
            return;
        }

        var tokens = new List<Token>();
        Tokenize(text, tokens);
        // ToLowerInvariant maps code unit by code unit, so offsets in the copy are offsets in the text. Stems go into
        // one pooled buffer: each needs its word's length plus the slack while it is written.
        var lowered = text.ToLowerInvariant();
        var buffer = ArrayPool<char>.Shared.Rent(text.Length + (tokens.Count + 1) * EnglishWordFamily.Slack);
        try
        {
            var words = new TextWord[tokens.Count];
            var used = 0;
            for (var i = 0; i < tokens.Count; i++)
            {
                words[i] = TextWord.Of(text, lowered, tokens[i], buffer, ref used);
            }

            Span<char> pair = stackalloc char[2 * MaximumPairWord + 1];
            for (var i = 0; i < words.Length; i++)
            {
                // A word is looked up under each key a form's first word may have: its family stem, its letters, and
                // its letters without a plural "s"; a phrase under each pair of keys of this word and the next. Equal
                // keys are looked up once, so no form is found twice.
                var first = new WordKeys(words[i], buffer, lowered);
                var second = i + 1 < words.Length ? new WordKeys(words[i + 1], buffer, lowered) : default;
                for (var a = 0; a < WordKeys.Count; a++)
                {
                    var key = first[a];
                    if (key.IsEmpty)
                    {
                        continue;
                    }

                    Collect(text, lowered, buffer, words, i, key, matches);
                    for (var b = 0; b < WordKeys.Count && key.Length <= MaximumPairWord; b++)
                    {
                        var next = second[b];
                        if (next.IsEmpty || next.Length > MaximumPairWord)
                        {
                            continue;
                        }

                        key.CopyTo(pair);
                        pair[key.Length] = PairSeparator;
                        next.CopyTo(pair[(key.Length + 1)..]);
                        Collect(text, lowered, buffer, words, i, pair[..(key.Length + 1 + next.Length)], matches);
                    }
                }
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private void Collect(string text, string lowered, char[] buffer, TextWord[] words, int first, ReadOnlySpan<char> key, List<TermMatch> matches)
    {
        if (key.IsEmpty || !lookup.TryGetValue(key, out var candidates))
        {
            return;
        }

        foreach (var term in candidates)
        {
            if (first + term.Words.Length > words.Length)
            {
                continue;
            }

            var matched = true;
            for (var j = 0; j < term.Words.Length && matched; j++)
            {
                var word = words[first + j];
                matched = term.Words[j].Meets(text, lowered, buffer, word)
                    && (j == 0 || Separated(text, words[first + j - 1], word, term.Gaps[j]));
            }

            if (matched)
            {
                matches.Add(new TermMatch(words[first].Start, words[first + term.Words.Length - 1].End, term.Candidate));
            }
        }
    }

    private static bool Separated(string text, TextWord previous, TextWord next, string? gap)
    {
        var between = text.AsSpan(previous.End, next.Start - previous.End);
        return gap is null ? IsLoose(between) : between.SequenceEqual(gap);
    }

    // Spaces, or one hyphen: how the words of a compound term are written either way.
    private static bool IsLoose(ReadOnlySpan<char> gap) =>
        gap is "-" || (gap.Length > 0 && gap.IndexOfAnyExcept(' ', '\u00A0') < 0);

    // Runs of letters and digits; a possessive 's or ’s after a run is skipped, not part of the word.
    private static void Tokenize(string text, List<Token> tokens)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && char.IsLetterOrDigit(text[i]))
            {
                i++;
            }

            tokens.Add(new Token(start, i - start));
            if (i + 1 < text.Length && text[i] is '\'' or '’' && text[i + 1] is 's' or 'S'
                && (i + 2 == text.Length || !char.IsLetterOrDigit(text[i + 2])))
            {
                i += 2;
            }
        }
    }

    /// <summary>The keys a text word is looked up under, duplicates left empty: its stem, its lower-cased letters,
    /// and those without a final "s".</summary>
    private readonly ref struct WordKeys
    {
        public const int Count = 3;

        private readonly ReadOnlySpan<char> stem;
        private readonly ReadOnlySpan<char> letters;
        private readonly ReadOnlySpan<char> singular;

        public WordKeys(TextWord word, char[] buffer, string lowered)
        {
            stem = word.Stem(buffer);
            var all = word.Lowered(lowered);
            letters = all.SequenceEqual(stem) ? [] : all;
            var cut = all.Length > 1 && all[^1] == 's' ? all[..^1] : [];
            singular = cut.SequenceEqual(stem) ? [] : cut;
        }

        public ReadOnlySpan<char> this[int index] => index switch
        {
            0 => stem,
            1 => letters,
            _ => singular,
        };
    }

    private readonly record struct Token(int Start, int Length)
    {
        public int End => Start + Length;
    }

    /// <summary>A word of the text: where it is, and where its family stem is in the shared buffer (length -1 when
    /// it has none: digits, letters outside Latin, longer than a word).</summary>
    private readonly record struct TextWord(int Start, int End, int StemStart, int StemLength, EnglishWordForm Form)
    {
        public static TextWord Of(string text, string lowered, Token token, char[] buffer, ref int used)
        {
            var surface = text.AsSpan(token.Start, token.Length);
            if (token.Length > EnglishWordFamily.MaximumLength || surface.ContainsAnyExcept(LatinLetters))
            {
                return new TextWord(token.Start, token.End, 0, -1, EnglishWordForm.None);
            }

            var length = EnglishWordFamily.Stem(surface, buffer.AsSpan(used, token.Length + EnglishWordFamily.Slack), out var form);
            var word = new TextWord(token.Start, token.End, used, length, form);
            used += length;
            return word;
        }

        public ReadOnlySpan<char> Stem(char[] buffer) => StemLength < 0 ? [] : buffer.AsSpan(StemStart, StemLength);

        public ReadOnlySpan<char> Lowered(string lowered) => lowered.AsSpan(Start, End - Start);

        public ReadOnlySpan<char> Surface(string text) => text.AsSpan(Start, End - Start);
    }

    private static readonly SearchValues<char> LatinLetters = SearchValues.Create(
        Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(Chars.IsLatinLetter).ToArray());

    private enum WordRule
    {
        Family,
        Caseless,
        Exact,
    }

    /// <summary>A word of a form and how it meets a word of the text (see the remarks on the type).</summary>
    private readonly record struct TermWord(WordRule Rule, string Key, EnglishWordForm Listed)
    {
        /// <summary>The key a form starting with this word is indexed under: text words are looked up lower-cased.</summary>
        public string IndexKey => Rule == WordRule.Exact ? Key.ToLowerInvariant() : Key;

        public static TermWord Of(ReadOnlySpan<char> word)
        {
            var latin = word.Length <= EnglishWordFamily.MaximumLength && !word.ContainsAnyExcept(LatinLetters);
            if (latin && !HasUpper(word))
            {
                Span<char> stem = stackalloc char[word.Length + EnglishWordFamily.Slack];
                var length = EnglishWordFamily.Stem(word, stem, out var form);
                return new TermWord(WordRule.Family, new string(stem[..length]), form);
            }

            return HasUpper(word[1..])
                ? new TermWord(WordRule.Exact, word.ToString(), EnglishWordForm.None)
                : new TermWord(WordRule.Caseless, word.ToString().ToLowerInvariant(), EnglishWordForm.None);
        }

        public bool Meets(string text, string lowered, char[] buffer, TextWord word) => Rule switch
        {
            WordRule.Family => word.StemLength >= 0 && word.Stem(buffer).SequenceEqual(Key) && GlossaryTermMatcher.Meets(word.Form, Listed),
            WordRule.Caseless => SameOrPlural(word.Lowered(lowered), Key),
            _ => SameOrPlural(word.Surface(text), Key),
        };

        private static bool SameOrPlural(ReadOnlySpan<char> word, string key) =>
            word.SequenceEqual(key) || (word.Length == key.Length + 1 && word[^1] == 's' && word.StartsWith(key));

        private static bool HasUpper(ReadOnlySpan<char> word)
        {
            foreach (var c in word)
            {
                if (char.IsUpper(c))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <param name="Candidate">The form's entry.</param>
    /// <param name="Words">The form's words.</param>
    /// <param name="Gaps">Before each word after the first, the separator the text must have, or null for a space or
    /// hyphen (either).</param>
    private sealed record EnglishTerm(IndexedTermForm Candidate, TermWord[] Words, string?[] Gaps);
}
