using TM.Text;
using TM.Text.Internal;

namespace TM.Text.Tests;

public sealed class KoreanNumberWordsTests
{
    [Theory]
    [InlineData("열다섯 살 안팎의 소년과 예순이 넘은 노인", new[] { 15, 60 })]
    [InlineData("스무 명이 서른두 해 동안", new[] { 20, 32 })]
    [InlineData("열세 척의 배와 마흔 대의 트럭", new[] { 13, 40 })]
    [InlineData("쉰 명, 아흔아홉 살", new[] { 50, 99 })]
    [InlineData("스물세살 청년과 스물한가지", new[] { 23, 21 })]
    public void Native_numbers_from_thirteen_to_ninety_nine_are_read_with_their_value(string sentence, int[] values)
    {
        var found = new List<int>();

        KoreanNumberWords.Find(sentence, found);

        Assert.Equal(values, found);
    }

    [Theory]
    [InlineData("열두 명과 다섯 척")] // NumberAnchorExtractor's: twelve and less.
    [InlineData("열세 번째")] // an ordinal, the extractor's 번째 rule.
    [InlineData("쉰 목소리로 열세를 만회하려 하였다")] // 쉰 "hoarse" without a counter; 열세 "inferiority".
    [InlineData("서른여섯계 가운데")] // a number glued to a word that is no counter.
    [InlineData("아스물 예순네모")] // inside other words.
    public void Words_that_are_not_numbers_here_are_not_read(string sentence)
    {
        var found = new List<int>();

        KoreanNumberWords.Find(sentence, found);

        Assert.Empty(found);
    }

    [Fact]
    public void A_native_number_anchors_a_pair_but_is_no_mention_the_adapter_replaces()
    {
        string[] korean = ["노무자 가운데에는 열다섯 살 안팎의 소년도 있었다."];
        string[] english = ["Some porters were boys of about fifteen."];

        var (ko, en, _, _, _, keys) = new SentenceAligner().Features(korean, english);

        Assert.Contains(ko.Anchors[0], id => en.Anchors[0].Contains(id) && keys[id] == "#n15");
        Assert.Empty(NumberAnchorExtractor.ExtractMentions(korean[0], Language.Korean));
    }
}
