using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace TM.Search.Internal;

/// <summary>
/// Builds the English field's query for a term: its words analyzed by the field's own chain, one word a
/// TermQuery, several an exact phrase (in order, adjacent), a trailing <c>*</c> making the last word a prefix.
/// </summary>
internal static class EnglishTermQuery
{
    /// <summary>
    /// The most words a prefix may stand for inside a phrase ("armistice neg*"); past it the term is refused
    /// with a message asking for more letters. A prefix alone has no limit: Lucene answers it with one
    /// constant-score pass over the postings of its words, however many.
    /// </summary>
    public const int MaxPrefixExpansions = 1024;

    /// <summary>Whether a term is matched by stems: word forms apply to whole words only (a prefix already covers a word's forms).</summary>
    public static bool MatchesStems(ConcordanceTerm term, bool wordForms) => wordForms && !term.Prefix;

    /// <summary>
    /// The term's words as the English field indexes them; when it <see cref="MatchesStems"/>, each word's stem instead:
    /// its <see cref="WordFormKeyFilter"/> key without the marker.
    /// </summary>
    public static List<AnalyzedToken> Words(ConcordanceTerm term, bool wordForms) => Words(term.Text, MatchesStems(term, wordForms));

    /// <summary>The words of <paramref name="text"/>, one per position: as written, or their stems.</summary>
    public static List<AnalyzedToken> Words(string text, bool stems)
    {
        List<AnalyzedToken> tokens = AnalyzedToken.Analyze(SearchFields.EnglishAnalyzer, SearchFields.English, text);
        var words = new List<AnalyzedToken>(tokens.Count);
        for (int i = 0; i < tokens.Count; i++)
        {
            AnalyzedToken token = tokens[i];
            if (!token.StartsPosition)
            {
                continue; // a key, read with its word
            }

            words.Add(stems ? token with { Term = tokens[i + 1].Term[1..] } : token);
        }

        return words;
    }

    /// <summary>The query on the English side, or null when the term has no word.</summary>
    /// <param name="term">The parsed term.</param>
    /// <param name="wordForms">Match every word with the same stem (ignored for a prefix, which already covers a word's forms).</param>
    /// <param name="reader">The reader the query will run on: a prefix inside a phrase is expanded against it.</param>
    /// <exception cref="ArgumentException">A prefix inside a phrase stands for more than <see cref="MaxPrefixExpansions"/> words.</exception>
    public static Query? Build(ConcordanceTerm term, bool wordForms, IndexReader reader)
    {
        const string field = SearchFields.English;
        List<AnalyzedToken> words = Words(term, wordForms);
        if (words.Count == 0)
        {
            return null;
        }

        if (MatchesStems(term, wordForms))
        {
            return FormsQuery(words);
        }

        AnalyzedToken last = words[^1];
        if (words.Count == 1)
        {
            return term.Prefix ? new PrefixQuery(new Term(field, last.Term)) : new TermQuery(new Term(field, last.Term));
        }

        if (!term.Prefix)
        {
            var phrase = new PhraseQuery();
            foreach (AnalyzedToken word in words)
            {
                phrase.Add(new Term(field, word.Term), word.Position);
            }

            return phrase;
        }

        // A phrase ending in a prefix: the same exact phrase with every word the prefix stands for at its last
        // position (MultiPhraseQuery), expanded here so that the limit is explicit rather than a silent top-N.
        Term[] expansions = Expand(reader, field, last.Term, term.Text);
        if (expansions.Length == 0)
        {
            return new BooleanQuery(); // no clause: matches nothing
        }

        var multi = new MultiPhraseQuery();
        foreach (AnalyzedToken word in words.Take(words.Count - 1))
        {
            multi.Add([new Term(field, word.Term)], word.Position);
        }

        multi.Add(expansions, last.Position);
        return multi;
    }

    // Each word's key stands for every word with its stem.
    private static Query FormsQuery(List<AnalyzedToken> stems)
    {
        if (stems.Count == 1)
        {
            return new TermQuery(Key(stems[0].Term));
        }

        var phrase = new PhraseQuery();
        foreach (AnalyzedToken stem in stems)
        {
            phrase.Add(Key(stem.Term), stem.Position);
        }

        return phrase;
    }

    private static Term Key(string stem) => new(SearchFields.English, WordFormKeyFilter.Marker + stem);

    private static Term[] Expand(IndexReader reader, string field, string prefix, string termText)
    {
        Terms? terms = MultiFields.GetTerms(reader, field);
        if (terms is null)
        {
            return [];
        }

        var found = new List<Term>();
        var prefixBytes = new BytesRef(prefix);
        TermsEnum words = terms.GetEnumerator();
        if (words.SeekCeil(prefixBytes) == TermsEnum.SeekStatus.END)
        {
            return [];
        }

        do
        {
            BytesRef word = words.Term;
            if (!StringHelper.StartsWith(word, prefixBytes))
            {
                break;
            }

            if (found.Count == MaxPrefixExpansions)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture,
                        $"The prefix '{prefix}*' in '{termText}*' stands for more than {MaxPrefixExpansions} different words; type more of the word."),
                    "term");
            }

            found.Add(new Term(field, BytesRef.DeepCopyOf(word)));
        }
        while (words.MoveNext());

        return [.. found];
    }
}
