using System.Runtime.CompilerServices;
using TM.Matching;

namespace TM.Matching.Tests;

/// <summary>
/// A search restricted by <see cref="MatchOptions.Accepts"/> must return exactly what scoring every accepted segment
/// with <see cref="FuzzyScorer"/> returns (the top k of the accepted segments, not the accepted part of a top k), and
/// so must <see cref="FuzzyIndex.SearchExhaustive"/>. Random memories and queries from <see cref="ExactnessTests"/>,
/// every key layout, filters of every selectivity. Seeded: a failure reproduces.
/// </summary>
public class FilteredSearchTests
{
    private static readonly double[] Thresholds = [0, 30, 50, 70];
    private static readonly int[] ResultCounts = [1, 5, 10];
    private static readonly double[] EditRates = [0, 0.1, 0.2, 0.35];

    [Fact]
    public void Korean_filtered_search_equals_brute_force_over_the_accepted_segments()
    {
        AssertExact(new Random(1950), ExactnessTests.KoreanSentence, segments: 2000, queries: 16);
    }

    [Fact]
    public void English_filtered_search_equals_brute_force_over_the_accepted_segments()
    {
        AssertExact(new Random(1952), ExactnessTests.EnglishSentence, segments: 2000, queries: 16);
    }

    [Fact]
    public void A_filtered_search_returns_k_accepted_hits_when_better_refused_segments_exist()
    {
        const string query = "휴전회담은 군사분계선 획정 문제로 교착 상태에 빠졌다";
        string[] words = query.Split(' ');
        var memory = new Dictionary<int, string>();
        // 300 refused segments that beat every accepted one: the query itself and one-word edits of it.
        for (int id = 1; id <= 300; id++)
        {
            memory[id] = id % 3 == 0 ? query : query.Replace(words[id % words.Length], "협상을");
        }

        // 8 accepted segments, two or three words changed: below every refused one, still above θ.
        for (int i = 0; i < 8; i++)
        {
            var edited = (string[])words.Clone();
            edited[i % words.Length] = "포로";
            edited[(i + 2) % words.Length] = "교환";
            memory[1000 + i] = string.Join(' ', i % 2 == 0 ? edited : [.. edited, "합의"]);
        }

        static bool Accepts(int id) => id >= 1000;
        var scorer = new FuzzyScorer();
        var options = new MatchOptions { MinScore = 50, MaxResults = 5 };
        var expected = memory.Where(pair => Accepts(pair.Key))
            .Select(pair => new FuzzyHit(pair.Key, scorer.Score(query, pair.Value)))
            .Where(hit => hit.Score >= 50).OrderByDescending(hit => hit.Score).ThenBy(hit => hit.Id).Take(5).ToList();
        Assert.Equal(5, expected.Count);
        Assert.True(expected[0].Score < 90);

        foreach (string layout in ExactnessTests.Layouts)
        {
            FuzzyIndex index = ExactnessTests.NewIndex(layout);
            index.AddRange(memory.ToList());
            // Without the filter the top k is all refused segments: a filter applied to it would leave nothing.
            Assert.All(index.Search(query, options with { MaxResults = 50 }), hit => Assert.False(Accepts(hit.Id)));
            Assert.Equal(expected, index.Search(query, options with { Accepts = Accepts }));
            Assert.Equal(expected, index.SearchExhaustive(query, options with { Accepts = Accepts }));
        }
    }

    [Fact]
    public void The_filter_is_asked_only_about_segments_that_can_reach_the_threshold()
    {
        var random = new Random(53);
        Dictionary<int, string> memory = ExactnessTests.BuildMemory(random, ExactnessTests.KoreanSentence, 2000);
        var index = new FuzzyIndex();
        index.AddRange(memory.ToList());
        string query = memory.Values.First();
        int asked = 0;

        IReadOnlyList<FuzzyHit> hits = index.Search(query, new MatchOptions
        {
            MinScore = 70,
            Accepts = _ =>
            {
                Interlocked.Increment(ref asked);
                return false;
            },
        });

        Assert.Empty(hits);
        Assert.InRange(asked, 1, FuzzyIndex.LastSearchWork.Candidates);
        Assert.True(asked < memory.Count / 10, $"asked about {asked} of {memory.Count} segments");
    }

