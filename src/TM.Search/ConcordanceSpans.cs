using System.Text;
using TM.Search.Internal;

namespace TM.Search;

/// <summary>
/// Where a concordance term matches inside a text, for highlighting: computed from the plain text by the same
/// analysis the index uses, so a hit of <see cref="SegmentSearchIndex.Search"/> has at least one span on the side
/// that matched.
/// </summary>
public static class ConcordanceSpans
{
    /// <summary>Finds the stretches of <paramref name="text"/> that <paramref name="term"/> matches.</summary>
    /// <param name="text">The plain text of one side of a pair.</param>
    /// <param name="term">The concordance term, as given to <see cref="ConcordanceQuery.Term"/>.</param>
    /// <param name="side">
    /// The side <paramref name="text"/> is: <see cref="ConcordanceSides.Korean"/> gives every case-insensitive occurrence
    /// of the term; <see cref="ConcordanceSides.English"/> every run of words matching the term's words (the last
    /// one as a prefix for a trailing <c>*</c>), from the first word's start to the last word's end.
    /// </param>
    /// <param name="englishWordForms">As <see cref="ConcordanceQuery.EnglishWordForms"/>: match English words by their stems.</param>
    /// <returns>The spans in text order, not overlapping (after a match, the search goes on after its end); empty
    /// when nothing matches or the term has nothing to search.</returns>
    /// <exception cref="ArgumentException"><paramref name="side"/> is not Korean or English.</exception>
    public static IReadOnlyList<TextSpan> Find(string text, string term, ConcordanceSides side, bool englishWordForms)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(term);
        ConcordanceTerm parsed = ConcordanceTerm.Parse(term);
        return side switch
        {
            ConcordanceSides.Korean => FindKorean(text, parsed.Text),
            ConcordanceSides.English => FindEnglish(text, parsed, englishWordForms),
            _ => throw new ArgumentException($"A span is found on one side, Korean or English, not {side}.", nameof(side)),
        };
    }

    private static List<TextSpan> FindKorean(string text, string term)
    {
        var spans = new List<TextSpan>();
        if (term.Length == 0 || text.Length == 0)
        {
            return spans;
        }

        FoldedText foldedText = FoldedText.Of(text);
        string foldedTerm = FoldedText.Of(term).Text;
        int from = 0;
        while (from <= foldedText.Text.Length - foldedTerm.Length)
        {
            int at = foldedText.Text.IndexOf(foldedTerm, from, StringComparison.Ordinal);
            if (at < 0)
            {
                break;
            }

            int end = at + foldedTerm.Length;
            if (!foldedText.IsBoundary(at) || !foldedText.IsBoundary(end))
            {
                from = at + 1; // inside a surrogate pair: not a character match
                continue;
            }

            int start = foldedText.OriginalStart(at);
            spans.Add(new TextSpan(start, foldedText.OriginalStart(end) - start));
            from = end;
        }

        return spans;
    }

    private static List<TextSpan> FindEnglish(string text, ConcordanceTerm term, bool wordForms)
    {
        var spans = new List<TextSpan>();
        List<AnalyzedToken> words = EnglishTermQuery.Words(term, wordForms);
        if (words.Count == 0)
        {
            return spans;
        }

        List<AnalyzedToken> tokens = EnglishTermQuery.Words(text, EnglishTermQuery.MatchesStems(term, wordForms));
        var byPosition = new Dictionary<int, int>(tokens.Count);
        for (int i = 0; i < tokens.Count; i++)
        {
            byPosition.TryAdd(tokens[i].Position, i);
        }

        int base0 = words[0].Position;
        int next = 0;
        while (next < tokens.Count)
        {
            int first = next;
            int last = Match(tokens, byPosition, first, words, base0, term.Prefix);
            if (last < 0)
            {
                next++;
                continue;
            }

            spans.Add(new TextSpan(tokens[first].Start, tokens[last].End - tokens[first].Start));
            next = last + 1;
        }

        return spans;
    }

    // The index of the text token that matches the term's last word when the term's words match from token
    // `first` on (each at its own position relative to the first word), or -1.
    private static int Match(List<AnalyzedToken> tokens, Dictionary<int, int> byPosition, int first,
        List<AnalyzedToken> words, int base0, bool prefix)
    {
        int last = -1;
        for (int w = 0; w < words.Count; w++)
        {
            int position = tokens[first].Position + (words[w].Position - base0);
            if (!byPosition.TryGetValue(position, out int index))
            {
                return -1;
            }

            string textWord = tokens[index].Term;
            bool isLast = w == words.Count - 1;
            bool matches = isLast && prefix
                ? textWord.StartsWith(words[w].Term, StringComparison.Ordinal)
                : string.Equals(textWord, words[w].Term, StringComparison.Ordinal);
            if (!matches)
            {
                return -1;
            }

            last = index;
        }

        return last;
    }

    /// <summary>A text folded as the Korean field sees it, with the way back to the original offsets.</summary>
    /// <remarks>
    /// Each character becomes its unigram in the index: whitespace a space, anything else lower-cased as the index's
    /// tokenizer does it (the invariant simple mapping, per code point; a test holds the two together).
    /// </remarks>
    private sealed class FoldedText
    {
        private readonly int[] _originalStart;
        private readonly bool[] _boundary;

        private FoldedText(string text, int[] originalStart, bool[] boundary)
        {
            Text = text;
            _originalStart = originalStart;
            _boundary = boundary;
        }

        public string Text { get; }

        public static FoldedText Of(string original)
        {
            var folded = new char[original.Length];
            var originalStart = new int[original.Length + 1];
            var boundary = new bool[original.Length + 1];
            int i = 0;
            while (i < original.Length)
            {
                char c = original[i];
                if (i + 1 < original.Length && char.IsSurrogatePair(c, original[i + 1]))
                {
                    var rune = new Rune(c, original[i + 1]);
                    Rune lower = Rune.ToLowerInvariant(rune);
                    (lower.Utf16SequenceLength == 2 ? lower : rune).EncodeToUtf16(folded.AsSpan(i)); // case pairs share a plane
                    originalStart[i] = originalStart[i + 1] = i;
                    boundary[i] = true;
                    i += 2;
                    continue;
                }

                folded[i] = char.IsWhiteSpace(c) ? ' ' : char.ToLowerInvariant(c);
                originalStart[i] = i;
                boundary[i] = true;
                i++;
            }

            originalStart[original.Length] = original.Length;
            boundary[original.Length] = true;
            return new FoldedText(new string(folded), originalStart, boundary);
        }

        public bool IsBoundary(int foldedIndex) => _boundary[foldedIndex];

        public int OriginalStart(int foldedIndex) => _originalStart[foldedIndex];
    }
}
