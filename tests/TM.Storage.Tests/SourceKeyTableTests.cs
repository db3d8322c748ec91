using TM.Storage.Internal;

namespace TM.Storage.Tests;

public sealed class SourceKeyTableTests
{
    [Fact]
    public void Find_returns_every_id_stored_under_a_hash_and_only_those()
    {
        var table = new SourceKeyTable();
        table.Add(42, 1);
        table.Add(42, 7);
        table.Add(43, 2);
        // Same slot (equal low bits), different hash: must not be returned.
        table.Add(42 + (1L << 40), 3);

        Assert.Equal([1L, 7L], FindAll(table, 42));
        Assert.Equal([2L], FindAll(table, 43));
        Assert.Empty(FindAll(table, 44));
    }

    [Fact]
    public void Removed_entries_are_gone_and_the_chain_behind_them_still_found()
    {
        var table = new SourceKeyTable();
        for (long id = 1; id <= 5; id++)
            table.Add(42, id);

        Assert.True(table.Remove(42, 2));
        Assert.False(table.Remove(42, 2));
        Assert.False(table.Remove(41, 3));

        Assert.Equal([1L, 3L, 4L, 5L], FindAll(table, 42));
        Assert.Equal(4, table.Count);
    }

    [Fact]
    public void Matches_a_dictionary_through_growth_and_churn()
    {
        var table = new SourceKeyTable();
        var expected = new Dictionary<long, HashSet<long>>();
        var random = new Random(7);
        long nextId = 1;
        for (var i = 0; i < 50_000; i++)
        {
            // Few distinct hashes relative to ids: long chains, many removals.
            var hash = TextHash.Compute(random.Next(5_000).ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (random.Next(3) == 0 && expected.TryGetValue(hash, out var ids) && ids.Count > 0)
            {
                var id = ids.First();
                Assert.True(table.Remove(hash, id));
                ids.Remove(id);
            }
            else
            {
                table.Add(hash, nextId);
                (expected.TryGetValue(hash, out var set) ? set : expected[hash] = []).Add(nextId++);
            }
        }

        foreach (var (hash, ids) in expected)
            Assert.Equal(ids.Order(), FindAll(table, hash));
        Assert.Equal(expected.Values.Sum(s => s.Count), table.Count);
    }

    private static List<long> FindAll(SourceKeyTable table, long hash)
    {
        var ids = new List<long>();
        table.Find(hash, ids);
        ids.Sort();
        return ids;
    }
}
