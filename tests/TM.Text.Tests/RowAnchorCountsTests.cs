using TM.Text.Internal;

namespace TM.Text.Tests;

public sealed class RowAnchorCountsTests
{
    private const int AnchorKinds = 12;

    [Fact]
    public void Evidence_equals_pairing_each_occurrence_once_for_every_bead_in_any_row_order()
    {
        var random = new Random(15);
        var korean = Side(random, 40);
        var english = Side(random, 40);
        var rewards = Enumerable.Range(0, AnchorKinds).Select(i => 1.0 + (i * 0.25)).ToArray();
        var charges = Enumerable.Range(0, AnchorKinds).Select(i => 0.1 + (i * 0.05)).ToArray();
        var counts = new RowAnchorCounts(korean, english, rewards, charges);

        // Rows forwards, then a jump back to the start as when the band widens, then a few at random.
        var rows = Enumerable.Range(1, 40).Concat([1, 2, 3]).Concat(Enumerable.Range(0, 20).Select(_ => random.Next(1, 41)));
        foreach (var end in rows)
        {
            for (var k = 1; k <= Math.Min(3, end); k++)
            {
                for (var start = 0; start < 40; start++)
                {
                    for (var count = 1; count <= Math.Min(3, 40 - start); count++)
                    {
                        var (reward, charge) = counts.Evidence(end, k, start, count);
                        var (expectedReward, expectedCharge) = Expected(korean.Anchors[(end - k)..end], english.Anchors[start..(start + count)], rewards, charges);
                        Assert.Equal(expectedReward, reward, 9);
                        Assert.Equal(expectedCharge, charge, 9);
                    }
                }
            }
        }
    }

    // Each anchor shared min(a, b) times, where a and b are its occurrences on the two sides; the rest charged.
    private static (double Reward, double Charge) Expected(int[][] korean, int[][] english, double[] rewards, double[] charges)
    {
        double reward = 0, charge = 0;
        for (var id = 0; id < AnchorKinds; id++)
        {
            var a = korean.Sum(s => s.Count(x => x == id));
            var b = english.Sum(s => s.Count(x => x == id));
            reward += Math.Min(a, b) * rewards[id];
            charge += Math.Abs(a - b) * charges[id];
        }

        return (reward, charge);
    }

    // Sentences with zero to five anchors from a small set, so that beads share some, repeat some and lack others.
    private static SideFeatures Side(Random random, int sentences)
    {
        var anchors = new int[sentences][];
        for (var s = 0; s < sentences; s++)
        {
            anchors[s] = [.. Enumerable.Range(0, random.Next(0, 6)).Select(_ => random.Next(AnchorKinds)).Order()];
        }

        return new SideFeatures(new int[sentences], anchors, new bool[sentences], new int[sentences], new bool[sentences]);
    }
}
