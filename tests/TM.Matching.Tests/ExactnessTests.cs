using System.Text;
using TM.Matching;

namespace TM.Matching.Tests;

/// <summary>
/// The index must return exactly what scoring every segment with <see cref="FuzzyScorer"/> returns: the same
/// ids with the same scores in the same order, for every threshold and result count. Random memories built
/// from a Korean and an English vocabulary (with particles, numbers, near-duplicates, exact duplicates and
/// formatting variants), queried with edited memory sentences at several edit rates and with unrelated
/// sentences. Seeded: a failure reproduces.
/// </summary>
public class ExactnessTests
{
    private static readonly double[] Thresholds = [0, 30, 50, 70, 90];
    private static readonly int[] ResultCounts = [1, 5, 10];
    private static readonly double[] EditRates = [0, 0.05, 0.1, 0.2, 0.35, 0.5];

    private static readonly string[] KoreanStems =
    [
        "전쟁", "협상", "휴전", "회담", "군사분계선", "외국군", "철군", "중국", "소련", "북한", "스탈린", "마오쩌둥",
        "김일성", "유엔군", "공세", "포로", "교환", "의제", "합의", "경제", "원조", "지도자", "정책", "변화", "국제",
        "체제", "결정", "조건", "주장", "이익", "과정", "시간", "상태", "반발", "실패", "타격", "전략", "문제", "이견",
        "계획", "지원", "요청", "사망", "영향", "학자", "요인", "자료", "문서", "대륙", "역량", "작전", "기회", "개혁",
    ];

    private static readonly string[] Particles = ["", "은", "는", "이", "가", "을", "를", "의", "에", "에서", "으로", "와", "과", "도", "만"];

    private static readonly string[] KoreanEndings = ["하였다", "했다", "되었다", "하려 하였다", "할 수 있었다", "이었다"];

    private static readonly string[] EnglishWords =
    [
        "the", "of", "and", "to", "in", "war", "negotiations", "armistice", "military", "Stalin", "Mao", "Kim", "China",
        "Soviet", "Union", "North", "Korea", "Korean", "troops", "line", "parallel", "terms", "offensive", "prisoners",
        "exchange", "agreed", "decided", "proposed", "accepted", "rejected", "policy", "leaders", "death", "change",
        "international", "system", "domestic", "politics", "People's", "Il-sung", "demarcation", "withdrawal", "foreign",
        // Other forms of words above (SCORING.md: a variant substitutes at a fraction of a unit), so that the property tests
        // meet queries and segments with variants of each other, several forms of one family in one text included.
        "troop", "negotiation", "negotiate", "agreement", "agreements", "decide", "propose", "prisoner", "leader", "changes",
        "withdraw", "withdrew",
    ];

    private static readonly string[] Numbers = ["1950", "1951", "1952", "1953", "5", "6", "38", "170,000", "3.5", "26", "제5차", "17만"];

    /// <summary>
    /// How the index stores its keys: the default (all postings lists at this size), all bitmaps, and a mix where
    /// keys cross the line while the memory grows (promotions) and when its capacity doubles (demotions). Every
    /// test checks all three against the same brute force.
    /// </summary>
    internal static readonly string[] Layouts = ["default", "bitmaps", "mixed"];

    [Fact]
    public void Korean_search_equals_brute_force_scoring()
    {
        AssertExact(new Random(1951), KoreanSentence, segments: 2000, queries: 32);
    }

    [Fact]
    public void English_search_equals_brute_force_scoring()
    {
        AssertExact(new Random(1953), EnglishSentence, segments: 2000, queries: 40);
    }

