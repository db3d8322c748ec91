using System.Text;
using TM.Text;

namespace TM.Text.Tests;

public sealed class SentenceAlignerTests
{
    private static readonly SentenceAligner Aligner = new();

    [Fact]
    public void Random_inputs_keep_every_sentence_once_and_in_order()
    {
        var random = new Random(7);
        for (var round = 0; round < 200; round++)
        {
            var korean = Sentences(random, random.Next(0, 25), Language.Korean);
            var english = Sentences(random, random.Next(0, 25), Language.English);

            var beads = Aligner.Align(korean, english);

            Assert.Equal(korean, beads.SelectMany(b => b.Korean));
            Assert.Equal(english, beads.SelectMany(b => b.English));
            Assert.All(beads, b =>
            {
                Assert.True(b.Korean.Count + b.English.Count > 0);
                Assert.InRange(b.Confidence, 0, 1);
            });
        }
    }

    [Fact]
    public void Parallel_sentences_of_matching_lengths_align_one_to_one()
    {
        var random = new Random(11);
        var (korean, english) = ParallelText(random, 300);

        var beads = Aligner.Align(korean, english);

        Assert.Equal(300, beads.Count);
        Assert.All(beads, b => Assert.True(b.Korean.Count == 1 && b.English.Count == 1));
    }

    [Fact]
    public void Two_thousand_sentences_per_side_align_completely()
    {
        var random = new Random(13);
        var (korean, english) = ParallelText(random, 2_000);
        english.RemoveAt(1_000);

        var beads = Aligner.Align(korean, english);

        Assert.Equal(korean, beads.SelectMany(b => b.Korean));
        Assert.Equal(english, beads.SelectMany(b => b.English));
        Assert.True(beads.Count(b => b.Korean.Count == 1 && b.English.Count == 1) >= 1_990);
    }

    [Fact]
    public void An_English_sentence_without_original_becomes_a_zero_to_one_bead()
    {
        string[] korean = ["1951년 5월 중국은 공세를 멈추었다.", "1952년 4월 양측은 모든 의제에 합의하였다.", "1953년 7월 휴전이 성립되었다."];
        string[] english =
        [
            "In May 1951, China halted its offensive.",
            "Meanwhile the negotiators argued at length about the location of the line and the withdrawal of troops.",
            "In April 1952, both sides agreed on all agenda items.",
            "In July 1953, the armistice was concluded.",
        ];

        var beads = Aligner.Align(korean, english);

        Assert.Equal(4, beads.Count);
        Assert.Equal([english[1]], beads[1].English);
        Assert.Empty(beads[1].Korean);
        Assert.False(beads[1].IsPair);
        Assert.True(beads[1].Confidence < beads[0].Confidence);
    }

    [Fact]
    public void Numbers_decide_where_lengths_cannot()
    {
        // Two equally long Korean sentences against two English ones whose lengths suggest nothing; the years do.
        string[] korean = ["1950년에 전쟁이 시작되었고 많은 사람이 고향을 떠났다.", "1953년에 전쟁이 끝났으나 분단은 그대로 남았다."];
        string[] english = ["The war began in 1950 and many people left home.", "The war ended in 1953, but the division remained."];

        var beads = Aligner.Align(korean, english);

        Assert.Equal([(korean[0], english[0]), (korean[1], english[1])], beads.Select(b => (b.KoreanText, b.EnglishText)));
        Assert.All(beads, b => Assert.True(b.Confidence > 0.8, $"{b.Confidence}"));
    }

    [Fact]
    public void One_empty_side_leaves_every_sentence_unpaired()
    {
        var beads = Aligner.Align(["전쟁은 끝났다.", "평화가 왔다."], []);

        Assert.Equal(2, beads.Count);
        Assert.All(beads, b => Assert.False(b.IsPair));
        Assert.All(beads, b => Assert.True(b.Confidence < 0.25));
    }

    [Fact]
    public void Bead_text_joins_sentences_with_one_space()
    {
        var bead = new Bead(["가.", "나."], ["A."], 1);

        Assert.Equal("가. 나.", bead.KoreanText);
        Assert.Equal("A.", bead.EnglishText);
        Assert.True(bead.IsPair);
    }

    private static (List<string> Korean, List<string> English) ParallelText(Random random, int count)
    {
        var korean = new List<string>();
        var english = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var length = random.Next(15, 90);
            korean.Add(Text(random, length, Language.Korean));
            english.Add(Text(random, (int)(length * LengthRatioModel.Default.Ratio * (0.9 + (random.NextDouble() * 0.2))), Language.English));
        }

        return (korean, english);
    }

    private static List<string> Sentences(Random random, int count, Language language)
    {
        var sentences = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var text = Text(random, random.Next(1, 120), language);
            sentences.Add(random.Next(4) == 0 ? $"{random.Next(1900, 2000)}년 {text}" : text);
        }

        return sentences;
    }

    private static string Text(Random random, int letters, Language language)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < letters; i++)
        {
            if (i > 0 && random.Next(language == Language.Korean ? 4 : 6) == 0)
            {
                builder.Append(' ');
            }

            builder.Append(language == Language.Korean ? (char)random.Next('가', '힣') : (char)random.Next('a', 'z'));
        }

        return builder.Append('.').ToString();
    }
}
