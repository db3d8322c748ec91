using TM.Text;
using TM.Text.Internal;

namespace TM.Text.Tests;

public sealed class OneSidedSentenceTests
{
    [Theory]
    [InlineData("This work was supported by the National Research Foundation of Korea Grant funded by the Korean Government (NRF-2018S1A5A8027114).")]
    [InlineData("This research was supported by the Academy of Korean Studies Grant funded by the Korean Government (AKS-2021-R-045).")]
    [InlineData("The study was funded in part by a grant from the Korea Foundation.")]
    [InlineData("The author thanks the anonymous reviewers for their helpful comments on an earlier draft.")]
    [InlineData("The authors gratefully acknowledge the help of the staff of the National Archives.")]
    [InlineData("I would like to thank Professor Kim for his comments.")]
    [InlineData("This article is a revised version of a paper presented at the annual meeting of the Korean Historical Association in October 2021.")]
    [InlineData("All translations from Korean sources are the author's own.")]
    [InlineData("Korean names are romanised according to the Revised Romanization of Korean, except for Syngman Rhee.")]
    [InlineData("The name is also romanized as No Gun Ri, the form used in most English-language reporting.")]
    [InlineData("The term is jallyu-pa in Korean.")]
    [InlineData("Such households were called the families of the absent (Korean: wolbuk gajok).")]
    public void English_funding_notes_acknowledgments_and_translator_notes_read_as_one_sided(string sentence)
    {
        Assert.True(OneSidedSentence.Matches(sentence, Language.English));
    }

    [Theory]
    [InlineData("이 논문은 2019년 대한민국 교육부와 한국연구재단의 지원을 받아 수행된 연구임(NRF-2019S1A5A2A01045827).")]
    [InlineData("이 글은 한국학중앙연구원의 연구비 지원을 받아 작성되었다.")]
    [InlineData("유익한 논평을 해 주신 익명의 심사위원들께 감사드린다.")]
    [InlineData("이 글은 2021년 한국사학회 학술대회에서 발표한 논문을 수정·보완한 것이다.")]
    [InlineData("인용문의 번역은 모두 필자의 것이다.")]
    [InlineData("한국어 인명과 지명은 국립국어원의 로마자 표기법에 따랐다.")]
    public void Korean_funding_notes_acknowledgments_and_translator_notes_read_as_one_sided(string sentence)
    {
        Assert.True(OneSidedSentence.Matches(sentence, Language.Korean));
    }

    // The verbs of the genre are ordinary words of history prose; without a word of the genre beside them they say nothing.
    [Theory]
    [InlineData("The offensive was supported by air power and naval gunfire.", Language.English)]
    [InlineData("The government acknowledged its failure only in 1951.", Language.English)]
    [InlineData("Rhee thanked the United States for its aid.", Language.English)]
    [InlineData("The constitution was revised in 1952.", Language.English)]
    [InlineData("The war was romanticized in the films of the 1960s.", Language.English)]
    [InlineData("The name of the operation was changed in Korean newspapers.", Language.English)]
    [InlineData("Korean sources give the same figure.", Language.English)]
    [InlineData("한국 정부는 미국의 지원을 받아 전후 복구에 나섰다.", Language.Korean)]
    [InlineData("이승만은 미국의 원조에 사의를 밝혔다.", Language.Korean)]
    [InlineData("국회는 헌법을 수정하였다.", Language.Korean)]
    public void History_prose_with_the_same_verbs_does_not_read_as_one_sided(string sentence, Language language)
    {
        Assert.False(OneSidedSentence.Matches(sentence, language));
    }
}
