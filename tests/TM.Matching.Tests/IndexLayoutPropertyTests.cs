using FsCheck;
using FsCheck.Fluent;
using TM.Matching;

namespace TM.Matching.Tests;

/// <summary>
/// Random memories over a tiny syllable alphabet (so units repeat within a segment and keys (unit, k) go several
/// levels deep), stored every way the index can store a key (postings only, bitmaps only, a mix with keys crossing
/// the line as the memory grows), with removals and replacements: Search must equal the exhaustive scan and
/// FuzzyScorer over every segment, for random thresholds and result counts; and however the memory is loaded
/// (one segment at a time, one AddRange into the empty index, or batch after batch with ids repeated in a batch).
/// </summary>
public class IndexLayoutPropertyTests
{
    private const string Syllables = "가나다라마";

    [Fact]
    public void Search_equals_brute_force_for_every_layout_removals_and_replacements()
    {
        // Lengths up to 150 syllables cross the 64-unit words of the verifier and several length classes.
        Gen<string> sentence = Gen.Choose(1, 150).SelectMany(length =>
            Gen.Elements(Syllables.ToCharArray()).ArrayOf(length).Select(chars => new string(chars)));
        Gen<int> divisor = Gen.Elements(0, 2, 8, 1 << 30);
        Gen<(string[] Memory, int Divisor, int Removals, string Query, int Threshold, int K)> cases =
            from memory in sentence.ArrayOf().Select(a => a.Take(300).ToArray())
            from layout in divisor
            from removals in Gen.Choose(0, 100)
            from query in sentence
            from threshold in Gen.Elements(0, 30, 50, 70, 90, 100)
            from k in Gen.Choose(1, 8)
            select (memory, layout, removals, query, threshold, k);

        var scorer = new FuzzyScorer();
        Prop.ForAll(cases.ToArbitrary(), c =>
            {
                var index = new FuzzyIndex(null, c.Divisor, minDenseSlots: 0);
                var memory = new Dictionary<int, string>();
                for (int i = 0; i < c.Memory.Length; i++)
                {
                    index.Add(i, c.Memory[i]);
                    memory[i] = c.Memory[i];
                }

                // Remove some, replace some with the text of another (a duplicate), over the removal count.
                for (int r = 0; r < c.Removals && memory.Count > 0; r++)
                {
                    int id = (r * 7919) % c.Memory.Length;
                    if (r % 3 == 0)
                    {
                        string text = c.Memory[(id + 1) % c.Memory.Length];
                        index.Add(id, text);
                        memory[id] = text;
                    }
                    else
                    {
                        index.Remove(id);
                        memory.Remove(id);
                    }
                }

                var options = new MatchOptions { MinScore = c.Threshold, MaxResults = c.K };
                var expected = memory.Select(pair => new FuzzyHit(pair.Key, scorer.Score(c.Query, pair.Value)))
                    .Where(h => h.Score >= c.Threshold).OrderByDescending(h => h.Score).ThenBy(h => h.Id).Take(c.K).ToList();
                return index.Count == memory.Count
                    && expected.SequenceEqual(index.Search(c.Query, options))
                    && expected.SequenceEqual(index.SearchExhaustive(c.Query, options));
            })
            .Check(Config.QuickThrowOnFailure.WithMaxTest(100));
    }

    [Fact]
    public void Search_equals_brute_force_however_the_memory_is_loaded()
    {
        Gen<string> sentence = Gen.Choose(1, 90).SelectMany(length =>
            Gen.Elements(Syllables.ToCharArray()).ArrayOf(length).Select(chars => new string(chars)));
        // Up to 700 segments: AddRange on an empty index analyzes blocks of 256 while it adds them, so a load needs
        // several blocks to exercise that; ids are drawn from a smaller range so a batch repeats some of them.
        Gen<(string[] Texts, int[] Ids, Loading Loading, int Divisor, string Query, int Threshold, int K)> cases =
            from count in Gen.Choose(0, 700)
            from texts in sentence.ArrayOf(count)
            from ids in Gen.Choose(0, Math.Max(1, count * 3 / 4)).ArrayOf(count)
            from loading in Gen.Elements(Loading.OneByOne, Loading.OneAddRange, Loading.Batches)
            from layout in Gen.Elements(0, 8, 1 << 30)
            from query in sentence
            from threshold in Gen.Elements(0, 50, 70)
            from k in Gen.Choose(1, 8)
            select (texts, ids, loading, layout, query, threshold, k);

        var scorer = new FuzzyScorer();
        Prop.ForAll(cases.ToArbitrary(), c =>
            {
                var index = new FuzzyIndex(null, c.Divisor, minDenseSlots: 0);
                var items = c.Ids.Select((id, i) => new KeyValuePair<int, string>(id, c.Texts[i])).ToArray();
                switch (c.Loading)
                {
                    case Loading.OneByOne:
                        foreach (var item in items)
                        {
                            index.Add(item.Key, item.Value);
                        }

                        break;
                    case Loading.OneAddRange:
                        index.AddRange(items);
                        break;
                    default:
                        for (int i = 0; i < items.Length; i += 61)
                        {
                            index.AddRange(new ArraySegment<KeyValuePair<int, string>>(items, i, Math.Min(61, items.Length - i)));
                        }

                        break;
                }

                // A later item wins over an earlier one with the same id, within a batch as across batches.
                var memory = new Dictionary<int, string>();
                foreach (var item in items)
                {
                    memory[item.Key] = item.Value;
                }

                var options = new MatchOptions { MinScore = c.Threshold, MaxResults = c.K };
                var expected = memory.Select(pair => new FuzzyHit(pair.Key, scorer.Score(c.Query, pair.Value)))
                    .Where(h => h.Score >= c.Threshold).OrderByDescending(h => h.Score).ThenBy(h => h.Id).Take(c.K).ToList();
                return index.Count == memory.Count
                    && expected.SequenceEqual(index.Search(c.Query, options))
                    && expected.SequenceEqual(index.SearchExhaustive(c.Query, options));
            })
            .Check(Config.QuickThrowOnFailure.WithMaxTest(25));
    }

    public enum Loading
    {
        OneByOne,
        OneAddRange,
        Batches,
    }
}
