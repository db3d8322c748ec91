using TM.Analysis;

namespace TM.Analysis.Tests;

public class TermDictionaryTests
{
    [Fact]
    public void Ids_are_dense_and_stable()
    {
        var terms = new TermDictionary();
        Assert.Equal(0, terms.GetOrAdd("전"));
        Assert.Equal(1, terms.GetOrAdd("war"));
        Assert.Equal(0, terms.GetOrAdd("전".AsSpan()));
        Assert.Equal(2, terms.Count);
        Assert.Equal("war", terms.GetTerm(1));
    }

    [Fact]
    public void Unknown_terms_get_the_unknown_id_and_are_not_added()
    {
        var terms = new TermDictionary();
        terms.GetOrAdd("a");
        Assert.Equal(TermDictionary.UnknownId, terms.GetId("b"));
        Assert.False(terms.TryGetId("b", out _));
        Assert.Equal(1, terms.Count);
        Assert.Throws<ArgumentOutOfRangeException>(() => terms.GetTerm(1));
    }

    [Fact]
    public void Concurrent_adds_assign_each_term_exactly_one_dense_id()
    {
        var terms = new TermDictionary();
        string[] words = Enumerable.Range(0, 2000).Select(i => "w" + i).ToArray();
        var ids = new int[4][];
        Parallel.For(0, 4, t =>
        {
            ids[t] = new int[words.Length];
            int[] order = Enumerable.Range(0, words.Length).ToArray();
            new Random(t).Shuffle(order);
            foreach (int index in order)
            {
                ids[t][index] = terms.GetOrAdd(words[index]);
            }
        });

        Assert.Equal(words.Length, terms.Count);
        for (int t = 1; t < 4; t++)
        {
            Assert.Equal(ids[0], ids[t]);
        }

        Assert.Equal(Enumerable.Range(0, words.Length), ids[0].Order());
        for (int i = 0; i < words.Length; i++)
        {
            Assert.Equal(words[i], terms.GetTerm(ids[0][i]));
        }
    }

    [Fact]
    public void Forms_of_one_English_word_share_the_family_of_the_first_one_added()
    {
        var terms = new TermDictionary();
        int troops = terms.GetOrAdd("troops");
        int troop = terms.GetOrAdd("troop");
        int negotiation = terms.GetOrAdd("negotiation");
        int negotiators = terms.GetOrAdd("negotiators");
        int war = terms.GetOrAdd("war");

        Assert.Equal(troops, terms.FamilyOf(troop));
        Assert.Equal(troops, terms.FamilyOf(troops));
        Assert.Equal(negotiation, terms.FamilyOf(negotiators));
        Assert.Equal(war, terms.FamilyOf(war));
        Assert.True(terms.HasVariants(troops));
        Assert.False(terms.HasVariants(war));
    }

    [Fact]
    public void Every_number_is_in_one_family_and_syllables_are_their_own()
    {
        var terms = new TermDictionary();
        Assert.Equal(TermDictionary.UnknownId, terms.NumberFamily);
        int year = terms.GetOrAdd("1951");
        int month = terms.GetOrAdd("5");
        int syllable = terms.GetOrAdd("월");
        int other = terms.GetOrAdd("년");

        Assert.Equal(year, terms.NumberFamily);
        Assert.Equal(year, terms.FamilyOf(month));
        Assert.Equal(syllable, terms.FamilyOf(syllable));
        Assert.Equal(other, terms.FamilyOf(other));
        Assert.False(terms.HasVariants(syllable));
    }

    [Fact]
    public void A_form_the_dictionary_lacks_finds_its_family_without_being_added()
    {
        var terms = new TermDictionary();
        int agreement = terms.GetOrAdd("agreement");
        terms.GetOrAdd("1953");

        Assert.Equal(agreement, terms.FindFamily("agreements"));
        Assert.Equal(terms.NumberFamily, terms.FindFamily("1954"));
        Assert.Equal(TermDictionary.UnknownId, terms.FindFamily("armistice"));
        Assert.Equal(TermDictionary.UnknownId, terms.FindFamily("전"));
        Assert.Equal(2, terms.Count);
    }

    [Fact]
    public void Words_that_only_look_alike_are_not_one_family()
    {
        var terms = new TermDictionary();
        int united = terms.GetOrAdd("united");
        int unit = terms.GetOrAdd("unit");
        int us = terms.GetOrAdd("us");

        Assert.NotEqual(terms.FamilyOf(united), terms.FamilyOf(unit));
        Assert.Equal(us, terms.FamilyOf(us));
    }
}
