using TM.Text;
using TM.Text.Internal;

namespace TM.Text.Tests;

public sealed class EnglishNumberWordsTests
{
    [Theory]
    [InlineData("The conference brought together nineteen states.", new[] { 19 })]
    [InlineData("Thirteen ships and twenty-five aircraft", new[] { 13, 25 })]
    [InlineData("some forty thousand refugees", new[] { 40 })]
    [InlineData("ninety nine days", new[] { 99 })]
    [InlineData("the thirty-eighth parallel and the twentieth century", new[] { 38, 20 })]
    [InlineData("the fifteenth day of the seventy-first session", new[] { 15, 71 })]
    [InlineData("Nineteenth-century diplomacy", new[] { 19 })]
    public void Numbers_from_thirteen_to_ninety_nine_are_read_with_their_value(string sentence, int[] values)
    {
        var found = new List<int>();

        EnglishNumberWords.Find(sentence, found);

        Assert.Equal(values, found);
    }

    [Theory]
    [InlineData("five babies were born on the first day")]
    [InlineData("Twentyfold growth, a fortnight, sixteenths")]
    public void Smaller_numbers_and_words_that_only_start_like_numbers_are_not_read(string sentence)
    {
        var found = new List<int>();

        EnglishNumberWords.Find(sentence, found);

        // Numbers up to twelve are NumberAnchorExtractor's.
        Assert.Empty(found);
    }

    [Fact]
    public void A_spelled_number_anchors_a_pair_but_is_no_mention_the_adapter_replaces()
    {
        string[] korean = ["회담에는 모두 19개국이 참가하였다.", "미국 대표단은 5월 초 회담장을 떠났다."];
        string[] english = ["The conference brought together nineteen states.", "The U.S. delegation left in early May."];

        var (ko, en, _, _, _, keys) = new SentenceAligner().Features(korean, english);

        Assert.Contains(ko.Anchors[0], id => en.Anchors[0].Contains(id) && keys[id].StartsWith('#'));
        Assert.Empty(NumberAnchorExtractor.ExtractMentions(english[0], Language.English));
    }
}
