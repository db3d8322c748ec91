using TM.Matching;
using TM.Server.Memory;
using TM.Storage;

namespace TM.Server.Tests.Memory;

/// <summary>
/// The fragment index beside a memory's segment index: every sentence of a multi-sentence side is an entry, and the
/// two indexes' answers merged are the exact top k of all segments and sentences together.
/// </summary>
public sealed class FragmentIndexTests
{
    private static readonly string[] Words =
    [
        "휴전", "협상", "포로", "송환", "회담", "군사", "분계선", "유엔군", "중국군", "소련", "미국", "결정", "제안", "거부",
        "판문점", "개성", "정전", "협정", "체결", "전선", "공세", "1951년", "7월", "대표단",
    ];

    [Fact]
    public void Merged_top_k_of_segments_and_sentences_equals_brute_force()
    {
        var random = new Random(20261207);
        var segments = new List<StoredSegment>();
        for (var id = 1; id <= 600; id++)
        {
            var sentences = random.Next(3) == 0 ? random.Next(2, 4) : 1;
            var korean = string.Join(" ", Enumerable.Range(0, sentences).Select(_ => Sentence(random) + "."));
            segments.Add(Segment(id, korean, "English " + id + "."));
        }
        var memory = new MemoryIndex(new MemoryInfo(1, "m"));
        memory.Add(segments);
        var scorer = new FuzzyScorer();
        var options = new MatchOptions { MaxResults = 8, MinScore = 40 };

        for (var q = 0; q < 150; q++)
        {
            var source = segments[random.Next(segments.Count)].Korean;
            var parts = FragmentIndex.SentencesOf(source, SegmentSide.Korean);
            var query = Mutate(parts.Count > 0 ? source[parts[random.Next(parts.Count)]] : source, random);

            var merged = memory.Korean.Search(query, options).Select(h => h.Score)
                .Concat(memory.KoreanFragments.Search(query, options).Select(h => h.Score))
                .OrderByDescending(s => s).Take(options.MaxResults).ToList();
            var brute = new List<double>();
            foreach (var segment in segments)
            {
                brute.Add(scorer.Score(query, segment.Korean));
                foreach (var range in FragmentIndex.SentencesOf(segment.Korean, SegmentSide.Korean))
                    brute.Add(scorer.Score(query, segment.Korean[range]));
            }
            var expected = brute.Where(s => s >= options.MinScore).OrderByDescending(s => s).Take(options.MaxResults).ToList();

            Assert.Equal(expected, merged);
        }
    }

    [Fact]
    public void An_updated_segment_loses_the_sentences_it_no_longer_has_and_a_removed_one_all()
    {
        var memory = new MemoryIndex(new MemoryInfo(1, "m"));
        memory.Add([Segment(7, "포로 송환 협상이 지연되었다. 양측은 결국 합의하였다.", "The talks were delayed. Both sides finally agreed.")]);
        Assert.Equal(2, memory.KoreanFragments.Entries.Count);
        Assert.Equal(2, memory.EnglishFragments.Entries.Count);

        memory.Apply(new IndexChange([], [Segment(7, "포로 송환 협상이 지연되었다.", "The talks were delayed. Both sides finally agreed.")], []));

        Assert.Equal(0, memory.KoreanFragments.Entries.Count);
        var hit = Assert.Single(memory.EnglishFragments.Search("Both sides finally agreed.", new MatchOptions { MinScore = 100 }));
        Assert.Equal(new FragmentHit(7, 1, 100), hit);

        memory.Apply(new IndexChange([], [], [7]));

        Assert.Equal(0, memory.EnglishFragments.Entries.Count);
    }

    [Fact]
    public void A_side_of_one_sentence_has_no_fragment_entries()
    {
        Assert.Empty(FragmentIndex.SentencesOf("따라서 휴전 협정은 7월 26일 체결될 수 있었다.", SegmentSide.Korean));
        Assert.Empty(FragmentIndex.SentencesOf("The U.S. delegation proposed a 3.5 km zone.", SegmentSide.English));
        Assert.Equal(2, FragmentIndex.SentencesOf("The talks resumed. Mr. Joy spoke first.", SegmentSide.English).Count);
    }

    private static StoredSegment Segment(long id, string korean, string english) => new(id, korean, english, "test", "", 1, false);

    private static string Sentence(Random random) =>
        string.Join(" ", Enumerable.Range(0, random.Next(4, 9)).Select(_ => Words[random.Next(Words.Length)]));

    private static string Mutate(string text, Random random)
    {
        var words = text.TrimEnd('.').Split(' ').ToList();
        for (var edits = random.Next(0, 3); edits > 0 && words.Count > 1; edits--)
        {
            if (random.Next(2) == 0)
                words.RemoveAt(random.Next(words.Count));
            else
                words[random.Next(words.Count)] = Words[random.Next(Words.Length)];
        }
        return string.Join(" ", words) + ".";
    }
}
