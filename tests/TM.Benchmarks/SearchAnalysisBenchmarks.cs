using BenchmarkDotNet.Attributes;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using TM.Search.Internal;

namespace TM.Benchmarks;

/// <summary>
/// What the search index's analysis costs per side of a seed-length pair before Lucene inverts the tokens (Lucene
/// then spends ~0.6 µs per token, so these are the small part of a pair's ~100 µs; the concordance benchmark has the
/// whole).
/// </summary>
/// <remarks>Public and unsealed because BenchmarkDotNet generates a runner around it.</remarks>
[MemoryDiagnoser]
public class SearchAnalysisBenchmarks
{
    private const string Korean =
        "1951년 5월 말 제5차 전역 직후 북중연합군이 전면적인 패배 위험에 처하게 되자, 마오쩌둥은 협상을 통해 전쟁을 끝낼 것을 결정하였다.";

    private const string English =
        "While proposing the military demarcation line along the 38th parallel and the withdrawal of foreign military troops as the terms for negotiations, " +
        "Mao pledged Kim the resumption of military offensive if the counterparts would not accept the terms, trying to win over Kim's opinion.";

    [Benchmark]
    public int Korean_substring_grams() => Count(SearchFields.KoreanAnalyzer, SearchFields.Korean, Korean);

    [Benchmark]
    public int English_words_and_word_form_keys() => Count(SearchFields.EnglishAnalyzer, SearchFields.English, English);

    private static int Count(Analyzer analyzer, string field, string text)
    {
        using TokenStream stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        int characters = 0;
        while (stream.IncrementToken())
        {
            characters += term.Length;
        }

        stream.End();
        return characters;
    }
}
