using TM.Matching;

namespace TM.Matching.Tests;

public class FuzzyScorerTests
{
    private const string Seed = "1951년 5월 말 제5차 전역 직후 북중연합군이 전면적인 패배 위험에 처하게 되자, 마오쩌둥은 협상을 통해 전쟁을 끝낼 것을 결정하였다.";

    private readonly FuzzyScorer _scorer = new();

    [Fact]
    public void A_different_month_in_the_seed_sentence_scores_above_90_and_below_100()
    {
        double score = _scorer.Score(Seed.Replace("5월", "6월"), Seed);
        Assert.InRange(score, 90.0001, 99.9999);
    }

    [Fact]
    public void Identical_text_scores_100_and_case_only_difference_99()
    {
        Assert.Equal(100, _scorer.Score(Seed, Seed));
        Assert.Equal(99, _scorer.Score("Kim Il-sung accepted", "kim il-sung accepted"));
    }

    [Fact]
    public void A_differing_number_always_lowers_the_score()
    {
        string stored = "In 1952, 170,000 prisoners were exchanged.";
        Assert.Equal(99, _scorer.Score("In 1952, 170000 prisoners were exchanged.", stored));
        Assert.True(_scorer.Score("In 1952, 170,001 prisoners were exchanged.", stored) < 99);
        Assert.True(_scorer.Score("In 1953, 170,000 prisoners were exchanged.", stored) < 99);
    }

    [Fact]
    public void English_is_compared_word_by_word()
    {
        // One word in five differs however long the word is.
        Assert.Equal(80, _scorer.Score("Stalin agreed to the talks", "Stalin agreed to the negotiations"), precision: 6);
        Assert.Equal(80, _scorer.Score("Stalin agreed to the talks", "Stalin agreed to the tasks"), precision: 6);
    }

    [Fact]
    public void One_edit_in_a_long_sentence_stays_below_a_formatting_only_difference()
    {
        // 120 syllables, one changed: 99.17 uncapped.
        string longSentence = string.Concat(Enumerable.Repeat("전쟁을 끝낼 것을 결정하였다 ", 10)).Trim();
        string edited1 = "전쟁을 끝낼 것을 결단하였다 " + longSentence[(longSentence.IndexOf("다 ", StringComparison.Ordinal) + 2)..];
        double edited = _scorer.Score(edited1, longSentence);
        double caseOnly = _scorer.Score("War", "war");
        Assert.Equal(MatchCosts.Default.MaxEditedScore, edited);
        Assert.True(edited < caseOnly);
    }

    [Fact]
    public void Costs_change_the_tiers()
    {
        var scorer = new FuzzyScorer(new MatchCosts(formattingOnlyScore: 95, maxEditedScore: 90));
        Assert.Equal(95, scorer.Score("War", "war"));
        Assert.Equal(90, scorer.Score(Seed.Replace("5월", "6월"), Seed));
    }

    [Fact]
    public void Null_texts_are_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => _scorer.Score(null!, "a"));
        Assert.Throws<ArgumentNullException>(() => _scorer.Score("a", null!));
    }
}
