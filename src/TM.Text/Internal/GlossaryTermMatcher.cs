using System.Buffers;
using TM.Analysis;

namespace TM.Text.Internal;

/// <summary>
/// Finds the English forms of a glossary in a sentence by word family (<see cref="EnglishWordFamily"/>), so that an
/// entry listing "testimony" also finds "testified" and one listing "negotiation" finds "negotiators"; phrases ("armistice
/// talks") are matched word by word and win over their parts, and no word counts twice.
/// </summary>
/// <remarks>
/// A shared stem is not enough. English makes verbs of nouns without a suffix, and the verb often means something
/// else: "states" (countries) but "stated" (said), "forces" but "forced", "back" but "backing" (support), "signs" but
/// "signed". So forms meet by kind (<see cref="EnglishWordForm"/>): a verb's forms and the nouns derived from it are
/// one family ("testified" meets "testimony", "negotiators" meets "negotiation", "occupying" meets "occupied"); a
/// plain word meets only plain words of its stem ("histories" meets "history", "stated" does not meet "state"). Forms
/// written with a capital ("POW") match exactly, plural "s" allowed.
/// </remarks>
internal sealed class GlossaryTermMatcher
{
    private readonly Dictionary<string, (string Key, EnglishWordForm Forms)[]> words;
    private readonly Dictionary<string, (string Key, EnglishWordForm Forms)[]>.AlternateLookup<ReadOnlySpan<char>> wordLookup;
    private readonly Dictionary<string, Phrase[]> phrases;
    private readonly Dictionary<string, Phrase[]>.AlternateLookup<ReadOnlySpan<char>> phraseLookup;
    private readonly Dictionary<string, string> exact;
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> exactLookup;

    /// <param name="forms">English forms with their keys, in the glossary's order: where two keys claim the same word,
    /// the first listed wins, as it did when forms were matched as strings.</param>
    public GlossaryTermMatcher(IEnumerable<(string Form, string Key)> forms)
    {
        ArgumentNullException.ThrowIfNull(forms);
        var wordForms = new Dictionary<string, List<(string Key, EnglishWordForm Forms)>>(StringComparer.Ordinal);
        var phraseForms = new Dictionary<string, List<Phrase>>(StringComparer.Ordinal);
        exact = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (form, key) in forms)
        {
            if (form.Any(char.IsUpper))
            {
                exact.TryAdd(form, key);
                exact.TryAdd(form + "s", key);
                continue;
            }

            var parts = form.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 1)
            {
                var stem = EnglishWordFamily.Stem(parts[0], out var kind);
                var entries = wordForms.TryGetValue(stem, out var list) ? list : wordForms[stem] = [];
                var at = entries.FindIndex(e => e.Key == key);
                if (at < 0)
                {
                    entries.Add((key, kind));
                }
                else
                {
                    entries[at] = (key, entries[at].Forms | kind);
                }

                continue;
            }

            var stems = new string[parts.Length];
            var kinds = new EnglishWordForm[parts.Length];
            for (var i = 0; i < parts.Length; i++)
            {
                stems[i] = EnglishWordFamily.Stem(parts[i], out kinds[i]);
            }

