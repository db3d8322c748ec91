using System.Text;

namespace TM.Search.Tests;

/// <summary>
/// Realistic Korean segment texts: stems with particles and endings, numbers such as 1951년 and 제5차, Latin words
/// in any case (UN, NATO), Han glosses (休戰會談), punctuation; plus the Korean sentences of the seed documents.
/// Seeded, so a failure reproduces.
/// </summary>
internal static class KoreanCorpus
{
    private static readonly string[] Stems =
    [
        "전쟁", "협상", "휴전", "회담", "휴전협정", "군사분계선", "외국군", "철군", "중국", "소련", "북한", "스탈린", "마오쩌둥",
        "김일성", "유엔군", "공세", "포로", "교환", "포로교환", "의제", "합의", "경제", "원조", "지도자", "정책", "변화", "국제",
        "체제", "결정", "조건", "주장", "이익", "과정", "시간", "상태", "반발", "실패", "타격", "전략", "문제", "이견", "계획",
        "지원", "요청", "영향", "학자", "요인", "자료", "문서", "작전", "기회", "한국전쟁", "정전", "협정", "전선", "판문점",
    ];

    private static readonly string[] Particles = ["", "", "은", "는", "이", "가", "을", "를", "의", "에", "에서", "으로", "와", "과", "도", "만"];

    private static readonly string[] Endings = ["하였다.", "했다.", "되었다.", "하려 하였다.", "할 수 있었다.", "이었다.", "한다", "되자,"];

    private static readonly string[] Numbers = ["1950년", "1951년", "1952년", "1953년", "6월", "7월 27일", "38선", "제5차", "17만", "3.5", "6·25", "1951"];

    private static readonly string[] Latin = ["UN", "un", "Un", "NATO", "nato", "USSR", "Stalin", "PoW", "MIG-15"];

    private static readonly string[] Han = ["休戰會談", "韓國", "戰爭", "休戰", "中國", "會談"];

    public static List<string> Generate(Random random, int count)
    {
        var texts = new List<string>(count);
        string[] seeds = SeedSentences();
        for (int i = 0; i < count; i++)
        {
            texts.Add(seeds.Length > 0 && random.Next(10) == 0 ? seeds[random.Next(seeds.Length)] : Sentence(random));
        }

        return texts;
    }

    public static string Sentence(Random random)
    {
        var builder = new StringBuilder();
        int words = random.Next(3, 12);
        for (int w = 0; w < words; w++)
        {
            if (w > 0)
            {
                builder.Append(' ');
            }

            int kind = random.Next(20);
            if (kind == 0)
            {
                builder.Append(Numbers[random.Next(Numbers.Length)]);
            }
            else if (kind == 1)
            {
                builder.Append(Latin[random.Next(Latin.Length)]).Append(Particles[random.Next(Particles.Length)]);
            }
            else if (kind == 2)
            {
                // A Han gloss after its Korean word, as in 휴전회담(休戰會談).
                builder.Append(Stems[random.Next(Stems.Length)]).Append('(').Append(Han[random.Next(Han.Length)]).Append(')');
            }
            else
            {
                builder.Append(Stems[random.Next(Stems.Length)]).Append(Particles[random.Next(Particles.Length)]);
            }
        }

        builder.Append(' ').Append(Endings[random.Next(Endings.Length)]);
        return builder.ToString();
    }

    /// <summary>Korean sentences of the documents in seeds/ (found upwards from the test's directory), or none.</summary>
    private static string[] SeedSentences()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            string seeds = Path.Combine(directory.FullName, "seeds");
            if (Directory.Exists(seeds))
            {
                return Directory.EnumerateFiles(seeds, "*.txt")
                    .SelectMany(File.ReadLines)
                    .Where(line => line.Any(c => c is >= '가' and <= '힣'))
                    .SelectMany(line => line.Split(". ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    .Where(sentence => sentence.Length > 0)
                    .ToArray();
            }
        }

        return [];
    }
}
