using System.Text.RegularExpressions;

namespace TM.Text.Internal;

/// <summary>
/// Recognises, by their wording, the sentences that journals print on one side of a bilingual abstract only: funding
/// notes ("This work was supported by the National Research Foundation of Korea grant…", 이 논문은 … 지원을 받아 수행된
/// 연구임), acknowledgments ("The author thanks…", 심사위원들께 감사드린다), translator's notes ("All translations are the
/// author's own", 역자 주, and notes on how Korean words are written: "Korean names are romanised according to…",
/// "The term is jallyu-pa in Korean") and notes on the article's history ("This article is a revised version of a paper presented
/// at…", … 발표한 글을 수정·보완한 것이다). The aligner uses a match as a prior for a 1-0 or 0-1 bead, never as a rule:
/// a Korean funding note and its English translation both match and still pair, as do a Korean sentence on 로마자 표기 and
/// its English on romanisation.
/// </summary>
/// <remarks>
/// Each pattern needs a word of the genre besides the verb, because the verb alone is ordinary history prose: "the
/// offensive was supported by air power", 미국의 지원을 받아 재건하였다, "the government acknowledged its failure".
/// </remarks>
internal static partial class OneSidedSentence
{
    /// <summary>Whether the sentence reads as a funding note, an acknowledgment, a translator's note or a note on the
    /// article's history.</summary>
    public static bool Matches(string sentence, Language language) =>
        language == Language.Korean ? KoreanPattern().IsMatch(sentence) : EnglishPattern().IsMatch(sentence);

    [GeneratedRegex(
        @"\b(?:supported|funded|sponsored|financed)\s+(?:in\s+part\s+|partly\s+|partially\s+|financially\s+)?by\b.*\b(?:grants?|foundation|fellowship|research\s+fund|research\s+program(?:me)?|council|ministry\s+of\s+education)\b"
        + @"|\bthis\s+(?:work|research|study|paper|article)\s+was\s+(?:supported|funded|sponsored|financed)\b"
        + @"|\bgrant\s+(?:no\.|number|funded\s+by)"
        + @"|\b(?:the\s+)?authors?\s+(?:would\s+like\s+to\s+|wish(?:es)?\s+to\s+)?(?:thanks?|is\s+grateful|are\s+grateful|gratefully\s+acknowledges?|acknowledges?)\b"
        + @"|\b(?:I|we)\s+(?:would\s+like\s+to\s+|wish\s+to\s+)?(?:thank|am\s+grateful|are\s+grateful|gratefully\s+acknowledge)\b"
        + @"|\backnowledg(?:e?ments?)\b"
        + @"|\b(?:is|was)\s+a\s+(?:revised|modified|expanded|shortened)\s+(?:and\s+\w+\s+)?version\s+of\b"
        + @"|\b(?:based\s+on|revised\s+from)\s+a\s+paper\s+(?:presented|read|delivered)\b"
        + @"|\btranslator'?s\s+note\b|\btranslations?\b.*\b(?:are|is)\s+(?:the\s+author'?s|my|our)\s+own\b"
        + @"|\bromani[sz](?:ed|ation)\b|\btransliterat(?:ed|ion)\b"
        + @"|\b(?:term|word|name|expression)s?\s+(?:is|are|was|were)\s+[^.]{1,40}?\bin\s+Korean\b|\(Korean:\s",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EnglishPattern();

    [GeneratedRegex(
        @"연구비|연구재단|학술연구조성|연구지원사업|연구과제"
        + @"|지원(?:을|으로)\s*(?:받아|받은|받았)[^.]*(?:연구|논문|글)"
        + @"|(?:연구|논문|글)[^.]*지원(?:을|으로)\s*(?:받아|받은|받았)"
        + @"|(?:감사|사의)(?:를|의\s*뜻을)?\s*(?:드린다|드립니다|표한다|표합니다)|감사드린다|감사드립니다"
        + @"|(?:발표|투고)한\s*(?:논문|글|원고)[^.]*(?:수정|보완|개고)"
        + @"|이\s*(?:논문|글)은[^.]*(?:수정|보완)한\s*것"
        + @"|역자\s*주|옮긴이\s*주|번역은\s*(?:모두\s*)?(?:필자|저자)"
        + @"|로마자\s*표기",
        RegexOptions.CultureInvariant)]
    private static partial Regex KoreanPattern();
}