    [Fact]
    public void Search_equals_brute_force_after_removals_and_replacements()
    {
        var random = new Random(38);
        Dictionary<int, string> memory = BuildMemory(random, KoreanSentence, 1500);
        FuzzyIndex[] indexes = NewIndexes(memory);
        foreach (int id in memory.Keys.Where(id => id % 3 == 0).ToList())
        {
            foreach (FuzzyIndex index in indexes)
            {
                index.Remove(id);
            }

            memory.Remove(id);
        }

        foreach (int id in memory.Keys.Where(id => id % 7 == 1).ToList())
        {
            string replacement = KoreanSentence(random);
            foreach (FuzzyIndex index in indexes)
            {
                index.Add(id, replacement);
            }

            memory[id] = replacement;
        }

        Assert.All(indexes, index => Assert.Equal(memory.Count, index.Count));
        CheckQueries(random, indexes, memory, KoreanSentence, queries: 32);
    }

    internal static FuzzyIndex NewIndex(string layout) => layout switch
    {
        "bitmaps" => new FuzzyIndex(null, denseDivisor: 1 << 30, minDenseSlots: 0),
        "mixed" => new FuzzyIndex(null, denseDivisor: 24, minDenseSlots: 0),
        _ => new FuzzyIndex(),
    };

    internal static FuzzyIndex[] NewIndexes(Dictionary<int, string> memory)
    {
        var indexes = new FuzzyIndex[Layouts.Length];
        for (int i = 0; i < Layouts.Length; i++)
        {
            indexes[i] = NewIndex(Layouts[i]);
            // In batches, so that keys are promoted and demoted as the memory grows.
            foreach (var batch in memory.ToList().Chunk(memory.Count / 4))
            {
                indexes[i].AddRange(batch);
            }
        }

        return indexes;
    }

    private static void AssertExact(Random random, Func<Random, string> sentence, int segments, int queries)
    {
        Dictionary<int, string> memory = BuildMemory(random, sentence, segments);
        CheckQueries(random, NewIndexes(memory), memory, sentence, queries);
    }

    private static void CheckQueries(Random random, FuzzyIndex[] indexes, Dictionary<int, string> memory, Func<Random, string> sentence, int queries)
    {
        var scorer = new FuzzyScorer();
        string[] texts = memory.Values.ToArray();
        var coverage = new Coverage();
        int largestK = ResultCounts.Max();
        for (int q = 0; q < queries; q++)
        {
            string query = (q % 8) switch
            {
                7 => sentence(random),                                      // unrelated
                6 => FormattingVariant(random, texts[random.Next(texts.Length)]), // 99 (or 100 if the variant is stored too)
                _ => Edit(random, texts[random.Next(texts.Length)], EditRates[q % EditRates.Length], sentence),
            };

            // Score every segment once; each (θ, k) then is a filter and a sort of this list.
            var all = memory.Select(pair => new FuzzyHit(pair.Key, scorer.Score(query, pair.Value))).ToList();
            foreach (double threshold in Thresholds)
            {
                var ranked = all.Where(h => h.Score >= threshold).OrderByDescending(h => h.Score).ThenBy(h => h.Id).ToList();
                // The exhaustive scan is deterministic, so its top k for smaller k is a prefix of its top largestK.
                var exhaustive = indexes[q % indexes.Length].SearchExhaustive(query, new MatchOptions { MinScore = threshold, MaxResults = largestK });
                foreach (int k in ResultCounts)
                {
                    var expected = ranked.Take(k).ToList();
                    coverage.Record(threshold, expected);
                    Assert.True(
                        expected.SequenceEqual(exhaustive.Take(k)),
                        $"exhaustive: query '{query}' θ={threshold} k={k}\nexpected {string.Join(", ", expected)}\nactual   {string.Join(", ", exhaustive.Take(k))}");
                    for (int i = 0; i < indexes.Length; i++)
                    {
                        var actual = indexes[i].Search(query, new MatchOptions { MinScore = threshold, MaxResults = k });
                        Assert.True(
                            expected.SequenceEqual(actual),
                            $"{Layouts[i]}: query '{query}' θ={threshold} k={k}\nexpected {string.Join(", ", expected)}\nactual   {string.Join(", ", actual)}");
                    }
                }
            }
        }

        coverage.AssertExercised();
    }

    /// <summary>Makes sure the random data exercised what the test is for, so it cannot pass vacuously.</summary>
    private sealed class Coverage
    {
        private int _hitsAt30;
        private int _hitsAt90;
        private int _ties;
        private int _formattingOnly;

