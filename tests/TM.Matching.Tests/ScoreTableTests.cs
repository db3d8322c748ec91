using TM.Matching;

namespace TM.Matching.Tests;

/// <summary>The score cases of Data/scores.tsv, one theory row per line.</summary>
public class ScoreTableTests
{
    public static TheoryData<string, string, double> Cases()
    {
        var data = new TheoryData<string, string, double>();
        string path = Path.Combine(AppContext.BaseDirectory, "Data", "scores.tsv");
        foreach (string line in File.ReadLines(path))
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            string[] fields = line.Split('\t');
            Assert.True(fields.Length == 3, $"scores.tsv: expected query, segment, score in '{line}'");
            data.Add(fields[0], fields[1], double.Parse(fields[2], System.Globalization.CultureInfo.InvariantCulture));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Score_matches_the_table(string query, string segment, double expected)
    {
        var scorer = new FuzzyScorer();
        Assert.Equal(expected, scorer.Score(query, segment), precision: 2);
        Assert.Equal(expected, scorer.Score(segment, query), precision: 2);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Index_scores_like_the_table(string query, string segment, double expected)
    {
        var index = new FuzzyIndex();
        index.Add(1, segment);
        if (expected == 0 || !HasUnits(query))
        {
            // Score-0 pairs only show at MinScore 0; unit-less queries are rejected by the index.
            return;
        }

        IReadOnlyList<FuzzyHit> hits = index.Search(query, new MatchOptions { MinScore = 0 });
        Assert.Equal(expected, Assert.Single(hits).Score, precision: 2);
    }

    private static bool HasUnits(string text) => text.Any(char.IsLetterOrDigit);
}
