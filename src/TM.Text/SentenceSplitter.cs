using TM.Text.Internal;

namespace TM.Text;

/// <summary>
/// Splits a paragraph into sentences. A sentence ends at '.', '?', '!' or an ellipsis (with any closing quotes
/// and brackets after it) followed by whitespace, unless the evidence says otherwise:
/// <list type="bullet">
/// <item>the next word starts with a lowercase letter (continuation after a quotation, "etc." mid-sentence);</item>
/// <item>the period belongs to an abbreviation ("Mr.", "e.g.", "No.", "Jan.") or an initial ("J. F. Dulles"); after
/// "U.S." or "etc." only a word that usually starts sentences ("The", "However") begins a new one;</item>
/// <item>it is inside parentheses or brackets closed within the paragraph;</item>
/// <item>it sits between numbers ("3.5", the Korean date "1953. 7. 27.");</item>
/// <item>in Korean, a closed quotation is followed by a quotative ("…끝났다.” 라고").</item>
/// </list>
/// A Korean period directly followed by Hangul ("하였다.그러나", a missing space) does end a sentence.
/// Sentences are returned trimmed with whitespace runs (including line breaks) collapsed to one space.
/// </summary>
public sealed class SentenceSplitter
{
    // Parentheses longer than this are more likely unbalanced text than an aside; sentences may end inside them.
    private const int MaxProtectedParenthesis = 250;

    /// <summary>A shared instance; the splitter has no state.</summary>
    public static SentenceSplitter Default { get; } = new();

    /// <summary>Splits the text into sentences.</summary>
    /// <param name="text">A paragraph (line breaks inside it are treated as spaces).</param>
    /// <param name="language">The language of the text; Korean enables the quotative and missing-space rules.</param>
    /// <returns>The sentences in order; empty when the text is blank.</returns>
    public IReadOnlyList<string> Split(string text, Language language)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ranges = new List<Range>();
        SplitRanges(text, language, ranges);
        var sentences = new string[ranges.Count];
        for (var i = 0; i < ranges.Count; i++)
        {
            sentences[i] = Whitespace.Normalize(text.AsSpan()[ranges[i]]);
        }

