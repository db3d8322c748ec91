using TM.Text.Internal;

namespace TM.Text;

/// <summary>
/// A small built-in table of names and terms whose Korean and English forms share nothing on the surface:
/// countries and their capitals (used for their governments: 소련 ↔ Moscow, 중국 ↔ Beijing), organisations, and
/// people and events of modern Korean history. It gives the aligner anchors where numbers are missing; it is
/// deliberately modest and generic, and a learned dictionary replaces or complements it through
/// <see cref="ITranslationLexicon"/>.
/// </summary>
/// <remarks>
/// "38선 ↔ 38th parallel" is not in the table: <see cref="NumberAnchorExtractor"/> already reads both as the
/// ordinal 38, and one fact should not count twice.
/// </remarks>
public sealed class KnownTermsLexicon : ITranslationLexicon
{
    // key | Korean forms | English forms. English forms in lowercase match any case; a capital makes the form
    // case-sensitive. A capital stands for its country, as diplomatic history writes it, so it shares the key.
    private static readonly string[] Table =
    [
        "stalin | 스탈린 | Stalin",
        "mao | 마오쩌둥, 마오쩌뚱, 모택동, 마오 | Mao Zedong, Mao Tse-tung, Mao",
        "kim-il-sung | 김일성 | Kim Il-sung, Kim Il Sung, Kim",
        "kim-jong-il | 김정일 | Kim Jong-il, Kim Jong Il",
        "kim-jong-un | 김정은 | Kim Jong-un, Kim Jong Un",
        "syngman-rhee | 이승만 | Syngman Rhee, Rhee",
        "park-chung-hee | 박정희 | Park Chung-hee, Park Chung Hee",
        "truman | 트루먼 | Truman",
        "eisenhower | 아이젠하워 | Eisenhower",
        "macarthur | 맥아더 | MacArthur",
        "zhou-enlai | 저우언라이, 주은래 | Zhou Enlai, Chou En-lai",
        "khrushchev | 흐루쇼프, 흐루시초프 | Khrushchev",
        "lenin | 레닌 | Lenin",
        "ussr | 소련, 구소련, 소비에트, 모스크바 | Soviet Union, Soviet, USSR, U.S.S.R., Moscow",
        "russia | 러시아 | Russia, Russian",
        "china | 중국, 중공, 중화인민공화국, 베이징, 북경 | China, Chinese, PRC, Beijing, Peking",
        "north-korea | 북한, 평양 | North Korea, North Korean, DPRK, Pyongyang",
        "korea | 한국, 남한, 대한민국, 한반도, 서울 | Korea, Korean, South Korea, South Korean, ROK, Seoul",
        "united-states | 미국, 워싱턴 | United States, U.S., US, USA, America, American, Washington",
        "japan | 일본, 도쿄 | Japan, Japanese, Tokyo",
        "taiwan | 대만, 타이완 | Taiwan, Taiwanese",
        "britain | 영국, 런던 | Britain, British, United Kingdom, UK, London",
        "france | 프랑스 | France, French",
        "germany | 독일, 베를린 | Germany, German, Berlin",
        "europe | 유럽 | Europe, European",
        "asia | 아시아 | Asia, Asian",
        "un | 유엔, 국제연합 | United Nations, UN, U.N.",
        "nato | 나토, 북대서양조약기구 | NATO",
        "korean-war | 한국전쟁, 한국 전쟁, 6·25전쟁, 6·25 전쟁 | Korean War",
        "cold-war | 냉전 | Cold War",
        "world-war-2 | 제2차 세계대전, 제2차 세계 대전, 2차 대전 | World War II, Second World War",
        "armistice | 휴전, 정전 | armistice, cease-fire, ceasefire, truce",
        "communist-party | 공산당 | Communist Party",

    ];

    private readonly TermMatcher korean;
    private readonly TermMatcher english;

    private KnownTermsLexicon()
    {
        var koreanForms = new List<(string, string)>();
        var englishForms = new List<(string, string)>();
        foreach (var row in Table)
        {
            var columns = row.Split('|', StringSplitOptions.TrimEntries);
            foreach (var form in columns[1].Split(',', StringSplitOptions.TrimEntries))
            {
                koreanForms.Add((form, columns[0]));
            }

            foreach (var form in columns[2].Split(',', StringSplitOptions.TrimEntries))
            {
                englishForms.Add((form, columns[0]));
            }
        }

        korean = new TermMatcher(koreanForms, Language.Korean);
        english = new TermMatcher(englishForms, Language.English);
    }

    /// <summary>The one instance; the table is fixed.</summary>
    public static KnownTermsLexicon Instance { get; } = new();

    /// <inheritdoc/>
    public IReadOnlyList<string> FindTerms(string sentence, Language language)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        return language == Language.Korean ? korean.Find(sentence) : english.Find(sentence);
    }
}
