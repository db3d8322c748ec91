using TM.Text;

namespace TM.Text.Tests;

public sealed class KnownTermsLexiconTests
{
    private static readonly KnownTermsLexicon Lexicon = KnownTermsLexicon.Instance;

    [Theory]
    [InlineData("스탈린은 마오쩌둥과 김일성을 만났다.", "Stalin met Mao Zedong and Kim Il-sung.")]
    [InlineData("소련과 중국은 북한을 지원하였다.", "The USSR and China supported North Korea.")]
    [InlineData("모스크바와 베이징은 평양을 지원하였다.", "Moscow and Beijing supported Pyongyang.")]
    [InlineData("미국과 유엔은 한국전쟁에 참전하였다.", "The U.S. and the UN fought in the Korean War.")]
    [InlineData("한국 전쟁의 휴전은 유럽에도 영향을 주었다.", "The Korean War armistice affected Europe too.")]
    public void Korean_and_English_names_yield_the_same_keys(string korean, string english)
    {
        var koreanKeys = Lexicon.FindTerms(korean, Language.Korean).Order();
        var englishKeys = Lexicon.FindTerms(english, Language.English).Order();

        Assert.NotEmpty(koreanKeys);
        Assert.Equal(koreanKeys, englishKeys);
    }

    [Fact]
    public void Longest_form_wins_and_is_not_counted_again_inside()
    {
        Assert.Equal(["north-korea"], Lexicon.FindTerms("North Korea fought.", Language.English));
        Assert.Equal(["korean-war"], Lexicon.FindTerms("한국전쟁이 끝났다.", Language.Korean));
        Assert.Equal(["ussr"], Lexicon.FindTerms("The Soviet Union fell.", Language.English));
    }

    [Fact]
    public void English_forms_are_whole_words_and_capitals_are_case_sensitive()
    {
        Assert.Empty(Lexicon.FindTerms("Let us discuss the Kimchi and Unity.", Language.English));
        Assert.Equal(["united-states", "stalin"], Lexicon.FindTerms("The US and Stalin's men.", Language.English));
        Assert.Equal(["armistice", "armistice"], Lexicon.FindTerms("Armistice talks; two armistices.", Language.English));
    }
}
