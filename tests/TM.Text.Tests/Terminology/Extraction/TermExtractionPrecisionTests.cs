using TM.Text.Terminology;
using Xunit.Abstractions;

namespace TM.Text.Tests.Terminology.Extraction;

/// <summary>
/// Issue 17's bar for term extraction: precision of the top 50 suggestions against the hand-made reference list
/// (Data/reference-terms.tsv, written before the extractor ran on these texts), on the pairs of the ten gold documents.
/// </summary>
public sealed class TermExtractionPrecisionTests(ITestOutputHelper output)
{
    private const double Bar = 0.8;

    [Fact]
    public void Extraction_on_the_gold_documents_has_precision_at_50_of_at_least_0_8()
    {
        var pairs = GoldPairs.Documents(static _ => true);

        var precision = Report("gold documents, learned lexicon", pairs, GoldPairs.Lexicon(pairs));
        Report("gold documents, no lexicon", pairs, lexicon: null);

        Assert.True(precision >= Bar, $"precision@50 {precision:0.000} is below the bar {Bar}");
    }

    private double Report(string title, IReadOnlyList<ExtractionPair> pairs, ITranslationLexicon? lexicon)
    {
        var reference = ReferenceTerms.Load();
        var candidates = TermCandidateExtractor.Extract(pairs, new TermExtractionOptions { MaxCandidates = 70 }, lexicon);
        var verdicts = candidates.Select(c => reference.Match(c.Korean, c.English)).ToList();
        var at20 = Precision(verdicts, 20);
        var at50 = Precision(verdicts, 50);
        output.WriteLine($"{title}: {pairs.Count} pairs, {candidates.Count} suggestions; precision@20 {at20:0.000}, precision@50 {at50:0.000}; " +
            $"{verdicts.Count(v => v is not null)} of {reference.Count} reference terms found");
        for (var i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            output.WriteLine($"  {i + 1,2} {(verdicts[i] is null ? "--" : "ok")} {c.Korean} = {c.English}  (f {c.Frequency}, {c.Score:0.0}, pairs {string.Join(",", c.ExamplePairIds)})");
        }

        return at50;
    }

    // Precision among the first k suggestions, or among all when there are fewer.
    private static double Precision(List<string?> verdicts, int k)
    {
        var top = verdicts.Take(k).ToList();
        return top.Count == 0 ? 0 : (double)top.Count(v => v is not null) / top.Count;
    }
}
