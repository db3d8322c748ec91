using Lucene.Net.Index;
using Lucene.Net.Search;

namespace TM.Search.Internal;

/// <summary>
/// Builds the Korean field's query for a term: a phrase of the term's own tokens that covers every character of
/// it, which matches a text exactly when the text contains the term (<see cref="SubstringGramTokenizer"/>).
/// </summary>
/// <remarks>
/// <para>
/// Why it is exact. Write fold(c) for a character as the index sees it (lower-cased, any whitespace as " "). The
/// tokenizer puts a token with term g at position p of a text T exactly when fold(T[p..p+|g|)) = g and, for a gram,
/// every character of that slice is a letter or digit: a unigram at every character, a 2- or 3-gram wherever that
/// many letters or digits follow one another. The query takes tokens of the term t itself, analyzed by the same
/// chain, each with its offset o_i in t, chosen so that the slices [o_i, o_i + |g_i|) together cover all of t.
/// Lucene's exact phrase matches T at base b when every g_i is at position b + o_i. Then:
/// </para>
/// <list type="bullet">
/// <item><description>if T contains t at b (fold-equal), each chosen slice of t appears folded in T at b + o_i, and
/// its characters are letters or digits in T when they are in t (folding keeps a character's class), so the token
/// is there: the phrase matches;</description></item>
/// <item><description>if the phrase matches at b, each g_i equals fold(T[b + o_i..]) over its length, and the slices
/// cover t, so fold(T[b..b + |t|)) = fold(t) character by character: T contains t.</description></item>
/// </list>
/// <para>
/// Positions are UTF-16 offsets in both the term and the texts, so a surrogate pair (two offsets, one token)
/// lines up the same way on both sides. A one-character term is the unigram alone, a TermQuery; a 2- or
/// 3-character word is one gram, a TermQuery too. Longer terms use 3-grams, the rarest tokens, so the phrase
/// intersects short postings lists: "휴전협정을" is "휴전협"@0 and "협정을"@2.
/// </para>
/// </remarks>
internal static class KoreanTermQuery
{
    /// <summary>The query for <paramref name="term"/> on the Korean field, or null when the term is empty.</summary>
    public static Query? Build(string term)
    {
        List<AnalyzedToken> cover = Cover(term);
        if (cover.Count == 0)
        {
            return null;
        }

        if (cover.Count == 1)
        {
            return new TermQuery(new Term(SearchFields.Korean, cover[0].Term));
        }

        var phrase = new PhraseQuery();
        foreach (AnalyzedToken token in cover)
        {
            phrase.Add(new Term(SearchFields.Korean, token.Term), token.Start);
        }

        return phrase;
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

            // Every character has its unigram, so some token starts at `covered` (a character boundary).
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
}
