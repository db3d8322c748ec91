using TM.Search;

namespace TM.Search.Tests;

/// <summary>The English side: whole words, exact phrases, prefixes with a trailing star, word forms on request.</summary>
public sealed class EnglishConcordanceTests : IDisposable
{
    private readonly TestIndex _index = new();

    public EnglishConcordanceTests()
    {
        _index.Add(
            TestIndex.Segment(1, "휴전협정", "The Armistice Agreement was signed in 1953."),
            TestIndex.Segment(2, "휴전회담", "Armistice negotiations began in July 1951."),
            TestIndex.Segment(3, "협상", "The negotiation of the armistice stalled."),
            TestIndex.Segment(4, "협상", "They negotiated for two years; the talks were long."),
            TestIndex.Segment(5, "중국", "China's leaders wanted the war to end."),
            TestIndex.Segment(6, "중국", "China sent troops across the Yalu."),
            TestIndex.Segment(7, "UN군", "Truce talks at Kaesong and Panmunjom."),
            TestIndex.Segment(8, "포로", "The exchange of prisoners of war."),
            TestIndex.Segment(9, "소련", "Armistices elsewhere were not studied."));
    }

    [Fact]
    public void A_word_finds_the_texts_holding_it_in_any_case()
    {
        Assert.Equal([1, 2, 3], _index.Ids("armistice", ConcordanceSides.English));
        Assert.Equal([1, 2, 3], _index.Ids("ARMISTICE", ConcordanceSides.English));
    }

    [Fact]
    public void The_and_of_are_searchable()
    {
        Assert.Equal([1, 3, 4, 5, 6, 8], _index.Ids("the", ConcordanceSides.English));
        Assert.Equal([3, 8], _index.Ids("of", ConcordanceSides.English));
        Assert.Equal([8], _index.Ids("prisoners of war", ConcordanceSides.English));
    }

    [Fact]
    public void Several_words_are_an_exact_phrase_in_order()
    {
        Assert.Equal([2], _index.Ids("armistice negotiations", ConcordanceSides.English));
        Assert.Empty(_index.Ids("negotiations armistice", ConcordanceSides.English));
        Assert.Equal([3], _index.Ids("negotiation of the armistice", ConcordanceSides.English));
        Assert.Empty(_index.Ids("negotiation armistice", ConcordanceSides.English));
    }

    [Fact]
    public void Part_of_a_word_is_found_only_as_a_prefix_with_a_star()
    {
        Assert.Empty(_index.Ids("armistic", ConcordanceSides.English));
        Assert.Equal([1, 2, 3, 9], _index.Ids("armistic*", ConcordanceSides.English));
        Assert.Equal([2, 3, 4], _index.Ids("negotiat*", ConcordanceSides.English));
        Assert.Equal([7], _index.Ids("truce tal*", ConcordanceSides.English));
        Assert.Empty(_index.Ids("truce zz*", ConcordanceSides.English));
        Assert.Equal([4], _index.Ids("the talk*", ConcordanceSides.English));
    }

    [Fact]
    public void Word_forms_only_with_the_option()
    {
        var query = new ConcordanceQuery(1, "negotiation", ConcordanceSides.English);
        Assert.Equal([3], _index.Index.Search(query).Ids);
        Assert.Equal([2, 3, 4], _index.Index.Search(query with { EnglishWordForms = true }).Ids);

        var possessive = new ConcordanceQuery(1, "China", ConcordanceSides.English);
        Assert.Equal([6], _index.Index.Search(possessive).Ids);
        Assert.Equal([5, 6], _index.Index.Search(possessive with { EnglishWordForms = true }).Ids);

        var phrase = new ConcordanceQuery(1, "armistice negotiation", ConcordanceSides.English) { EnglishWordForms = true };
        Assert.Equal([2], _index.Index.Search(phrase).Ids);
    }

    [Fact]
    public void Both_sides_find_a_pair_when_either_side_matches_by_its_own_rules()
    {
        // "UN" is a substring of the Korean "UN군" (pair 7); on the English side it is no word of any pair.
        Assert.Equal([7], _index.Ids("un", ConcordanceSides.Both));
        Assert.Empty(_index.Ids("un", ConcordanceSides.English));
        // "중국" on the Korean side, nothing on the English side.
        Assert.Equal([5, 6], _index.Ids("중국", ConcordanceSides.Both));
        Assert.Equal([6], _index.Ids("china", ConcordanceSides.Both)); // "China's" is another word unless word forms are asked for
    }

    [Fact]
    public void A_prefix_in_a_phrase_that_stands_for_too_many_words_is_refused_with_advice()
    {
        _index.Add(Enumerable.Range(0, 1100).Select(i => TestIndex.Segment(100 + i, "", $"truce w{i:D4}")).ToArray());
        var error = Assert.Throws<ArgumentException>(() => _index.Search("truce w*", ConcordanceSides.English));
        Assert.Contains("type more of the word", error.Message);
        Assert.Equal(100, _index.Search("truce w00*", ConcordanceSides.English).Total);
        Assert.Equal(1105, _index.Search("w*", ConcordanceSides.English, maxHits: 0).Total); // alone, a prefix has no limit (1,100 + was, were, wanted, war)
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("*")]
    [InlineData("...")]
    [InlineData("—")]
    public void A_term_with_no_word_is_refused_on_the_English_side(string term)
    {
        var error = Assert.Throws<ArgumentException>(() => _index.Search(term, ConcordanceSides.English));
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public void An_empty_term_is_refused_on_every_side_but_punctuation_is_a_Korean_term()
    {
        Assert.Throws<ArgumentException>(() => _index.Search(" ", ConcordanceSides.Korean));
        Assert.Throws<ArgumentException>(() => _index.Search("*", ConcordanceSides.Both));
        Assert.Equal(0, _index.Search("...", ConcordanceSides.Both).Total);
    }

    public void Dispose() => _index.Dispose();
}
