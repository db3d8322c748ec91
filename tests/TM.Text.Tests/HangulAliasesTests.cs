using TM.Text.Internal;

namespace TM.Text.Tests;

public sealed class HangulAliasesTests
{
    [Fact]
    public void A_name_glossed_once_is_recognised_in_Hangul_afterwards()
    {
        var aliases = new HangulAliases();
        aliases.Learn("리지웨이(Matthew B. Ridgway) 중장이 부임하였다.");
        var words = new List<string>();

        aliases.Find("리지웨이는 반격을 지시하였다.", words);

        Assert.Equal(["ridgway"], words);
    }

    [Fact]
    public void The_glossed_mention_itself_and_longer_words_are_not_counted_again()
    {
        var aliases = new HangulAliases();
        aliases.Learn("마틴(Joseph W. Martin Jr.)에게 서한을 보냈다.");
        var words = new List<string>();

        aliases.Find("마틴(Joseph W. Martin Jr.)에게 보낸 서한과 스마틴의 답장.", words);

        Assert.Empty(words);
    }

    [Fact]
    public void The_surname_and_not_a_suffix_stands_for_the_name()
    {
        var aliases = new HangulAliases();
        aliases.Learn("마틴(Joseph W. Martin Jr.) 의원");
        var words = new List<string>();

        aliases.Find("마틴은 서한을 낭독하였다.", words);

        Assert.Equal(["martin"], words);
    }

    [Theory]
    [InlineData("변영태(卞榮泰) 외무장관")]
    [InlineData("미(U.S.) 국무부")]
    public void Hanja_glosses_and_one_syllable_words_make_no_alias(string sentence)
    {
        var aliases = new HangulAliases();

        aliases.Learn(sentence);

        Assert.Equal(0, aliases.Count);
    }
}
