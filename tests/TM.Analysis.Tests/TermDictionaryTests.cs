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
}