        public void Record(double threshold, List<FuzzyHit> expected)
        {
            _hitsAt30 += threshold == 30 ? expected.Count : 0;
            _hitsAt90 += threshold == 90 ? expected.Count : 0;
            _formattingOnly += expected.Count(h => h.Score == 99);
            for (int i = 1; i < expected.Count; i++)
            {
                _ties += expected[i].Score == expected[i - 1].Score ? 1 : 0;
            }
        }

        public void AssertExercised()
        {
            Assert.True(_hitsAt30 > 0 && _hitsAt90 > 0 && _ties > 0 && _formattingOnly > 0,
                $"weak data: {_hitsAt30} hits at 30, {_hitsAt90} at 90, {_ties} ties, {_formattingOnly} formatting-only");
        }
    }

    internal static Dictionary<int, string> BuildMemory(Random random, Func<Random, string> sentence, int count)
    {
        var memory = new Dictionary<int, string>();
        var texts = new List<string>();
        while (memory.Count < count)
        {
            int id = random.Next(1, count * 20);
            if (memory.ContainsKey(id))
            {
                continue;
            }

            // Near-duplicates, exact duplicates under another id and formatting variants make the ties and
            // the 99/100 distinction that a translation memory really has.
            string text = texts.Count == 0 ? sentence(random) : random.Next(10) switch
            {
                0 or 1 => Edit(random, texts[random.Next(texts.Count)], 0.1, sentence),
                2 => texts[random.Next(texts.Count)],
                3 => FormattingVariant(random, texts[random.Next(texts.Count)]),
                _ => sentence(random),
            };
            memory[id] = text;
            texts.Add(text);
        }

        return memory;
    }

    internal static string KoreanSentence(Random random)
    {
        var builder = new StringBuilder();
        int words = random.Next(2, 12);
        for (int i = 0; i < words; i++)
        {
            if (random.Next(6) == 0)
            {
                builder.Append(Numbers[random.Next(Numbers.Length)]).Append(random.Next(2) == 0 ? "년 " : " ");
            }

            builder.Append(KoreanStems[random.Next(KoreanStems.Length)]).Append(Particles[random.Next(Particles.Length)]).Append(' ');
        }

        builder.Append(KoreanStems[random.Next(KoreanStems.Length)]).Append(KoreanEndings[random.Next(KoreanEndings.Length)]).Append('.');
        return builder.ToString();
    }

    internal static string EnglishSentence(Random random)
    {
        var words = new List<string>();
        int count = random.Next(3, 26);
        for (int i = 0; i < count; i++)
        {
            words.Add(random.Next(7) == 0 ? Numbers[random.Next(4)] : EnglishWords[random.Next(EnglishWords.Length)]);
        }

        words[0] = char.ToUpperInvariant(words[0][0]) + words[0][1..];
        return string.Join(' ', words) + (random.Next(3) == 0 ? "," : ".");
    }

    /// <summary>Replaces, inserts or deletes about <paramref name="rate"/> of the words (eojeol) of <paramref name="text"/>.</summary>
    internal static string Edit(Random random, string text, double rate, Func<Random, string> sentence)
    {
        var words = text.Split(' ').ToList();
        string[] donor = sentence(random).Split(' ');
        int edits = (int)Math.Round(words.Count * rate);
        for (int e = 0; e < edits && words.Count > 1; e++)
        {
            int at = random.Next(words.Count);
            switch (random.Next(3))
            {
                case 0:
                    words[at] = donor[random.Next(donor.Length)];
                    break;
                case 1:
                    words.Insert(at, donor[random.Next(donor.Length)]);
                    break;
                default:
                    words.RemoveAt(at);
                    break;
            }
        }

        return string.Join(' ', words);
    }

    internal static string FormattingVariant(Random random, string text) => random.Next(3) switch
    {
        0 => text.ToUpperInvariant(),
        1 => text.TrimEnd('.', ',') + "!",
        _ => "“" + text.Replace(" ", "  ") + "”",
    };
}
