using System.Buffers;
using System.Collections.Frozen;
using TM.Analysis;
using TM.Text.Internal;

namespace TM.Text.Terminology.Extraction;

/// <summary>
/// Reads the English term candidates of a sentence: runs of one to six words that begin and end with a content word and
/// hold no function word but "of" (prisoners of war), "of the" (Declaration of the Sixteen) and "and" (Ministry of Health
/// and Social Affairs), written with nothing but spaces between the words. No part-of-speech tagger: the bilingual association decides which of the runs are terms.
/// </summary>
/// <remarks>
/// <para>Words are runs of Latin letters joined by a hyphen, an en dash or an apostrophe (court-martial, ROK–U.S.,
/// Chipyong-ni), and initials keep their periods (U.N., K. S.). A word with a digit (38th, 1950s), punctuation between
/// two words, and a possessive (Almond's) end a run; the possessive word may end one.</para>
/// <para>Function words are <see cref="EnglishWords.IsStopword"/>'s (articles, pronouns, auxiliaries, prepositions,
/// number and month words, which are never terms, but for a capitalised ordinal inside a sentence: Eighth Army) and a
/// few more prepositions and adverbs (inside, abroad, nearly), words of one or two letters but names and initials (Nam Il, U.N.), and titles and abbreviations
/// written with their period (Gen., Lt., Jr.: <see cref="EnglishAbbreviations"/>). A run does not end with a
/// lowercase -ed word: after a noun such a word is a verb or a participle ("the screening conducted", "prisoners
/// wounded"), not part of the name. (An -ing word may end one: "Incheon landing", "screening".)</para>
/// <para>Keys are the words' family stems (<see cref="EnglishWordFamily"/>: prisoners → prisoner, negotiations →
/// negotiat) joined by one space, so that inflected forms of one term count together.</para>
/// </remarks>
internal static class EnglishNounPhrases
{
    // Prepositions and adverbs of place, time and degree that EnglishWords does not list (it learns word associations,
    // where they do little harm): as term candidates they pair with whatever noun their sentence translates.
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> AdverbLookup = FrozenSet.ToFrozenSet(
    [
        "inside", "outside", "abroad", "aboard", "ahead", "away", "back", "near", "nearly", "almost", "later", "earlier",
        "soon", "often", "least", "less", "below", "beside", "next", "indeed", "merely", "partly", "largely", "mainly",
        "mostly", "roughly", "some", "several", "little", "enough", "quite", "fully", "directly", "immediately",
    ], StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    // Ordinals are function words to EnglishWords (numbers are anchored elsewhere), but capitalised inside a sentence they
    // are part of a name: the Eighth Army, the First Five-Year Plan.
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> OrdinalLookup = FrozenSet.ToFrozenSet(
        ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"], StringComparer.Ordinal)
        .GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Adds the candidates of <paramref name="text"/> to <paramref name="phrases"/>, in order, at most <paramref name="maxPhrases"/> in all.</summary>
    public static void Find(ReadOnlySpan<char> text, int maxWords, int maxPhrases, PhraseList phrases)
    {
        var words = ArrayPool<Word>.Shared.Rent(text.Length / 2 + 1);
        var stems = ArrayPool<char>.Shared.Rent(text.Length + ((text.Length / 2) + 1) * EnglishWordFamily.Slack);
        try
        {
            var count = Tokenize(text, words, stems);
            for (var first = 0; first < count && phrases.Count < maxPhrases; first++)
            {
                if (words[first].Kind != WordKind.Content)
                {
                    continue;
                }

                for (var last = first; last < count && last - first < maxWords && phrases.Count < maxPhrases; last++)
                {
                    var word = words[last];
                    if (last > first && (!word.FollowsSpace || !MayContinue(words, first, last, stems)))
                    {
                        break;
                    }

                    if (word.Kind == WordKind.Content && MayEnd(text, word))
                    {
                        Add(phrases, words, stems, first, last);
                    }

                    if (word.Possessive)
                    {
                        break;
                    }
                }
            }
        }
        finally
        {
            ArrayPool<Word>.Shared.Return(words);
            ArrayPool<char>.Shared.Return(stems);
        }
    }

    // Inside a run: content words, "of", "and", and "the" right after "of".
    private static bool MayContinue(Word[] words, int first, int last, char[] stems)
    {
        var word = words[last];
        if (word.Kind == WordKind.Content)
        {
            return true;
        }

        if (word.Kind != WordKind.Function)
        {
            return false;
        }

        var stem = stems.AsSpan(word.StemStart, word.StemLength);
        var previous = stems.AsSpan(words[last - 1].StemStart, words[last - 1].StemLength);
        return stem is "of" or "and" || (stem is "the" && last - 1 > first && previous is "of");
    }

    private static bool MayEnd(ReadOnlySpan<char> text, Word word)
    {
        var surface = text[word.Start..word.End];
        if (!char.IsLower(surface[0]) || surface.Length < 5)
        {
            return true;
        }

        return !surface.EndsWith("ed", StringComparison.Ordinal);
    }

    private static void Add(PhraseList phrases, Word[] words, char[] stems, int first, int last)
    {
        var length = last - first;
        for (var w = first; w <= last; w++)
        {
            length += words[w].StemLength;
        }

        var key = phrases.Begin(length);
        var at = 0;
        for (var w = first; w <= last; w++)
        {
            if (w > first)
            {
                key[at++] = ' ';
            }

            stems.AsSpan(words[w].StemStart, words[w].StemLength).CopyTo(key[at..]);
            at += words[w].StemLength;
        }

        phrases.Commit(length, new PhraseSpan(first, last, words[first].Start, words[last].End - words[first].Start, words[first].SentenceInitial));
    }

    private static int Tokenize(ReadOnlySpan<char> text, Word[] words, char[] stems)
    {
        var count = 0;
        var usedStems = 0;
        var previousEnd = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            var hasDigit = false;
            while (i < text.Length)
            {
                var c = text[i];
                if (char.IsLetterOrDigit(c))
                {
                    hasDigit |= !Chars.IsLatinLetter(c);
                    i++;
                }
                else if (c is '-' or '–' or '\'' or '’' && i + 1 < text.Length && Chars.IsLatinLetter(text[i + 1]) && !IsPossessive(text, i))
                {
                    i++;
                }
                else if (c == '.' && IsInitial(text, start, i))
                {
                    // U.N., K. S.: the period belongs to a single capital letter.
                    i++;
                }
                else
                {
                    break;
                }
            }

            var end = i;
            var possessive = IsPossessive(text, i);
            if (possessive)
            {
                i += i + 1 < text.Length && text[i + 1] is 's' or 'S' ? 2 : 1;
            }

            var gap = text[previousEnd..start];
            var followsSpace = count > 0 && !gap.IsEmpty && gap.IndexOfAnyExcept(' ', '\u00A0') < 0;
            var sentenceInitial = count == 0 || gap.IndexOfAny('.', '?', '!') >= 0;
            previousEnd = i;
            if (hasDigit || end - start > EnglishWordFamily.MaximumLength)
            {
                words[count++] = new Word(start, end, usedStems, 0, WordKind.Break, false, followsSpace, sentenceInitial);
                continue;
            }

            var surface = text[start..end];
            var length = EnglishWordFamily.Stem(surface, stems.AsSpan(usedStems, surface.Length + EnglishWordFamily.Slack), out _);
            var kind = IsFunctionWord(surface, stems.AsSpan(usedStems, length), sentenceInitial) || IsTitle(text, surface, end)
                ? WordKind.Function : WordKind.Content;
            if (kind == WordKind.Function)
            {
                // Function words are compared as written (lowercase), not by stem: "of", "the".
                length = surface.ToLowerInvariant(stems.AsSpan(usedStems, surface.Length));
            }

            words[count++] = new Word(start, end, usedStems, length, kind, possessive, followsSpace, sentenceInitial);
            usedStems += length;
        }

        return count;
    }

    private static bool IsFunctionWord(ReadOnlySpan<char> surface, ReadOnlySpan<char> stem, bool sentenceInitial)
    {
        Span<char> lower = stackalloc char[surface.Length];
        surface.ToLowerInvariant(lower);
        if (!sentenceInitial && char.IsUpper(surface[0]) && OrdinalLookup.Contains(lower))
        {
            return false;
        }

        if (EnglishWords.IsStopword(lower) || EnglishWords.IsStopword(stem) || AdverbLookup.Contains(lower))
        {
            return true;
        }

        // "of", "in", "a", and "In" or "As" starting a sentence; but not "UN", "US", initials with their period, nor a
        // capitalised part of a name inside a sentence (Yi Si-yeong, Nam Il).
        return surface.Length <= 2 && !surface.Contains('.') && !char.IsUpper(surface[^1])
            && (char.IsLower(surface[0]) || sentenceInitial);
    }

    // Gen., Lt., Maj., Rep., Jr.: a title or an abbreviation (EnglishAbbreviations) is never a term of its own.
    private static bool IsTitle(ReadOnlySpan<char> text, ReadOnlySpan<char> surface, int end) =>
        end < text.Length && text[end] == '.'
        && (EnglishAbbreviations.NeverFinal.GetAlternateLookup<ReadOnlySpan<char>>().Contains(surface)
            || EnglishAbbreviations.SometimesFinal.GetAlternateLookup<ReadOnlySpan<char>>().Contains(surface));

    // The period after a lone capital letter (U.N., K. S., the U.S. of ROK–U.S.), not after "Lt" or a sentence's last word.
    private static bool IsInitial(ReadOnlySpan<char> text, int wordStart, int at)
    {
        var segment = at - 1;
        return char.IsUpper(text[segment]) && (segment == wordStart || !char.IsLetter(text[segment - 1]));
    }

    // 's or ’s (Almond's), or a lone apostrophe after a plural (survivors'), followed by no letter.
    private static bool IsPossessive(ReadOnlySpan<char> text, int at)
    {
        if (at >= text.Length || text[at] is not ('\'' or '’'))
        {
            return false;
        }

        if (at + 1 < text.Length && text[at + 1] is 's' or 'S')
        {
            return at + 2 == text.Length || !char.IsLetterOrDigit(text[at + 2]);
        }

        return at > 0 && text[at - 1] is 's' && (at + 1 == text.Length || !char.IsLetterOrDigit(text[at + 1]));
    }

    private enum WordKind
    {
        Content,
        Function,
        Break,
    }

    private readonly record struct Word(int Start, int End, int StemStart, int StemLength, WordKind Kind, bool Possessive, bool FollowsSpace, bool SentenceInitial);
}
