using TM.Text;

namespace TM.Text.Tests;

public sealed class NumberAnchorExtractorTests
{
    // Korean text | English text that translates it: both must yield the same anchors.
    [Theory]
    [InlineData("중공군 17만 명이 참전하였다.", "170,000 Chinese troops joined.")]
    [InlineData("2만 7천 명이 포로가 되었다.", "27,000 men were captured.")]
    [InlineData("3천 명이 죽었다.", "3,000 died.")]
    [InlineData("제5차 전역이 끝났다.", "The 5th campaign ended.")]
    [InlineData("제5차 전역이 끝났다.", "The fifth campaign ended.")]
    [InlineData("휴전 협정은 7월 26일 체결되었다.", "The armistice was signed on 26 July.")]
    [InlineData("휴전 협정은 7월 26일 체결되었다.", "The armistice was signed on July 26.")]
    [InlineData("1951년 5월 말 공세가 끝났다.", "The offensive ended in late May 1951.")]
    [InlineData("1953년 3월 5일 스탈린이 사망하였다.", "Stalin died on 5 March 1953.")]
    [InlineData("38선을 넘었다.", "They crossed the 38th parallel.")]
    [InlineData("‘제1차 5개년 계획’을 세웠다.", "They drew up the First Five-Year Plan.")]
    [InlineData("1950년대 경제가 성장하였다.", "The economy grew in the 1950s.")]
    [InlineData("인구는 1억 2천만 명이다.", "The population is 120 million.")]
    [InlineData("성장률은 3.5%였다.", "Growth was 3.5%.")]
    [InlineData("항해 도중 다섯 명의 아기가 태어났다.", "Five babies were born during the voyage.")]
    [InlineData("그는 세 차례 부상을 입었다.", "He was wounded three times.")]
    [InlineData("불과 나흘 뒤 공세가 시작되었다.", "The offensive began only four days later.")]
    [InlineData("두 가지 쟁점이 남았다.", "Two issues remained.")]
    [InlineData("두 번째 회담이 열렸다.", "The second meeting was held.")]
    [InlineData("그 수는 7만 5,823명으로 늘어났다.", "Their number rose to 75,823.")]
    [InlineData("인원은 1만 2,773명이었다.", "The corps numbered 12,773 men.")]
    [InlineData("그해 말에는 2만 2천 명으로 늘어났다.", "It had grown to 22,000 by the end of the year.")]
    [InlineData("아동은 4만 1,000여 명이었다.", "Some 41,000 children were living there.")]
    public void Korean_and_English_numbers_of_a_translation_match(string korean, string english)
    {
        var koreanKeys = NumberAnchorExtractor.Extract(korean, Language.Korean).Select(a => a.MatchKey).Order();
        var englishKeys = NumberAnchorExtractor.Extract(english, Language.English).Select(a => a.MatchKey).Order();

        Assert.NotEmpty(koreanKeys);
        Assert.Equal(koreanKeys, englishKeys);
    }

    [Theory]
    [InlineData("세금과 네 의견이 열띤 논쟁을 낳았다.")]
    [InlineData("두만강 너머로 열차가 떠났다.")]
    [InlineData("그 해 여름이 지났다.")]
    public void Native_Korean_number_words_count_only_before_a_counter(string korean)
    {
        Assert.Empty(NumberAnchorExtractor.Extract(korean, Language.Korean));
    }

    [Fact]
    public void Korean_anchors_are_typed_and_normalised()
    {
        var anchors = NumberAnchorExtractor.Extract("1953년 7월 26일 제5차 회의에서 17만 명과 38선을 논의하였다.", Language.Korean);

        Assert.Equal(
            [
                new NumberAnchor(NumberAnchorKind.Year, 1953),
                new NumberAnchor(NumberAnchorKind.Month, 7),
                new NumberAnchor(NumberAnchorKind.Date, 726),
                new NumberAnchor(NumberAnchorKind.Ordinal, 5),
                new NumberAnchor(NumberAnchorKind.Cardinal, 170_000),
                new NumberAnchor(NumberAnchorKind.Ordinal, 38),
            ],
            anchors);
    }

    [Fact]
    public void May_is_a_month_but_not_a_modal_verb()
    {
        var month = NumberAnchorExtractor.Extract("By May 1953 the war was over.", Language.English);
        var verb = NumberAnchorExtractor.Extract("May I say that it may end?", Language.English);

        Assert.Contains(new NumberAnchor(NumberAnchorKind.Month, 5), month);
        Assert.Contains(new NumberAnchor(NumberAnchorKind.Year, 1953), month);
        Assert.Empty(verb);
        Assert.Equal(
            NumberAnchorExtractor.Extract("5월에 끝났다.", Language.Korean),
            NumberAnchorExtractor.Extract("It ended in May.", Language.English));
    }

    [Theory]
    [InlineData("The F86 and the MiG-15 fought.", Language.English)]
    [InlineData("F86 전투기가 출격하였다.", Language.Korean)]
    [InlineData("No one doubted it.", Language.English)]
    public void Codes_and_pronouns_are_not_numbers(string text, Language language)
    {
        Assert.DoesNotContain(
            NumberAnchorExtractor.Extract(text, language),
            a => a.Value is 86 or 1);
    }

    [Fact]
    public void Durations_are_cardinals_not_years()
    {
        var anchors = NumberAnchorExtractor.Extract("전쟁은 3년 동안 계속되었고 5개월 뒤 끝났다.", Language.Korean);

        Assert.Equal([new NumberAnchor(NumberAnchorKind.Cardinal, 3), new NumberAnchor(NumberAnchorKind.Cardinal, 5)], anchors);
    }
}
