using FsCheck;
using FsCheck.Fluent;
using TM.Matching.Internal;

namespace TM.Matching.Tests;

public class EditDistanceTests
{
    [Theory]
    [InlineData(new int[0], new int[0], 0)]
    [InlineData(new[] { 1, 2, 3 }, new int[0], 3)]
    [InlineData(new int[0], new[] { 1, 2 }, 2)]
    [InlineData(new[] { 1, 2, 3 }, new[] { 1, 2, 3 }, 0)]
    [InlineData(new[] { 1, 2, 3 }, new[] { 1, 9, 3 }, 1)]
    [InlineData(new[] { 1, 2, 3 }, new[] { 1, 3 }, 1)]
    [InlineData(new[] { 1, 2, 3 }, new[] { 0, 1, 2, 3 }, 1)]
    [InlineData(new[] { 1, 2, 3, 4 }, new[] { 2, 1, 4, 3 }, 3)]
    [InlineData(new[] { 5, 5, 5 }, new[] { 6, 6, 6 }, 3)]
    public void Levenshtein_counts_unit_insertions_deletions_and_substitutions(int[] a, int[] b, int expected)
    {
        Assert.Equal(expected, Levenshtein.Distance(a, b));
        Assert.Equal(expected, Levenshtein.Distance(b, a));
        Assert.Equal(expected, BitParallel(a, b, int.MaxValue - 1));
    }

    [Fact]
    public void Bit_parallel_distance_equals_the_dynamic_programme_for_short_and_multi_word_queries()
    {
        // Small alphabets make matches and repeats common; lengths up to 200 cross the 64-unit word boundaries.
        // Queries may hold unknown units (-1); stored texts never do.
        Gen<int[]> query = Gen.Choose(0, 200).SelectMany(length => Gen.Choose(-1, 6).ArrayOf(length));
        Gen<int[]> text = Gen.Choose(0, 200).SelectMany(length => Gen.Choose(0, 6).ArrayOf(length));
        Prop.ForAll(query.ToArbitrary(), text.ToArbitrary(), (query, text) =>
                BitParallel(query, text, int.MaxValue - 1) == Levenshtein.Distance(query, text))
            .Check(Config.QuickThrowOnFailure.WithMaxTest(400));
    }

    [Fact]
    public void Bounded_distance_is_exact_within_the_bound_and_above_it_otherwise()
    {
        Gen<int[]> sequence = Gen.Choose(0, 150).SelectMany(length => Gen.Choose(0, 4).ArrayOf(length));
        Prop.ForAll(sequence.ToArbitrary(), sequence.ToArbitrary(), Gen.Choose(0, 60).ToArbitrary(), (query, text, bound) =>
            {
                int exact = Levenshtein.Distance(query, text);
                int bounded = BitParallel(query, text, bound);
                return exact <= bound ? bounded == exact : bounded > bound;
            })
            .Check(Config.QuickThrowOnFailure.WithMaxTest(400));
    }

    [Fact]
    public void Query_table_finds_every_known_term_and_counts_repeats()
    {
        var table = new QueryTermTable();
        int[] query = Enumerable.Range(0, 300).Select(i => i % 150 * 7919).Append(-1).ToArray();
        table.Build(query);
        Assert.Equal(150, table.Count);
        Assert.Equal(1, table.UnknownCount);
        for (int i = 0; i < 150; i++)
        {
            int local = table.Find(i * 7919);
            Assert.Equal(i * 7919, table.Terms[local]);
            Assert.Equal(2, table.Counts[local]);
        }

        Assert.Equal(-1, table.Find(1));
        Assert.Equal(-1, table.Find(-1));
    }

    private static int BitParallel(int[] query, int[] text, int bound)
    {
        var table = new QueryTermTable();
        table.Build(query);
        var verifier = new BitParallelLevenshtein();
        verifier.SetQuery(query, table);
        return verifier.Distance(text, bound);
    }
}
