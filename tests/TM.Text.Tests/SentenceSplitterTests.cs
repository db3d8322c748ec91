using TM.Text;

namespace TM.Text.Tests;

public sealed class SentenceSplitterTests
{
    private static readonly SentenceSplitter Splitter = SentenceSplitter.Default;

    [Theory]
    [MemberData(nameof(Seeds.Names), MemberType = typeof(Seeds))]
    public void Seed_documents_split_into_the_gold_sentences(string seed)
    {
        var layout = new LanguageBlockDetector().Detect(Seeds.Read(seed));
        var gold = Seeds.Gold(seed);

        foreach (var language in new[] { Language.Korean, Language.English })
        {
            var expected = gold.SelectMany(b => language == Language.Korean ? b.Korean : b.English).ToList();
            var actual = layout.Blocks
                .Where(b => b.Language == language)
                .SelectMany(b => b.Paragraphs)
                .SelectMany(p => Splitter.Split(p.Text, language))
                .ToList();

            Assert.Equal(expected, actual);
        }
    }

    [Theory]
    [InlineData("그는 왔다. 그리고 갔다.", "그는 왔다.|그리고 갔다.")]
    [InlineData("무엇인가? 그렇다! 좋아요. 끝.", "무엇인가?|그렇다!|좋아요.|끝.")]
    [InlineData("회담은 결렬되었다.그러나 전쟁은 계속되었다.", "회담은 결렬되었다.|그러나 전쟁은 계속되었다.")]
    [InlineData("1953년 5월에 이르면소련 지도자들은 동의하였다.", "1953년 5월에 이르면소련 지도자들은 동의하였다.")]
    [InlineData("그는 “전쟁은 끝났다.” 라고 말했다. 다음 문장이다.", "그는 “전쟁은 끝났다.” 라고 말했다.|다음 문장이다.")]
    [InlineData("그는 “전쟁은 끝났다.”라고 말했다.", "그는 “전쟁은 끝났다.”라고 말했다.")]
    [InlineData("그는 말했다. “전쟁은 끝났다.” 그리고 떠났다.", "그는 말했다.|“전쟁은 끝났다.”|그리고 떠났다.")]
    [InlineData("협정은 1953. 7. 27. 체결되었다. 이후 평화가 왔다.", "협정은 1953. 7. 27. 체결되었다.|이후 평화가 왔다.")]
    [InlineData("‘제1차 5개년 계획’에 대한 지원을 요청하였다. 끝났다.", "‘제1차 5개년 계획’에 대한 지원을 요청하였다.|끝났다.")]
    public void Korean_sentences_end_where_a_reader_expects(string text, string expected)
    {
        Assert.Equal(expected.Split('|'), Splitter.Split(text, Language.Korean));
    }

    [Theory]
    [InlineData("The U.S. military stayed. It left in 1953.", "The U.S. military stayed.|It left in 1953.")]
    [InlineData("He moved to the U.S. The war ended.", "He moved to the U.S.|The war ended.")]
    [InlineData("The U.S.S.R. and the U.N. disagreed. Talks failed.", "The U.S.S.R. and the U.N. disagreed.|Talks failed.")]
    [InlineData("Mr. Kim met Dr. Lee at St. Paul. They talked.", "Mr. Kim met Dr. Lee at St. Paul.|They talked.")]
    [InlineData("Some states, e.g. China, agreed, i.e. most. Others did not.", "Some states, e.g. China, agreed, i.e. most.|Others did not.")]
    [InlineData("Guns, tanks, etc. were sent. More came.", "Guns, tanks, etc. were sent.|More came.")]
    [InlineData("They sent guns, tanks, etc. The war went on.", "They sent guns, tanks, etc.|The war went on.")]
    [InlineData("It began on Jan. 5 and No. 3 fell. It ended.", "It began on Jan. 5 and No. 3 fell.|It ended.")]
    [InlineData("Korea vs. China was close. It ended.", "Korea vs. China was close.|It ended.")]
    [InlineData("J. F. Dulles arrived. He spoke.", "J. F. Dulles arrived.|He spoke.")]
    [InlineData("Growth was 3.5 percent and 170,000 men died. It was costly.", "Growth was 3.5 percent and 170,000 men died.|It was costly.")]
    [InlineData("He said “It is over.” and left. Then silence.", "He said “It is over.” and left.|Then silence.")]
    [InlineData("“Is it over?” he asked. Nobody answered.", "“Is it over?” he asked.|Nobody answered.")]
    [InlineData("They waited... and waited. Nothing happened… Then it did.", "They waited... and waited.|Nothing happened…|Then it did.")]
    [InlineData("It ended (see Smith et al. 2003. p. 5) quickly. Next.", "It ended (see Smith et al. 2003. p. 5) quickly.|Next.")]
    [InlineData("The issue of prisoners of war(POW). However, it ended.", "The issue of prisoners of war(POW).|However, it ended.")]
    [InlineData("Why? Because! Fine.", "Why?|Because!|Fine.")]
    [InlineData("No terminal punctuation at all", "No terminal punctuation at all")]
    public void English_sentences_respect_abbreviations_numbers_and_quotes(string text, string expected)
    {
        Assert.Equal(expected.Split('|'), Splitter.Split(text, Language.English));
    }

    [Fact]
    public void Line_breaks_inside_a_paragraph_do_not_end_a_sentence()
    {
        var sentences = Splitter.Split("The war went\non for years.\n  Then  it\tended.", Language.English);

        Assert.Equal(["The war went on for years.", "Then it ended."], sentences);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    public void Blank_text_has_no_sentences(string text)
    {
        Assert.Empty(Splitter.Split(text, Language.Korean));
    }

    [Fact]
    public void Random_text_is_split_without_losing_or_adding_characters()
    {
        var random = new Random(20240607);
        const string alphabet = "가나다라 abc ABC .?!…“”‘’\"'()[] 0123 ,\n";
        for (var round = 0; round < 500; round++)
        {
            var chars = new char[random.Next(0, 200)];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = alphabet[random.Next(alphabet.Length)];
            }

            var text = new string(chars);
            foreach (var language in new[] { Language.Korean, Language.English })
            {
                var sentences = Splitter.Split(text, language);

                Assert.All(sentences, s => Assert.False(string.IsNullOrWhiteSpace(s)));
                Assert.Equal(Strip(text), Strip(string.Concat(sentences)));
            }
        }

        static string Strip(string s) => string.Concat(s.Where(c => !char.IsWhiteSpace(c)));
    }
}
