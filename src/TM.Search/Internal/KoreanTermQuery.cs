using System.Text;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace TM.Search.Internal;

/// <summary>
/// Builds the Korean field's query for a term: a phrase of the term's own tokens that covers every character of
/// it, which matches a text exactly when the text contains the term (<see cref="SubstringGramTokenizer"/>).
/// </summary>
/// <remarks>
/// <para>
/// Why it is exact. Write fold(c) for a character as the index sees it (lower-cased, any whitespace as " "). The
/// tokenizer puts a gram g (2 or 3 letters or digits) at position p of a text T exactly when fold(T[p..p+|g|)) = g,
/// and a unigram of T[p] exactly when T[p] is not a letter or digit, or is one not followed by another. The query
/// takes tokens of the term t itself, analyzed by the same chain, each with its offset o_i in t, chosen so that the
/// slices [o_i, o_i + |g_i|) together cover all of t. Lucene's exact phrase matches T at base b when every g_i is
/// at position b + o_i. Then:
/// </para>
/// <list type="bullet">
/// <item><description>if T contains t at b (fold-equal), each chosen gram of t appears folded in T at b + o_i, and
/// its characters are letters or digits in T when they are in t (folding keeps a character's class), so the gram
/// is there; a chosen unigram of a character that is not a letter or digit is there too; a chosen unigram of a
/// letter followed in t by a non-letter is followed by the same non-letter in T, so it is there as well. The one
/// token t's analysis cannot vouch for is a letter at the very end of t with no letter before it (a one-letter
/// term, or "6.25 전"): in T that letter may be followed by another, and then T has the 2-gram starting with it
/// instead of its unigram. At that position the query accepts the unigram or any 2-gram starting with the letter
/// (a MultiPhraseQuery, or a PrefixQuery for a one-letter term). So the phrase matches;</description></item>
/// <item><description>if the phrase matches at b, each token equals fold(T[b + o_i..]) over its length (a 2-gram
/// accepted for a final letter has that letter first), and the slices cover t, so fold(T[b..b + |t|)) = fold(t)
/// character by character: T contains t.</description></item>
/// </list>
/// <para>
/// Positions are UTF-16 offsets in both the term and the texts, so a surrogate pair (two offsets, one token)
/// lines up the same way on both sides. A 2- or 3-character word is one gram, a TermQuery; longer terms use
/// 3-grams, the rarest tokens, so the phrase intersects short postings lists: "휴전협정을" is "휴전협"@0 and "협정을"@2.
/// </para>
/// </remarks>
internal static class KoreanTermQuery
{
    /// <summary>The query for <paramref name="term"/> on the Korean field, or null when the term is empty.</summary>
    /// <param name="term">The term as typed.</param>
    /// <param name="reader">The reader the query will run on: a final letter standing alone is expanded against it.</param>
    public static Query? Build(string term, IndexReader reader)
    {
        List<AnalyzedToken> cover = Cover(term);
        if (cover.Count == 0)
        {
            return null;
        }

        bool openEnd = EndsWithLoneLetter(cover, term);
        if (cover.Count == 1)
        {
            // A one-letter term: every text where the letter is a unigram or starts a 2- or 3-gram.
            return openEnd
                ? new PrefixQuery(new Term(SearchFields.Korean, cover[0].Term))
                : new TermQuery(new Term(SearchFields.Korean, cover[0].Term));
        }

        if (!openEnd)
        {
            var phrase = new PhraseQuery();
            foreach (AnalyzedToken token in cover)
            {
                phrase.Add(new Term(SearchFields.Korean, token.Term), token.Start);
            }

            return phrase;
        }

        Term[] last = UnigramOrBigrams(reader, cover[^1].Term);
        if (last.Length == 0)
        {
            return new BooleanQuery(); // no clause: matches nothing
        }

        var multi = new MultiPhraseQuery();
        for (int i = 0; i < cover.Count - 1; i++)
        {
            multi.Add([new Term(SearchFields.Korean, cover[i].Term)], cover[i].Start);
        }

        multi.Add(last, cover[^1].Start);
        return multi;
    }

    /// <summary>
    /// The tokens of <paramref name="term"/> the query uses: greedily, at the first character not yet covered,
    /// the token covering it that reaches furthest (the longest one on a tie), so a run of n ≥ 3 letters takes
    /// ⌈n / 3⌉ 3-grams, the last one ending at the run's last character.
    /// </summary>
    public static List<AnalyzedToken> Cover(string term)
    {
        List<AnalyzedToken> tokens = AnalyzedToken.Analyze(SearchFields.KoreanAnalyzer, SearchFields.Korean, term);
        var cover = new List<AnalyzedToken>();
        int covered = 0;
        int first = 0; // the first token that may still cover `covered`
        while (covered < term.Length)
        {
            AnalyzedToken? best = null;
            for (int i = first; i < tokens.Count && tokens[i].Start <= covered; i++)
            {
                AnalyzedToken token = tokens[i];
                if (token.End <= covered)
                {
                    continue;
                }

                if (best is not { } b || token.End > b.End || (token.End == b.End && token.End - token.Start > b.End - b.Start))
                {
                    best = token;
                }
            }

            // Every character starts a token or lies inside a 2-gram, so some token covers `covered`.
            AnalyzedToken chosen = best ?? throw new InvalidOperationException($"No token covers offset {covered} of '{term}'.");
            cover.Add(chosen);
            covered = chosen.End;
            while (first < tokens.Count && tokens[first].Start + (SubstringGramTokenizer.MaxGram * 2) <= covered)
            {
                first++;
            }
        }

        return cover;
    }

    /// <summary>The cover ends with the unigram of a letter or digit: a letter the text may follow with another.</summary>
    public static bool EndsWithLoneLetter(List<AnalyzedToken> cover, string term)
    {
        AnalyzedToken last = cover[^1];
        return last.End == term.Length && Rune.TryGetRuneAt(term, last.Start, out Rune rune) && Rune.IsLetterOrDigit(rune)
            && last.End - last.Start == rune.Utf16SequenceLength;
    }

    // The index's terms at a position holding `letter`: its unigram and the 2-grams it starts (a 3-gram there implies
    // the 2-gram, so adding them would only lengthen the union). At most one per letter that can follow.
    private static Term[] UnigramOrBigrams(IndexReader reader, string letter)
    {
        Terms? terms = MultiFields.GetTerms(reader, SearchFields.Korean);
        if (terms is null)
        {
            return [];
        }

        var found = new List<Term>();
        var prefix = new BytesRef(letter);
        TermsEnum enumerator = terms.GetEnumerator();
        if (enumerator.SeekCeil(prefix) == TermsEnum.SeekStatus.END)
        {
            return [];
        }

        do
        {
            BytesRef candidate = enumerator.Term;
            if (!StringHelper.StartsWith(candidate, prefix))
            {
                break;
            }

            string text = candidate.Utf8ToString();
            int count = 0;
            foreach (Rune _ in text.EnumerateRunes())
            {
                count++;
            }

            if (count <= 2)
            {
                found.Add(new Term(SearchFields.Korean, BytesRef.DeepCopyOf(candidate)));
            }
        }
        while (enumerator.MoveNext());

        return [.. found];
    }
}
