using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Standard;
using TM.Search.Internal;

namespace TM.Search.Tests;

/// <summary>
/// Word-forms search finds exactly the texts whose words have the term's Porter stem, also where the stem is not the
/// beginning of the word (happy → happi, filing → file, probability → probabl), and inside phrases.
/// </summary>
public sealed class EnglishWordFormsTests : IDisposable
{
    private static readonly string[] Words =
    [
        "happy", "happiness", "happily", "happier", "file", "filing", "filed", "files", "pony", "ponies",
        "agree", "agreed", "agreement", "agreements", "hop", "hopping", "hoped", "hope", "size", "sized",
        "generalization", "generalize", "general", "generals", "relational", "relate", "related", "us", "use",
        "used", "united", "unity", "China", "China's", "Chinese", "war", "wars", "warring", "ward", "a", "as",
        "probability", "probable", "probably", "conditional", "condition", "conditions", "troubled", "trouble",
        "ability", "able", "sensitivity", "sensitive", "activity", "active", "electricity", "electric", "organization",
        "organize", "organ", "valency", "valence", "reasonably", "reasonable", "controlling", "control", "agitation",
        "agitate", "famously", "famous", "formality", "formal", "radically", "radical", "possibly", "possible",
    ];

    private readonly TestIndex _index = new();

    public EnglishWordFormsTests()
    {
        _index.Add([.. Words.Select((word, i) => TestIndex.Segment(i + 1, "단어", $"The word {word} appears here."))]);
    }

    [Fact]
    public void Word_forms_find_exactly_the_texts_whose_word_has_the_stem()
    {
        foreach (var word in Words)
        {
            var stem = Stem(word);
            var expected = Words.Select((w, i) => (Stem: Stem(w), Id: (long)(i + 1))).Where(w => w.Stem == stem).Select(w => w.Id).ToList();

            var found = _index.Index.Search(new ConcordanceQuery(1, word, ConcordanceSides.English) { EnglishWordForms = true }).Ids;

            Assert.True(expected.SequenceEqual(found), $"{word} (stem {stem}): expected {string.Join(", ", expected)}, found {string.Join(", ", found)}");
        }
    }

    [Fact]
    public void Word_forms_in_a_phrase_allow_every_form_at_each_position()
    {
        var query = new ConcordanceQuery(1, "word hopes appear", ConcordanceSides.English) { EnglishWordForms = true };

        var found = _index.Index.Search(query).Ids;

        Assert.Equal([17, 18], found); // "word hoped appears", "word hope appears"; not hop or hopping
    }

    [Fact]
    public void A_stem_no_text_has_finds_nothing()
    {
        var query = new ConcordanceQuery(1, "armistice", ConcordanceSides.English) { EnglishWordForms = true };

        Assert.Empty(_index.Index.Search(query).Ids);
    }

    [Theory]
    [InlineData("happi")]   // the stem of happy, happiness, happily
    [InlineData("agreement")]
    [InlineData("generaliz")]
    public void Exact_search_finds_the_word_as_written_and_no_word_whose_stem_it_is(string word)
    {
        var expected = Words.Select((w, i) => (Word: w, Id: (long)(i + 1))).Where(w => w.Word.Equals(word, StringComparison.OrdinalIgnoreCase)).Select(w => w.Id);

        var found = _index.Index.Search(new ConcordanceQuery(1, word, ConcordanceSides.English)).Ids;

        Assert.Equal(expected, found);
    }

    [Fact]
    public void A_prefix_finds_words_and_no_word_forms_key()
    {
        var found = _index.Index.Search(new ConcordanceQuery(1, "happ*", ConcordanceSides.English)).Ids;

        Assert.Equal([1, 2, 3, 4], found);
    }

    public void Dispose() => _index.Dispose();

    // The oracle: Lucene's own English chain (EnglishAnalyzer's, without stop words), not the index's key filter.
    private static string Stem(string word)
    {
        using var analyzer = Analyzer.NewAnonymous((field, reader) =>
        {
            var source = new StandardTokenizer(SearchFields.LuceneVersion, reader);
            TokenStream sink = new EnglishPossessiveFilter(SearchFields.LuceneVersion, source);
            sink = new LowerCaseFilter(SearchFields.LuceneVersion, sink);
            sink = new PorterStemFilter(sink);
            return new TokenStreamComponents(source, sink);
        });
        return AnalyzedToken.Analyze(analyzer, "en", word).Single().Term;
    }
}