            (phraseForms.TryGetValue(stems[0], out var same) ? same : phraseForms[stems[0]] = []).Add(new Phrase(stems, kinds, key));
        }

        words = wordForms.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
        phrases = phraseForms.ToDictionary(p => p.Key, p => p.Value.OrderByDescending(f => f.Stems.Length).ToArray(), StringComparer.Ordinal);
        wordLookup = words.GetAlternateLookup<ReadOnlySpan<char>>();
        phraseLookup = phrases.GetAlternateLookup<ReadOnlySpan<char>>();
        exactLookup = exact.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The keys of the forms found, in the order they occur in the sentence.</summary>
    public List<string> Find(string sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var found = new List<string>();
        // Every stem fits in its word's length plus the slack, so one buffer of that size holds them all.
        var tokens = ArrayPool<Token>.Shared.Rent(sentence.Length / 2 + 1);
        var stems = ArrayPool<char>.Shared.Rent(sentence.Length * 2 + EnglishWordFamily.Slack * 4);
        try
        {
            var count = Tokenize(sentence, tokens, stems);
            for (var i = 0; i < count; i++)
            {
                var token = tokens[i];
                if (exactLookup.TryGetValue(Surface(sentence, token), out var exactKey))
                {
                    found.Add(exactKey);
                    continue;
                }

                var stem = Stem(stems, token);
                if (phraseLookup.TryGetValue(stem, out var candidates) && MatchPhrase(candidates, sentence, tokens, i, count, stems) is { } phrase)
                {
                    found.Add(phrase.Key);
                    i += phrase.Stems.Length - 1;
                    continue;
                }

                if (wordLookup.TryGetValue(stem, out var entries) && Choose(entries, token.Form) is { } key)
                {
                    found.Add(key);
                }
            }
        }
        finally
        {
            ArrayPool<Token>.Shared.Return(tokens);
            ArrayPool<char>.Shared.Return(stems);
        }

        return found;
    }

    /// <summary>Whether a word of form <paramref name="word"/> may meet an entry listing <paramref name="listed"/>
    /// under its stem (see the remarks on the type).</summary>
    public static bool Meets(EnglishWordForm word, EnglishWordForm listed) =>
        word == EnglishWordForm.Plain
            ? (listed & EnglishWordForm.Plain) != 0
            : (listed & (EnglishWordForm.Verbal | EnglishWordForm.Derived)) != 0;

    // Where two keys list the same stem ("troops", "opposed"), the first in the glossary wins, as before.
    private static string? Choose((string Key, EnglishWordForm Forms)[] entries, EnglishWordForm form)
    {
        foreach (var (key, forms) in entries)
        {
            if (Meets(form, forms))
            {
                return key;
            }
        }

        return null;
    }

    private static Phrase? MatchPhrase(Phrase[] candidates, string sentence, Token[] tokens, int first, int count, char[] stems)
    {
        foreach (var phrase in candidates)
        {
            if (first + phrase.Stems.Length > count)
            {
                continue;
            }

            var matches = true;
            for (var j = 0; j < phrase.Stems.Length && matches; j++)
            {
                var token = tokens[first + j];
                matches = Stem(stems, token).SequenceEqual(phrase.Stems[j])
                    && Meets(token.Form, phrase.Forms[j])
                    && (j == 0 || Adjacent(sentence, tokens[first + j - 1], token));
            }

            if (matches)
            {
                return phrase;
            }
        }

        return null;
    }

    // Words of a phrase are separated by spaces or one hyphen (front line, front-line), not by punctuation.
    private static bool Adjacent(string sentence, Token previous, Token next)
    {
        var gap = sentence.AsSpan(previous.End, next.Start - previous.End);
        return gap is "-" || (gap.Length > 0 && gap.IndexOfAnyExcept(' ', '\u00A0') < 0);
    }

    // Words are runs of Latin letters; a run with a digit in it (38th) is no word, and a possessive 's is dropped.
    private static int Tokenize(string sentence, Token[] tokens, char[] stems)
    {
        var count = 0;
        var used = 0;
        var i = 0;
        while (i < sentence.Length)
        {
            if (!char.IsLetterOrDigit(sentence[i]))
            {
                i++;
                continue;
            }

            var start = i;
            var letters = true;
            while (i < sentence.Length && char.IsLetterOrDigit(sentence[i]))
            {
                letters &= Chars.IsLatinLetter(sentence[i]);
                i++;
            }

            var end = i;
            if (i + 1 < sentence.Length && sentence[i] is '\'' or '’' && sentence[i + 1] is 's' or 'S'
                && (i + 2 == sentence.Length || !char.IsLetterOrDigit(sentence[i + 2])))
            {
                i += 2;
            }

            if (!letters || end - start > EnglishWordFamily.MaximumLength)
            {
                continue;
            }

            var destination = stems.AsSpan(used, end - start + EnglishWordFamily.Slack);
            var length = EnglishWordFamily.Stem(sentence.AsSpan(start, end - start), destination, out var form);
            tokens[count++] = new Token(start, end, used, length, form);
            used += length;
        }

        return count;
    }

    private static ReadOnlySpan<char> Surface(string sentence, Token token) => sentence.AsSpan(token.Start, token.End - token.Start);

    private static ReadOnlySpan<char> Stem(char[] stems, Token token) => stems.AsSpan(token.StemStart, token.StemLength);

    private readonly record struct Token(int Start, int End, int StemStart, int StemLength, EnglishWordForm Form);

    private sealed record Phrase(string[] Stems, EnglishWordForm[] Forms, string Key);
}