    [Fact]
    public void The_index_keeps_no_filter_alive_after_the_search()
    {
        var index = new FuzzyIndex();
        index.Add(1, "The Korean War ended in 1953.");
        WeakReference searched = SearchWithFilter(index, exhaustive: false);
        WeakReference scanned = SearchWithFilter(index, exhaustive: true);

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        // The searcher is kept per thread: holding the last filter would hold whatever id set it captured.
        Assert.False(searched.IsAlive);
        Assert.False(scanned.IsAlive);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference SearchWithFilter(FuzzyIndex index, bool exhaustive)
    {
        var ids = new HashSet<int> { 1 };
        var options = new MatchOptions { Accepts = ids.Contains };
        IReadOnlyList<FuzzyHit> hits = exhaustive
            ? index.SearchExhaustive("The Korean War ended in 1953.", options)
            : index.Search("The Korean War ended in 1953.", options);
        Assert.Equal([new FuzzyHit(1, 100)], hits);
        return new WeakReference(ids);
    }

    private static void AssertExact(Random random, Func<Random, string> sentence, int segments, int queries)
    {
        Dictionary<int, string> memory = ExactnessTests.BuildMemory(random, sentence, segments);
        FuzzyIndex[] indexes = ExactnessTests.NewIndexes(memory);
        HashSet<int> sample = memory.Keys.Where(_ => random.NextDouble() < 0.05).ToHashSet();
        (string Name, Func<int, bool>? Accepts)[] filters =
        [
            ("id % 3 == 0", id => id % 3 == 0),
            ("5% of the ids", sample.Contains),
            ("none", _ => false),
            ("all", _ => true),
            ("null", null),
        ];
        string[] texts = memory.Values.ToArray();
        string[] sampleTexts = sample.Select(id => memory[id]).ToArray();
        var scorer = new FuzzyScorer();
        var coverage = new Coverage();
        int largestK = ResultCounts.Max();
        for (int q = 0; q < queries; q++)
        {
            string query = (q % 4) switch
            {
                3 => sentence(random), // unrelated
                2 => ExactnessTests.Edit(random, sampleTexts[random.Next(sampleTexts.Length)], EditRates[q % EditRates.Length], sentence),
                _ => ExactnessTests.Edit(random, texts[random.Next(texts.Length)], EditRates[q % EditRates.Length], sentence),
            };

            var all = memory.Select(pair => new FuzzyHit(pair.Key, scorer.Score(query, pair.Value))).ToList();
            foreach ((string name, Func<int, bool>? accepts) in filters)
            {
                var accepted = accepts is null ? all : all.Where(hit => accepts(hit.Id)).ToList();
                foreach (double threshold in Thresholds)
                {
                    var ranked = accepted.Where(h => h.Score >= threshold).OrderByDescending(h => h.Score).ThenBy(h => h.Id).ToList();
                    var unfiltered = all.Where(h => h.Score >= threshold).OrderByDescending(h => h.Score).ThenBy(h => h.Id).ToList();
                    var options = new MatchOptions { MinScore = threshold, MaxResults = largestK, Accepts = accepts };
                    var exhaustive = indexes[q % indexes.Length].SearchExhaustive(query, options);
                    foreach (int k in ResultCounts)
                    {
                        var expected = ranked.Take(k).ToList();
                        coverage.Record(name, threshold, expected, unfiltered.Take(k));
                        Assert.True(
                            expected.SequenceEqual(exhaustive.Take(k)),
                            $"exhaustive, filter {name}: query '{query}' θ={threshold} k={k}\nexpected {string.Join(", ", expected)}\nactual   {string.Join(", ", exhaustive.Take(k))}");
                        for (int i = 0; i < indexes.Length; i++)
                        {
                            var actual = indexes[i].Search(query, options with { MaxResults = k });
                            Assert.True(
                                expected.SequenceEqual(actual),
                                $"{ExactnessTests.Layouts[i]}, filter {name}: query '{query}' θ={threshold} k={k}\nexpected {string.Join(", ", expected)}\nactual   {string.Join(", ", actual)}");
                        }
                    }
                }
            }
        }

        coverage.AssertExercised();
    }

    /// <summary>Makes sure the random data exercised what the test is for, so it cannot pass vacuously.</summary>
    private sealed class Coverage
    {
        private int _selectiveHitsAt50;
        private int _belowUnfilteredTopK;

        public void Record(string filter, double threshold, List<FuzzyHit> expected, IEnumerable<FuzzyHit> unfilteredTopK)
        {
            _selectiveHitsAt50 += filter == "5% of the ids" && threshold == 50 ? expected.Count : 0;
            // Hits that a filter applied after the search (to the unfiltered top k) would have lost.
            _belowUnfilteredTopK += expected.Except(unfilteredTopK).Count();
        }

        public void AssertExercised()
        {
            Assert.True(_selectiveHitsAt50 > 0 && _belowUnfilteredTopK > 0,
                $"weak data: {_selectiveHitsAt50} hits of the 5% filter at 50, {_belowUnfilteredTopK} hits outside the unfiltered top k");
        }
    }
}