        return sentences;
    }

    /// <summary>
    /// Where each sentence of the text is, by the same rules as <see cref="Split"/>: ranges of <paramref name="text"/>
    /// itself, trimmed, with the whitespace inside left as it is, so a caller can point into the text it holds.
    /// </summary>
    /// <param name="text">A paragraph.</param>
    /// <param name="language">The language of the text.</param>
    /// <returns>The ranges in order; empty when the text is blank.</returns>
    public IReadOnlyList<Range> Ranges(string text, Language language)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ranges = new List<Range>();
        SplitRanges(text, language, ranges);
        return ranges;
    }

    /// <summary>Adds to <paramref name="output"/> the range of each sentence, trimmed, in order.</summary>
    internal static void SplitRanges(ReadOnlySpan<char> text, Language language, List<Range> output)
    {
        var protectedRanges = FindParentheses(text);
        var start = SkipWhitespace(text, 0);
        for (var i = start; i < text.Length; i++)
        {
            if (!Chars.IsTerminal(text[i]) || IsProtected(protectedRanges, i))
            {
                continue;
            }

            var last = i;
            while (last + 1 < text.Length && Chars.IsTerminal(text[last + 1]))
            {
                last++;
            }

            var end = last + 1;
            var quoteClosed = false;
            while (end < text.Length && Chars.IsCloser(text[end]))
            {
                quoteClosed |= Chars.IsClosingQuote(text[end]);
                end++;
            }

            int next;
            if (end == text.Length)
            {
                break;
            }
            else if (char.IsWhiteSpace(text[end]))
            {
                next = SkipWhitespace(text, end);
                if (next == text.Length)
                {
                    break;
                }

                if (!IsBoundary(text, i, last, next, quoteClosed, language))
                {
                    i = last;
                    continue;
                }
            }
            else if (text[i] == '.' && last == i && end == i + 1 && i > 0
                && Chars.IsHangulSyllable(text[i - 1]) && Chars.IsHangulSyllable(text[end]))
            {
                // "…결정하였다.그러나 …": a Korean sentence whose space after the period was lost.
                next = end;
            }
            else
            {
                i = last;
                continue;
            }

            output.Add(new Range(start, end));
            start = next;
            i = next - 1;
        }

        var tail = TrimEnd(text, start, text.Length);
        if (tail > start)
        {
            output.Add(new Range(start, tail));
        }
    }

    private static bool IsBoundary(ReadOnlySpan<char> text, int terminal, int last, int next, bool quoteClosed, Language language)
    {
        var first = next;
        while (first < text.Length && Chars.IsOpener(text[first]))
        {
            first++;
        }

        var firstChar = first < text.Length ? text[first] : ' ';
        if (char.IsLower(firstChar))
        {
            return false;
        }

        if (language == Language.Korean && quoteClosed && StartsWithQuotative(text[next..]))
        {
            return false;
        }

        if (text[terminal] != '.' || last != terminal)
        {
            return true;
        }

        if (terminal > 0 && Chars.IsDigit(text[terminal - 1])
            && (Chars.IsDigit(firstChar) || (language == Language.Korean && EndsDottedDate(text, terminal))))
        {
            return false;
        }

        var wordStart = terminal;
        while (wordStart > 0 && (Chars.IsLatinLetter(text[wordStart - 1]) || text[wordStart - 1] == '.'))
        {
            wordStart--;
        }

        var word = text[wordStart..terminal];
        if (word.IsEmpty || !Chars.IsLatinLetter(word[0]))
        {
            return true;
        }

        return AbbreviationAllowsBoundary(word, NextWord(text, first));
    }

    private static bool AbbreviationAllowsBoundary(ReadOnlySpan<char> word, ReadOnlySpan<char> nextWord)
    {
        var nextIsHangul = !nextWord.IsEmpty && Chars.IsHangul(nextWord[0]);
        var nextStartsSentence = nextIsHangul
            || EnglishAbbreviations.SentenceStarters.GetAlternateLookup<ReadOnlySpan<char>>().Contains(nextWord);

        if (word.Contains('.'))
        {
            if (EnglishAbbreviations.DottedNeverFinal.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word))
            {
                return false;
            }

            // "U.S.", "U.S.S.R.", "Ph.D.", "a.m.": an acronym that may still end the sentence.
            return nextStartsSentence;
        }

        if (word.Length == 1)
        {
            // An initial ("J. F. Dulles") or a single-letter abbreviation ("p. 5").
            return nextIsHangul;
        }

        if (EnglishAbbreviations.NeverFinal.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word))
        {
            return false;
        }

        if (EnglishAbbreviations.SometimesFinal.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word))
        {
            return nextStartsSentence;
        }

        return true;
    }

    // "1953. 7. 27." before the period at terminal: Korean writes dates this way in running text.
    private static bool EndsDottedDate(ReadOnlySpan<char> text, int terminal)
    {
        var p = terminal - 1;
        while (p >= 0 && Chars.IsDigit(text[p]))
        {
            p--;
        }

        while (p >= 0 && text[p] == ' ')
        {
            p--;
        }

        return p >= 1 && text[p] == '.' && Chars.IsDigit(text[p - 1]);
    }

    private static ReadOnlySpan<char> NextWord(ReadOnlySpan<char> text, int start)
    {
        var end = start;
        while (end < text.Length && (char.IsLetter(text[end]) || (end > start && text[end] == '\'')))
        {
            end++;
        }

        return text[start..end];
    }

    private static bool StartsWithQuotative(ReadOnlySpan<char> text)
    {
        foreach (var quotative in EnglishAbbreviations.KoreanQuotatives)
        {
            if (text.StartsWith(quotative, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static List<(int Open, int Close)>? FindParentheses(ReadOnlySpan<char> text)
    {
        List<(int, int)>? ranges = null;
        Span<int> stack = stackalloc int[16];
        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '(' or '[' or '（')
            {
                if (depth < stack.Length)
                {
                    stack[depth] = i;
                }

                depth++;
            }
            else if (c is ')' or ']' or '）' && depth > 0)
            {
                depth--;
                if (depth < stack.Length && i - stack[depth] <= MaxProtectedParenthesis)
                {
                    (ranges ??= []).Add((stack[depth], i));
                }
            }
        }

        return ranges;
    }

    private static bool IsProtected(List<(int Open, int Close)>? ranges, int position)
    {
        if (ranges is null)
        {
            return false;
        }

        foreach (var (open, close) in ranges)
        {
            if (position > open && position < close)
            {
                return true;
            }
        }

        return false;
    }

    private static int SkipWhitespace(ReadOnlySpan<char> text, int position)
    {
        while (position < text.Length && char.IsWhiteSpace(text[position]))
        {
            position++;
        }

        return position;
    }

    private static int TrimEnd(ReadOnlySpan<char> text, int start, int end)
    {
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return end;
    }
}
