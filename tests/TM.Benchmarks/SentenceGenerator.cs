using System.Globalization;
using System.Text;

namespace TM.Benchmarks;

/// <summary>
/// Makes Korean and English sentences shaped like the seed abstracts: Korean noun phrases with attached
/// particles, modifiers and connectives, ending in a verb in 다.; English sentences of function and content
/// words; both with years, counts and ordinals. Words come from Zipf-distributed vocabularies whose heads are
/// real words of the seeds' domain and whose long tails are pronounceable made-up words, so the statistics
/// an index sees (a few very common units, many rare ones) are those of a real memory. A <see cref="Topic"/>
/// gives the sentences of one document their recurring words.
/// </summary>
/// <remarks>Deterministic: the vocabularies depend only on the constructor's seed, the sentences on the <see cref="Random"/> passed in.</remarks>
internal sealed class SentenceGenerator
{
    public const int MinKoreanSyllables = 20;
    public const int MaxKoreanSyllables = 90;
    public const int MinEnglishWords = 10;
    public const int MaxEnglishWords = 40;

    private const int VocabularySize = 6_000;
    private const double ZipfExponent = 1.0;

    // A topic holds this many words, none from the head of the vocabulary (function words, the commonest nouns),
    // and supplies this share of a sentence's nouns (Korean) or words (English).
    private const int TopicSize = 40;
    private const int TopicMinRank = 100;
    private const double TopicShare = 0.35;

    // Frequent syllables of Korean prose; made-up nouns and substituted syllables are drawn from these.
    private const string CommonSyllables =
        "가각간갈감강개거건게겨결경계고공과관광교구국군권규그극근금기김나남내녀년노농누다단달담당대더덕도동되두드득들등라락란래략량러력련령로록론료류르리린" +
        "마만말망매면명모목무문물미민바박반발방배백범법변별병보복본부북분불비사산상새서석선설성세소속손송수숙순술시식신실심아안압야약양어업여역연열영예오온외요용우운원월위유육윤은음의이인일임" +
        "자작장재적전절점정제조족종주준중증지직진질집차착찬참창책처천철청체초총최추축출충치칙친칭타탁태토통투특파판패편평포표품풍피필하학한할함합항해핵행향허혁현협형호화확환활회효후훈휴흥";

    private static readonly string[] KoreanHeadNouns =
    [
        "전쟁", "휴전", "협상", "회담", "소련", "중국", "북한", "미국", "정책", "지도자", "스탈린", "김일성", "마오쩌둥", "군사분계선",
        "포로교환", "의제", "조건", "공세", "변화", "체제", "국제", "정치", "경제", "원조", "계획", "결정", "주장", "이익", "문제",
        "상황", "영향", "외국군", "철군", "유엔군", "대륙", "유럽", "한반도", "국가", "자료", "문서", "학자", "요인", "관계", "역량",
        "위치", "시간", "과정", "태도", "지원", "타결", "합의", "반발", "위험", "공격", "개혁", "기회", "결과", "사망", "작전", "전략",
        "대표단", "외교", "정부", "군대", "병력", "보고서", "연구", "분석", "기록", "시기", "지역", "국민", "사회", "역사", "중공",
    ];

    private static readonly string[] KoreanModifiers =
    [
        "대규모", "전면적인", "조속한", "막대한", "결정적인", "새로운", "중대한", "급격한", "국제적인", "일련의", "모든", "이러한", "원래의", "기존의",
    ];

    private static readonly string[] KoreanConnectives =
    [
        "결정하였고,", "주장하였지만,", "제안하면서", "동의하여", "위해", "통해", "대한", "인해", "처하게 되자,", "받아들이지 않을 경우", "나섰으며,", "바꾸면서",
    ];

    private static readonly string[] KoreanEndings =
    [
        "결정하였다.", "주장하였다.", "제안하였다.", "동의하였다.", "실패하였다.", "요청하였다.", "지속되었다.", "변화했다.", "체결되었다.",
        "개시했다.", "이루었다.", "빠졌다.", "바꾸었다.", "무시되었다.", "입증하려 한다.", "가능했다.", "중단해야만 한다.", "주장해왔다.",
    ];

