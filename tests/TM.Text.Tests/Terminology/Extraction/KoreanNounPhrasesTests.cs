using TM.Text.Terminology;
using TM.Text.Terminology.Extraction;

namespace TM.Text.Tests.Terminology.Extraction;

public sealed class KoreanNounPhrasesTests
{
    [Theory]
    [InlineData("포로 송환을 요구하였다.", "포로|송환|포로 송환")]
    [InlineData("미국 국립문서기록관리청의", "미국|국립문서기록관리청|미국 국립문서기록관리청")]
    [InlineData("제네바 정치회담 대표단은", "제네바|정치회담|제네바 정치회담|대표단|정치회담 대표단|제네바 정치회담 대표단")]
    public void Korean_candidates_are_nouns_and_runs_of_nouns_with_the_last_word_stripped(string sentence, string expected)
    {
        Assert.Equal(expected.Split('|'), Keys(sentence));
    }

    [Fact]
    public void A_particle_inside_a_run_ends_the_noun_phrase()
    {
        Assert.Equal(["포로", "송환"], Keys("포로의 송환"));
    }

    [Theory]
    [InlineData("전략적 이익을 결정하였다", "이익")]
    [InlineData("협정이 체결된 이후", "협정")]
    [InlineData("공산측은 684명을 돌려보냈다.", "공산측")]
    public void Verb_and_adjective_forms_are_no_candidates(string sentence, string expected)
    {
        Assert.Equal(expected.Split('|'), Keys(sentence));
    }

    [Theory]
    [InlineData("1951년 17만 명의 포로", "포로")]
    [InlineData("약 2만 7천 명을 석방", "석방")]
    public void Numbers_and_their_counters_are_no_candidates(string sentence, string expected)
    {
        Assert.Equal(expected.Split('|'), Keys(sentence));
    }

    [Fact]
    public void Function_words_and_one_syllable_nouns_with_a_particle_are_no_candidates()
    {
        Assert.Equal(["피난민"], Keys("그러나 배에 피난민"));
    }

    [Fact]
    public void A_gloss_or_punctuation_between_words_ends_the_run()
    {
        Assert.Equal(["송환", "문제", "군사", "경제"], Keys("송환(送還) 문제는 군사·경제"));
    }

    [Fact]
    public void The_span_covers_the_last_word_with_its_particles()
    {
        var phrases = new PhraseList();
        const string Sentence = "그 포로 송환을 요구";
        KoreanNounPhrases.Find(Sentence, 3, 100, phrases);

        var bigram = Enumerable.Range(0, phrases.Count).Single(i => phrases.Key(i).SequenceEqual("포로 송환"));
        var span = phrases.Span(bigram);
        Assert.Equal("포로 송환을", Sentence.Substring(span.SurfaceStart, span.SurfaceLength));
        Assert.Equal(span.FirstWord + 1, span.LastWord);
    }

    [Fact]
    public void Runs_are_cut_at_the_longest_length_asked_for()
    {
        Assert.DoesNotContain("가나 다라 마바", Keys("가나 다라 마바", maxWords: 2));
        Assert.Contains("가나 다라 마바", Keys("가나 다라 마바", maxWords: 3));
    }

    [Fact]
    public void No_more_candidates_than_the_limit_are_read()
    {
        var phrases = new PhraseList();
        KoreanNounPhrases.Find(string.Join(' ', Enumerable.Repeat("포로 송환 문제", 100)), 3, 10, phrases);

        Assert.Equal(10, phrases.Count);
    }

    internal static List<string> Keys(string sentence, int maxWords = 3)
    {
        var phrases = new PhraseList();
        KoreanNounPhrases.Find(sentence, maxWords, 1000, phrases);
        return Enumerable.Range(0, phrases.Count).Select(i => phrases.Key(i).ToString()).ToList();
    }
}
