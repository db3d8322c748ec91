using TM.Text.Internal;

namespace TM.Text.Tests;

public sealed class KoreanStemmerTests
{
    [Theory]
    [InlineData("전쟁을", "전쟁")]
    [InlineData("전쟁은", "전쟁")]
    [InlineData("전쟁의", "전쟁")]
    [InlineData("전쟁에서는", "전쟁")]
    [InlineData("결정하였다", "결정")]
    [InlineData("합의된", "합의")]
    [InlineData("지도자들에게", "지도자")]
    [InlineData("전략적인", "전략")]
    [InlineData("피난민으로", "피난민")]
    [InlineData("포로의", "포로")] // also ends in the particle 로의, which would leave one syllable
    public void Particles_and_endings_come_off(string word, string stem)
    {
        Assert.Equal([stem], Stems(word));
    }

    [Theory]
    [InlineData("국가")] // 가 is a particle, but 국 alone is too short to be a stem
    [InlineData("합의")]
    [InlineData("한반도")]
    public void A_stem_keeps_at_least_two_syllables(string word)
    {
        var stem = Assert.Single(Stems(word));
        Assert.True(stem.Length >= 2, stem);
        Assert.StartsWith(stem, word, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_form_of_a_word_gives_the_same_stem()
    {
        Assert.Single(Stems("한반도 한반도에 한반도에서는 한반도의").Distinct());
    }

    [Theory]
    [InlineData("1951년 5월 26일")]
    [InlineData("약 17만 명의 포로")]
    [InlineData("38선을")]
    public void Numbers_and_their_counters_are_not_stems(string text)
    {
        Assert.DoesNotContain(Stems(text), s => s is "년" or "명의" or "선을" or "만");
        Assert.All(Stems(text), s => Assert.Equal("포로", s));
    }

    [Fact]
    public void Hanja_glosses_and_function_words_are_left_out()
    {
        Assert.Equal(["송환", "문제"], Stems("이를 위해 송환(送還) 문제에 대한 것으로"));
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("은", true)]
    [InlineData("에게는", true)]
    [InlineData("으로부터의", true)]
    [InlineData("들의", true)]
    [InlineData("하였다", false)]
    [InlineData("사", false)]
    [InlineData("소에서", false)]
    public void A_tail_of_particles_is_an_inflection(string tail, bool particles)
    {
        Assert.Equal(particles, KoreanStemmer.IsInflection(tail, particlesOnly: true));
        Assert.Equal(particles || tail == "하였다", KoreanStemmer.IsInflection(tail, particlesOnly: false));
    }

    private static List<string> Stems(string text)
    {
        var tokens = new LexicalTokens();
        KoreanStemmer.Stems(text, tokens);
        return Enumerable.Range(0, tokens.Count).Select(i => tokens[i].ToString()).ToList();
    }
}