    private static readonly string[] EnglishHeadWords =
    [
        "the", "of", "and", "to", "in", "a", "was", "that", "for", "on", "by", "with", "as", "his", "its", "from", "at", "which", "is",
        "were", "had", "not", "be", "this", "it", "their", "an", "also", "but", "would", "after", "been", "they", "other", "only", "have",
        "more", "into", "against", "than", "war", "soviet", "negotiations", "military", "government", "policy", "leaders", "stalin", "korean",
        "chinese", "north", "south", "union", "international", "political", "economic", "support", "decision", "terms", "forces", "troops",
        "position", "change", "system", "armistice", "ceasefire", "prisoners", "agreement", "conference", "proposal", "offensive", "defeat",
        "campaign", "withdrawal", "parallel", "demarcation", "line", "country", "countries", "state", "states", "time", "year", "years",
        "month", "plan", "aid", "interests", "relations", "history", "documents", "archives", "materials", "evidence", "study", "analysis",
        "death", "leadership", "reforms", "europe", "asia", "peninsula", "beijing", "moscow", "pyongyang", "washington", "delegation",
        "talks", "issue", "agenda", "sides", "foreign", "domestic", "structural", "realists", "scholars", "argued", "decided", "agreed",
        "accepted", "proposed", "insisted", "failed", "continued", "stopped", "changed", "sought", "tried", "made", "came", "led", "opened",
        "signed", "regained", "severely", "damaged", "massive", "rapid", "swift", "strong", "early", "original", "previous", "whole",
        "important", "effects", "level", "context", "conditions", "concessions", "progress", "momentum", "breakdown", "tradeoff", "purpose",
        "success", "commencement", "aftermath", "verge", "complete", "turn", "through", "even", "though", "while", "along", "rather",
        "however", "thus", "especially", "particularly", "already", "almost", "soon", "now", "away", "towards", "between", "both", "all",
        "except", "based", "own", "same", "new", "first", "last", "great", "power", "powers", "security", "council", "nations", "united",
        "american", "president", "general", "army", "battle", "front", "attack", "casualties", "civilians", "refugees", "economy", "industry",
    ];

    private static readonly string[] EnglishWordParts =
    [
        "con", "ter", "mi", "na", "tion", "pro", "ver", "al", "sta", "ble", "ment", "re", "de", "in", "ex", "ous", "ic", "ate", "or", "ly",
        "per", "com", "dis", "ca", "lo", "ri", "ty", "an", "ces", "sion", "vi", "mo", "ra", "pa", "ti", "ful", "ness", "ist", "ure", "um",
    ];

    private readonly string[] _koreanNouns;
    private readonly string[] _englishWords;
    private readonly ZipfSampler _koreanNounSampler;
    private readonly ZipfSampler _englishWordSampler;

    public SentenceGenerator(int vocabularySeed)
    {
        var random = new Random(vocabularySeed);
        _koreanNouns = BuildVocabulary(KoreanHeadNouns, random, r => MakeWord(r, CommonSyllables.Select(c => c.ToString()).ToArray(), r.Next(10) switch { < 6 => 2, < 9 => 3, _ => 4 }));
        _englishWords = BuildVocabulary(EnglishHeadWords, random, r => MakeWord(r, EnglishWordParts, r.Next(2, 5)));
        _koreanNounSampler = new ZipfSampler(_koreanNouns.Length, ZipfExponent);
        _englishWordSampler = new ZipfSampler(_englishWords.Length, ZipfExponent);
    }

    public static bool IsHangulSyllable(char c) => c is >= '\uAC00' and <= '\uD7A3';

    public char RandomSyllable(Random random) => CommonSyllables[random.Next(CommonSyllables.Length)];

    public string RandomEnglishWord(Random random) => _englishWords[_englishWordSampler.Next(random)];

    /// <summary>A new document topic: words from the middle and tail of the vocabularies, chosen uniformly.</summary>
    public Topic NewTopic(Random random) => new(
        [.. Enumerable.Range(0, TopicSize).Select(_ => _koreanNouns[random.Next(TopicMinRank, _koreanNouns.Length)])],
        [.. Enumerable.Range(0, TopicSize).Select(_ => _englishWords[random.Next(TopicMinRank, _englishWords.Length)])]);

    /// <summary>A Korean sentence of 20 to 90 Hangul syllables (plus numbers), ending in 다., on <paramref name="topic"/>.</summary>
    public string NextKorean(Random random, Topic topic)
    {
        var target = random.Next(MinKoreanSyllables, MaxKoreanSyllables + 1);
        var ending = KoreanEndings[random.Next(KoreanEndings.Length)];
        var budget = target - CountSyllables(ending);
        var text = new StringBuilder(target * 2);
        var syllables = 0;
        while (syllables < budget)
        {
            var start = text.Length;
            var roll = random.NextDouble();
            if (roll < 0.08)
                text.Append(KoreanNumber(random));
            else if (roll < 0.18)
                text.Append(KoreanModifiers[random.Next(KoreanModifiers.Length)]);
            else if (roll < 0.26 && syllables >= 10)
                text.Append(KoreanConnectives[random.Next(KoreanConnectives.Length)]);
            else
                AppendNounPhrase(text, random, topic);
            syllables += CountSyllables(text, start);
            text.Append(' ');
        }
        return text.Append(ending).ToString();
    }

