using TM.Text;

namespace TM.Text.Tests;

public sealed class NumberMentionTests
{
    [Fact]
    public void Extract_yields_the_anchors_of_the_mentions_over_every_test_sentence()
    {
        var sentences = TestSentences().ToList();
        var mentions = 0;

        foreach (var sentence in sentences)
        {
            foreach (var language in new[] { Language.Korean, Language.English })
            {
                var found = NumberAnchorExtractor.ExtractMentions(sentence, language);
                Assert.Equal(NumberAnchorExtractor.Extract(sentence, language), found.Select(m => m.Anchor));
                foreach (var mention in found)
                {
                    Assert.True(mention.Start >= 0 && mention.Length > 0 && mention.End <= sentence.Length, $"{mention} in \"{sentence}\"");
                }

                mentions += found.Count;
            }
        }

        // Guards the test itself: the corpus must be large enough to mean something.
        Assert.True(sentences.Count > 300, $"only {sentences.Count} sentences");
        Assert.True(mentions > 500, $"only {mentions} mentions");
    }

    [Fact]
    public void Korean_mentions_span_the_number_with_the_marker_of_its_kind()
    {
        const string sentence = "1953년 7월 26일 제5차 회의에서 17만 명과 3,000명, 38선, 두 번째 안건과 나흘을 논의하였다.";

        var spans = Spans(sentence, Language.Korean);

        Assert.Equal(
            [
                "Year 1953: 1953년", "Month 7: 7월", "Date 726: 7월 26일", "Ordinal 5: 제5차", "Cardinal 170000: 17만",
                "Cardinal 3000: 3,000", "Ordinal 38: 38선", "Ordinal 2: 두 번째", "Cardinal 4: 나흘",
            ],
            spans);
    }

    [Fact]
    public void English_mentions_span_the_number_with_its_suffix_scale_or_month()
    {
        const string sentence = "On 26 July 1953, July 27th, the 1950s, the 5th and fifth rounds, 170,000 men, $1.2 million and Oct. 25 came.";

        var spans = Spans(sentence, Language.English);

        Assert.Equal(
            [
                "Month 7: July", "Date 726: 26 July", "Year 1953: 1953", "Month 7: July", "Date 727: July 27th",
                "Year 1950: 1950s", "Ordinal 5: 5th", "Ordinal 5: fifth", "Cardinal 170000: 170,000",
                "Cardinal 1200000.0: 1.2 million", "Month 10: Oct.", "Date 1025: Oct. 25",
            ],
            spans);
    }

    [Theory]
    [InlineData("그 수는 7만 5,823명으로 늘어났다.", "Cardinal 75823: 7만 5,823")]
    [InlineData("인원은 1만 2,773명이었다.", "Cardinal 12773: 1만 2,773")]
    [InlineData("2만 2천 명으로 늘어났다.", "Cardinal 22000: 2만 2천")]
    public void Korean_number_with_big_unit_and_digit_lower_places_is_one_mention(string sentence, string expected)
    {
        Assert.Equal([expected], Spans(sentence, Language.Korean));
    }

    [Fact]
    public void The_month_of_a_date_lies_within_the_date()
    {
        var korean = NumberAnchorExtractor.ExtractMentions("7월 26일", Language.Korean);
        var english = NumberAnchorExtractor.ExtractMentions("on 26 July", Language.English);

        Assert.True(korean[0].IsWithin(korean[1]));
        Assert.True(english[0].IsWithin(english[1]));
        Assert.False(korean[1].IsWithin(korean[0]));
    }

    private static List<string> Spans(string sentence, Language language) =>
        NumberAnchorExtractor.ExtractMentions(sentence, language)
            .Select(m => $"{m.Anchor.Kind} {m.Anchor.Value}: {sentence.Substring(m.Start, m.Length)}")
            .ToList();

    // Every sentence the tests hold: the seeds, the gold documents and memories, and the adaptation table.
    private static IEnumerable<string> TestSentences()
    {
        var gold = Path.Combine(AppContext.BaseDirectory, "Gold");
        var documents = new[] { Seeds.Read(Seeds.First), Seeds.Read(Seeds.Second) }
            .Concat(Directory.EnumerateFiles(gold, "*.txt", SearchOption.AllDirectories).Select(File.ReadAllText));
        foreach (var document in documents)
        {
            foreach (var line in document.Split('\n'))
            {
                foreach (var language in new[] { Language.Korean, Language.English })
                {
                    foreach (var sentence in SentenceSplitter.Default.Split(line, language))
                    {
                        yield return sentence;
                    }
                }
            }
        }

        foreach (var file in Directory.EnumerateFiles(gold, "*.jsonl", SearchOption.AllDirectories))
        {
            using var reader = new StreamReader(file);
            foreach (var bead in GoldAlignmentReader.Read(reader))
            {
                foreach (var sentence in bead.Korean.Concat(bead.English))
                {
                    yield return sentence;
                }
            }
        }

        foreach (var row in Adaptation.AdaptationCase.ReadAll())
        {
            yield return row.Query;
            yield return row.Source;
            yield return row.Target;
        }
    }
}
