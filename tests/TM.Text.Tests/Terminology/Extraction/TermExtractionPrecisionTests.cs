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

    [Fact]
    public void Extraction_on_the_seeds_is_reported()
    {
        var pairs = GoldPairs.Seeds();

        var precision = Report("seeds, learned lexicon", pairs, GoldPairs.Lexicon(pairs));
        Report("seeds, no lexicon", pairs, lexicon: null);

        Assert.True(precision >= 0, "reported only");
    }

    [Theory]
    [InlineData("101", "103", "105", "107", "109")]
    [InlineData("102", "104", "106", "108", "110")]
    public void Extraction_on_half_of_the_gold_documents_is_reported(params string[] documents)
    {
        var pairs = GoldPairs.Documents(doc => doc is not null && documents.Any(d => doc.StartsWith(d, StringComparison.Ordinal)));

        var precision = Report($"gold documents {string.Join(", ", documents)}, no lexicon", pairs, lexicon: null);

        Assert.True(precision >= 0, "reported only");
    }

    private double Report(string title, IReadOnlyList<ExtractionPair> pairs, ITranslationLexicon? lexicon)
    {
        var reference = ReferenceTerms.Load();
        var candidates = TermCandidateExtractor.Extract(pairs, lexicon: lexicon);
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
