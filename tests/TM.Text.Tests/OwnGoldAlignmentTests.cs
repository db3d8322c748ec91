using TM.Text;
using Xunit.Abstractions;

namespace TM.Text.Tests;

/// <summary>
/// The aligner against the documents written as an unseen test of it (Gold/Documents, gold in Gold/own-alignment.jsonl):
/// unlike the seeds, nothing in the glossary or the costs was tuned while looking at them.
/// </summary>
public sealed class OwnGoldAlignmentTests(ITestOutputHelper output)
{
    /// <summary>Issue 3's bar: bead F1 on every document.</summary>
    private const double Bar = 0.97;

    private const string PowRepatriation = "101_pow_repatriation.txt";
    private const string IncheonIntervention = "102_incheon_intervention.txt";
    private const string HeungnamEvacuation = "103_heungnam_evacuation.txt";
    private const string GenevaConference = "104_geneva_conference.txt";

    private static readonly DocumentAligner Aligner = new();

    // Each floor is the F1 measured when the test was written, rounded down to two decimals. 101 and 104 meet the bar:
    // in documents of 11 and 13 beads one wrong bead already drops F1 below 0.92, so their floor of 1.0 is the bar in
    // effect. The documents below the bar have a floor that guards against regressions while issue 3 is open; raise it
    // when the aligner improves. Why they miss:
    // 102 (0.857): the translator's added note ("Incheon appears as “Inchon” in most contemporary Western sources.",
    //   a 0-1 bead) is absorbed into the first bead as a 1-2, so that 1-1 and the 0-1 are both lost.
    // 103 (0.737): the untranslated Korean sentence about the five babies (a 1-0 bead) is glued to the next sentence as
    //   a 2-1 with "On 24 December 1950 …"; that pushes the second Korean sentence the same English sentence translates
    //   ("미처 배에 오르지 못한 …") into the next bead, a wrong 2-1 with "Setting operational reports …". The shift
    //   stops there: the last bead is right again.
    [Theory]
    [InlineData(PowRepatriation, 1.00)]
    [InlineData(IncheonIntervention, 0.85)]
    [InlineData(HeungnamEvacuation, 0.73)]
    [InlineData(GenevaConference, 1.00)]
    public void Own_gold_document_aligns_with_bead_F1_at_or_above_its_floor(string document, double floor)
    {
        var gold = Gold(document);

        var alignment = Aligner.Align(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Gold", "Documents", document)));
        var score = BeadEvaluator.Evaluate(alignment.Beads, gold);

        output.WriteLine($"{document}: {score}; {(score.F1 >= Bar ? "meets" : "below")} the bar {Bar:0.00}, floor {floor:0.00}");
        foreach (var bead in alignment.Beads)
        {
            var verdict = BeadEvaluator.Evaluate([bead], gold).Correct == 1 ? "ok " : "BAD";
            output.WriteLine($"  {verdict} {bead.Korean.Count}-{bead.English.Count} confidence {bead.Confidence:0.00}  " +
                $"{Abbreviate(bead.KoreanText)} | {Abbreviate(bead.EnglishText)}");
        }

        output.WriteLine("gold:");
        foreach (var bead in gold)
        {
            output.WriteLine($"      {bead.Korean.Count}-{bead.English.Count}  {Abbreviate(bead.KoreanText)} | {Abbreviate(bead.EnglishText)}");
        }

        Assert.NotEmpty(gold);
        Assert.True(score.F1 >= floor, $"{document}: {score}, below its floor {floor:0.00}");
    }

    private static IReadOnlyList<Bead> Gold(string document)
    {
        using var reader = new StreamReader(Path.Combine(AppContext.BaseDirectory, "Gold", "own-alignment.jsonl"));
        return GoldAlignmentReader.Read(reader, document);
    }

    private static string Abbreviate(string text) => text.Length <= 30 ? text : text[..30] + "…";
}
