using BenchmarkDotNet.Attributes;
using TM.Analysis;
using TM.Matching;

namespace TM.Benchmarks;

/// <summary>
/// The per-pair costs under everything else: scoring one seed-length pair (what brute force pays per segment
/// and the index pays per verified candidate) and analyzing one seed sentence into units (what every query
/// and every imported segment pays once).
/// </summary>
/// <remarks>Public and unsealed because BenchmarkDotNet generates a runner around it.</remarks>
[MemoryDiagnoser]
public class FuzzyScorerBenchmarks
{
    // A seed sentence and a revision of it: a number changed, a phrase reworded, a word dropped.
    private const string Korean =
        "1951년 5월 말 제5차 전역 직후 북중연합군이 전면적인 패배 위험에 처하게 되자, 마오쩌둥은 협상을 통해 전쟁을 끝낼 것을 결정하였다.";

    private const string KoreanRevised =
        "1952년 5월 말 제5차 전역 이후 북중연합군이 전면적 패배 위험에 처하게 되자, 마오쩌둥은 협상으로 전쟁을 끝낼 것을 결정하였다.";

    private const string English =
        "While proposing the military demarcation line along the 38th parallel and the withdrawal of foreign military troops as the terms for negotiations, " +
        "Mao pledged Kim the resumption of military offensive if the counterparts would not accept the terms, trying to win over Kim's opinion.";

    private const string EnglishRevised =
        "While proposing the demarcation line along the 38th parallel and the withdrawal of all foreign troops as the terms for the negotiations, " +
        "Mao promised Kim the resumption of the military offensive if the other side would not accept the terms, trying to win Kim's opinion.";

    private readonly FuzzyScorer _scorer = new();
    private readonly TermDictionary _terms = new();

    [GlobalSetup]
    public void Setup()
    {
        // Queries look their units up in a dictionary the memory filled; fill it with the sentences' own units.
        MatchAnalyzer.GetUnitIds(Korean, _terms, addNewTerms: true);
        MatchAnalyzer.GetUnitIds(English, _terms, addNewTerms: true);
    }

    [Benchmark]
    public double Score_korean_pair() => _scorer.Score(Korean, KoreanRevised);

    [Benchmark]
    public double Score_english_pair() => _scorer.Score(English, EnglishRevised);

    [Benchmark]
    public int[] Analyze_korean_sentence() => MatchAnalyzer.GetUnitIds(KoreanRevised, _terms, addNewTerms: false);

    [Benchmark]
    public int[] Analyze_english_sentence() => MatchAnalyzer.GetUnitIds(EnglishRevised, _terms, addNewTerms: false);

    [Benchmark]
    public string Normalize_korean_sentence() => TextNormalizer.Normalize(KoreanRevised);
}
