using TM.Text;

namespace TM.Text.Tests;

public sealed class LearnedLexiconTests
{
    private static readonly LearnedLexicon Lexicon = Learn(
        ("포로 송환 문제가 쟁점이 되었다.", "The repatriation of prisoners became the issue."),
        ("자원 송환 원칙은 유엔군의 방침이었다.", "Voluntary repatriation was the policy of the U.N. Command."),
        ("포로수용소의 포로들은 폭동을 일으켰다.", "Prisoners in the camp rioted."),
        ("포로 교환은 판문점에서 이루어졌다.", "The exchange of prisoners took place at Panmunjom."));

    [Fact]
    public void A_Korean_sentence_yields_the_key_of_each_learned_stem()
    {
        Assert.Equal(
            ["learned:prisoner", "learned:repatriation"],
            Lexicon.FindTerms("중국은 포로의 강제 송환을 요구하였다.", Language.Korean));
    }

    [Fact]
    public void An_English_sentence_yields_the_key_of_each_learned_translation()
    {
        Assert.Equal(
            ["learned:repatriation", "learned:prisoner"],
            Lexicon.FindTerms("China demanded the forced repatriation of all prisoners.", Language.English));
    }

    [Fact]
    public void Repeated_words_give_repeated_keys_and_unknown_words_none()
    {
        Assert.Equal(["learned:prisoner", "learned:prisoner"], Lexicon.FindTerms("A prisoner is a prisoner.", Language.English));
        Assert.Empty(Lexicon.FindTerms("인천상륙작전은 성공하였다.", Language.Korean));
    }

    [Fact]
    public void The_empty_lexicon_knows_nothing()
    {
        Assert.Equal(0, LearnedLexicon.Empty.Count);
        Assert.Empty(LearnedLexicon.Empty.FindTerms("포로 송환", Language.Korean));
        Assert.Empty(LearnedLexicon.Empty.FindTerms("repatriation of prisoners", Language.English));
        Assert.Same(LearnedLexicon.Empty, new LexiconLearner().Build());
    }

    [Fact]
    public void Lookups_from_many_threads_agree()
    {
        string[] sentences = ["중국은 포로의 강제 송환을 요구하였다.", "자원 송환", "포로", "휴전"];
        var expected = sentences.Select(s => string.Join(',', Lexicon.FindTerms(s, Language.Korean))).ToArray();

        Parallel.For(0, 4_000, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            var s = i % sentences.Length;
            Assert.Equal(expected[s], string.Join(',', Lexicon.FindTerms(sentences[s], Language.Korean)));
        });
    }

    private static LearnedLexicon Learn(params (string Korean, string English)[] pairs)
    {
        var learner = new LexiconLearner();
        foreach (var (korean, english) in pairs)
        {
            learner.Add(korean, english);
        }

        return learner.Build();
    }
}