    /// <summary>An English sentence of 10 to 40 words (some of them numbers), capitalised, ending in a full stop, on <paramref name="topic"/>.</summary>
    public string NextEnglish(Random random, Topic topic)
    {
        var words = random.Next(MinEnglishWords, MaxEnglishWords + 1);
        var text = new StringBuilder(words * 8);
        for (var i = 0; i < words; i++)
        {
            var roll = random.NextDouble();
            var word = roll < 0.06 ? EnglishNumber(random)
                : roll < 0.06 + TopicShare ? topic.EnglishWords[random.Next(topic.EnglishWords.Length)]
                : RandomEnglishWord(random);
            if (i == 0)
                word = char.ToUpperInvariant(word[0]) + word[1..];
            text.Append(word);
            if (i < words - 1)
                text.Append(random.NextDouble() < 0.06 ? ", " : " ");
        }
        return text.Append('.').ToString();
    }

    private void AppendNounPhrase(StringBuilder text, Random random, Topic topic)
    {
        var noun = random.NextDouble() < TopicShare
            ? topic.KoreanNouns[random.Next(topic.KoreanNouns.Length)]
            : _koreanNouns[_koreanNounSampler.Next(random)];
        text.Append(noun);
        // Particles follow the noun's last syllable: 은/이/을/으로 after a final consonant, 는/가/를/로 after a vowel.
        var final = (noun[^1] - '\uAC00') % 28 != 0;
        var roll = random.NextDouble();
        text.Append(roll switch
        {
            < 0.20 => "의",
            < 0.40 => final ? "을" : "를",
            < 0.55 => final ? "이" : "가",
            < 0.67 => final ? "은" : "는",
            < 0.79 => "에",
            < 0.87 => "에서",
            < 0.95 => final ? "으로" : "로",
            _ => "", // a bare noun: the first half of a compound such as 휴전 협상
        });
    }

    private static string KoreanNumber(Random random) => random.Next(7) switch
    {
        0 => random.Next(1945, 2000).ToString(CultureInfo.InvariantCulture) + "년",
        1 => random.Next(1, 13).ToString(CultureInfo.InvariantCulture) + "월",
        2 => random.Next(1, 32).ToString(CultureInfo.InvariantCulture) + "일",
        3 => random.Next(2, 100).ToString(CultureInfo.InvariantCulture) + "만",
        4 => "제" + random.Next(1, 10).ToString(CultureInfo.InvariantCulture) + "차",
        5 => random.Next(1, 6).ToString(CultureInfo.InvariantCulture) + "개년",
        _ => random.Next(10, 100).ToString(CultureInfo.InvariantCulture) + "선",
    };

    private static string EnglishNumber(Random random)
    {
        switch (random.Next(4))
        {
            case 0:
                return random.Next(1945, 2000).ToString(CultureInfo.InvariantCulture);
            case 1:
                return (random.Next(2, 1000) * 1000).ToString("N0", CultureInfo.InvariantCulture);
            case 2:
                var n = random.Next(1, 100);
                var suffix = (n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" };
                return n.ToString(CultureInfo.InvariantCulture) + suffix;
            default:
                return random.Next(2, 100).ToString(CultureInfo.InvariantCulture);
        }
    }

    private static string[] BuildVocabulary(string[] head, Random random, Func<Random, string> makeWord)
    {
        var words = new List<string>(VocabularySize);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in head)
        {
            if (seen.Add(word))
                words.Add(word);
        }
        while (words.Count < VocabularySize)
        {
            var word = makeWord(random);
            if (seen.Add(word))
                words.Add(word);
        }
        return [.. words];
    }

    private static string MakeWord(Random random, string[] parts, int count)
    {
        var word = new StringBuilder();
        for (var i = 0; i < count; i++)
            word.Append(parts[random.Next(parts.Length)]);
        return word.ToString();
    }

    private static int CountSyllables(string text) => text.Count(IsHangulSyllable);

    private static int CountSyllables(StringBuilder text, int start)
    {
        var count = 0;
        for (var i = start; i < text.Length; i++)
        {
            if (IsHangulSyllable(text[i]))
                count++;
        }
        return count;
    }
}
