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
    private const string RidgwayCounteroffensive = "105_ridgway_counteroffensive.txt";
    private const string MacArthurDismissal = "106_macarthur_dismissal.txt";
    private const string NationalDefenseCorps = "107_national_defense_corps.txt";
    private const string GeojeCampRiot = "108_geoje_camp_riot.txt";
    private const string WarOrphans = "109_war_orphans.txt";
    private const string KoreanServiceCorps = "110_korean_service_corps.txt";

    private static readonly DocumentAligner Aligner = new();

    // Each floor is the F1 measured when the test was written, rounded down to two decimals; a document that meets the
    // bar has the floor 1.0, since in documents of 10 to 15 beads one wrong bead already drops F1 below 0.95. 102 and 103
    // used to miss: a translator's note (0-1) and an untranslated Korean sentence (1-0) were glued to a neighbour as a
    // 1-2 and a 2-1, because the length fitted better and empty beads are rarer. The aligner now charges a paired bead for a
    // sentence that shares no anchor with the other side (AlignmentCosts.UncoveredSentence) and reads romanised
    // Korean names (인천 ↔ Incheon, Inchon), which left the note about "Inchon" without a counterpart of its own.
    // 105 and 106 were written before that work as a held-out check and were not tuned to afterwards. Before it they
    // scored 0.897 and 0.880; 105 then met the bar. 106 still missed: the translator's note "The hearings ran for seven
    // weeks and produced some two million words of testimony." (0-1) was merged with the next sentence, on Bradley's
    // testimony, because the glossary matched "testimony" but not "testified". Glossary words now match by English word
    // family (EnglishWordFamily: testify, testified, testimony; negotiate, negotiators), and 106 scores 1.000 — but it
    // pointed at that weakness, so it is no clean test of the fix. 107 is: written and scored (1.000) before the change,
    // and unchanged by it. 108-110 were written for issue 15, before its changes, in the seeds' style: English paragraphs
    // that end with a funding note, an acknowledgment or a translator's note beside a Korean concluding sentence the English
    // leaves out, a "revised version of" note, and 만-numbers with comma groups (7만 5,823명 ↔ 75,823). Before: 1.000, 0.857
    // (the Korean conclusion paired with the funding note at 0.20) and 0.455. After the one-sided prior and the charge for
    // a pair that shares nothing (AlignmentCosts.OneSidedSentence, UnrelatedPair): 1.000, 1.000 and 0.522. 110 still misses: its true pair "이들은 등에 지게를 지고 물자를
    // 날랐기 때문에…" ↔ "Because they carried supplies on their backs…" shares no anchor (one of the two such 1-1 pairs in
    // the gold), so the untranslated sentence beside it and the note on the A-frame after it are paired in its place.
    // Counting anchors within the band rather than the whole document (SentenceAligner.DiscountCommonAnchors) left every
    // document here unchanged, as did number and cognate weights measured as log ratios on the gold with English numbers
    // spelled up to ninety-nine read (AnchorWeightEvidenceTests). Native Korean numbers above twelve, read the same way,
    // gave 110's untranslated sentence on the porters' ages (열다섯 살) a number its wrong partner lacks: 0.522 → 0.609, the
    // sentence now stands alone, but the true pair on the A-frame is still merged with its neighbour. Costs that would repair 110 (likelier 1-0 and 0-1 beads, a dearer uncovered sentence) split
    // the true pairs of 106 or 107 that share little, as the remarks of AlignmentCosts measure. What repaired it was a general
    // glossary of 590 concepts instead of 171 (0.609 → 0.880: the pair on the A-frame shares "supplies") and a Latin gloss
    // such as 한국노무단(Korean Service Corps) counted at the ratio the English gives it (0.880 → 1.000: the pair on the
    // founding of the corps no longer looks too short for its English without the translator's note glued on).
    [Theory]
    [InlineData(PowRepatriation, 1.00)]
    [InlineData(IncheonIntervention, 1.00)]
    [InlineData(HeungnamEvacuation, 1.00)]
    [InlineData(GenevaConference, 1.00)]
    [InlineData(RidgwayCounteroffensive, 1.00)]
    [InlineData(MacArthurDismissal, 1.00)]
    [InlineData(NationalDefenseCorps, 1.00)]
    [InlineData(GeojeCampRiot, 1.00)]
    [InlineData(WarOrphans, 1.00)]
    [InlineData(KoreanServiceCorps, 1.00)]
    public void Own_gold_document_aligns_with_bead_F1_at_or_above_its_floor(string document, double floor) =>
        AssertAlignsAtOrAbove("Documents", "own-alignment.jsonl", document, floor);

    // 111-113 were written on 2026-12-07, after issue 15's cost changes and before the general glossary was broadened, by
    // an engineer who did not write the glossary entries, to judge whether what was built for 101-110 generalises: a massacre of
    // refugees and its investigation (a romanisation note, a funding note beside an untranslated aim), the wartime
    // capital (1-2 and 2-1 merges, an acknowledgment), the release of anti-communist prisoners (만-numbers, merges in
    // both directions, a note on romanisation). Measured on the aligner as it stood before the glossary change: 1.000 each;
    // after it and the Latin gloss length: 1.000 each. 114 (the Military Armistice Commission: a Hanja gloss, a 2-1, a
    // funding note, key words) and 115 (the occupation of Seoul: an untranslated sentence, a translator's note on the Korean
    // term for those who stayed behind) were written after those changes: 1.000 and 0.824, the note glued to the next pair
    // as a 1-2, since it shares nothing and has no anchor of its own to be charged for. Notes on how Korean words are written
    // ("The term is jallyu-pa in Korean", "romanised according to") then joined the one-sided wording (OneSidedSentence):
    // 115 1.000, so 115 is development data now; 114 was not touched by that change. 116 (the Mutual Defense Treaty: a
    // 1-2, a 2-1, a Korean funding note) and 117 (the January 1951 retreat: a 2-1, an English sentence added at the end)
    // were written after all of it, their beads decided before the aligner saw them: 1.000 each.
    // They are kept apart from own-alignment.jsonl so that no weight is ever measured on them (AnchorWeightEvidenceTests
    // and OneSidedEvidenceTests read the other gold) and the long benchmark document stays comparable.
    [Theory]
    [InlineData("111_nogeunri_incident.txt", 1.00)]
    [InlineData("112_busan_wartime_capital.txt", 1.00)]
    [InlineData("113_anticommunist_pow_release.txt", 1.00)]
    [InlineData("114_military_armistice_commission.txt", 1.00)]
    [InlineData("115_occupation_of_seoul.txt", 1.00)]
    [InlineData("116_mutual_defense_treaty.txt", 1.00)]
    [InlineData("117_january_fourth_retreat.txt", 1.00)]
    public void Held_out_document_aligns_with_bead_F1_at_or_above_its_floor(string document, double floor) =>
        AssertAlignsAtOrAbove("HeldOut", "heldout-alignment.jsonl", document, floor);

    private void AssertAlignsAtOrAbove(string folder, string goldFile, string document, double floor)
    {
        IReadOnlyList<Bead> gold;
        using (var reader = new StreamReader(Path.Combine(AppContext.BaseDirectory, "Gold", goldFile)))
        {
            gold = GoldAlignmentReader.Read(reader, document);
        }

        var alignment = Aligner.Align(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Gold", folder, document)));
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

    private static string Abbreviate(string text) => text.Length <= 30 ? text : text[..30] + "…";
}
