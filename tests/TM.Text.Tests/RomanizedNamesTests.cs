using TM.Text.Internal;

namespace TM.Text.Tests;

public sealed class RomanizedNamesTests
{
    [Fact]
    public void A_name_romanised_in_the_English_is_found_in_the_Korean_before_its_particle()
    {
        string[] korean = ["흥남 철수는 1950년 12월에 끝났다.", "피난민들은 흥남으로 몰려들었다."];
        string[] english = ["The Heungnam evacuation ended in December 1950.", "Refugees crowded into the port."];

        var (koreanNames, englishNames) = RomanizedNames.Find(korean, english);

        Assert.Single(koreanNames[0]);
        Assert.Equal(koreanNames[0], koreanNames[1]);
        Assert.Equal(koreanNames[0], englishNames[0]);
        Assert.Empty(englishNames[1]);
    }

    [Fact]
    public void A_name_of_several_words_counts_once()
    {
        var (koreanNames, englishNames) = RomanizedNames.Find(["김일성은 제안에 동의하였다."], ["Kim Il-sung agreed to the proposal."]);

        Assert.Single(englishNames[0]);
        Assert.Equal(englishNames[0], koreanNames[0]);
    }

    [Fact]
    public void Acronyms_and_names_missing_from_the_other_side_are_not_anchors()
    {
        // 나라 (country) spells NARA; an acronym is no romanised Korean word. "Busan" has no 부산 to meet.
        string[] korean = ["나라 안팎의 기록을 검토하였다."];
        string[] english = ["Records at NARA and in Busan were examined."];

        var (koreanNames, englishNames) = RomanizedNames.Find(korean, english);

        Assert.Empty(koreanNames[0]);
        Assert.Empty(englishNames[0]);
    }
}
