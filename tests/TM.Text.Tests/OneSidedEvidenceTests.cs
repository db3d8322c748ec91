using TM.Text;
using Xunit.Abstractions;

namespace TM.Text.Tests;

/// <summary>
/// The two costs of issue 15 measured on the hand-aligned gold (the seeds and the documents of Gold/Documents): what a
/// sentence's wording says about it having no counterpart (<see cref="AlignmentCosts.OneSidedSentence"/>), and what two
/// sentences that share no anchor say about being a translation of each other (<see cref="AlignmentCosts.UnrelatedPair"/>).
/// The defaults must stay the figures measured here; a new gold document that moves them moves the defaults.
/// </summary>
public sealed class OneSidedEvidenceTests(ITestOutputHelper output)
{
    // The measured log ratios are rounded to one decimal in the defaults.
    private const double Tolerance = 0.06;

    [Fact]
    public void Unrelated_pair_charge_is_the_log_likelihood_ratio_of_sharing_nothing_in_the_gold()
    {
        int trueNone = 0, trueAll = 0, wrongNone = 0, wrongAll = 0;
        foreach (var pairing in HandAlignedGold.Pairings())
        {
            // Only pairings with something to say on both sides.
            if (pairing.Korean.ContentWords[pairing.K] < 3 || pairing.English.ContentWords[pairing.E] < 3)
            {
                continue;
            }

            var sharesNothing = !pairing.Korean.Anchors[pairing.K].Intersect(pairing.English.Anchors[pairing.E]).Any();
            if (pairing.IsTrue)
            {
                trueAll++;
                trueNone += sharesNothing ? 1 : 0;
            }
            else
            {
                wrongAll++;
                wrongNone += sharesNothing ? 1 : 0;
            }
        }

        // Add-one smoothing: two true pairs that share nothing are too few to take at face value.
        var measured = Math.Log((wrongNone + 1.0) / (wrongAll + 2) / ((trueNone + 1.0) / (trueAll + 2)));
        output.WriteLine($"1-1 sharing no anchor: {trueNone} of {trueAll} true pairs, {wrongNone} of {wrongAll} wrong pairs; log ratio {measured:0.00}");

        Assert.InRange(AlignmentCosts.Default.UnrelatedPair, measured - Tolerance, measured + Tolerance);
    }

    [Fact]
    public void One_sided_sentence_charge_is_the_log_odds_ratio_of_a_funding_note_being_unpaired_in_the_gold()
    {
        int matched = 0, matchedUnpaired = 0, all = 0, unpaired = 0;
        foreach (var gold in HandAlignedGold.Documents())
        {
            var (korean, english, koreanBead, englishBead) = HandAlignedGold.Sentences(gold);
            var (ko, en, _, _, _, _) = new SentenceAligner().Features(korean, english);
            for (var k = 0; k < korean.Count; k++)
            {
                Count(ko.OneSided[k], gold[koreanBead[k]].English.Count == 0);
            }

            for (var e = 0; e < english.Count; e++)
            {
                Count(en.OneSided[e], gold[englishBead[e]].Korean.Count == 0);
            }
        }

        var measured = Math.Log((matchedUnpaired + 1.0) / (matched - matchedUnpaired + 1.0) / ((double)unpaired / (all - unpaired)));
        output.WriteLine($"one-sided wording: {matchedUnpaired} of {matched} unpaired; all sentences: {unpaired} of {all} unpaired; log odds ratio {measured:0.00}");

        Assert.InRange(AlignmentCosts.Default.OneSidedSentence, measured - Tolerance, measured + Tolerance);

        void Count(bool oneSided, bool isUnpaired)
        {
            all++;
            unpaired += isUnpaired ? 1 : 0;
            if (oneSided)
            {
                matched++;
                matchedUnpaired += isUnpaired ? 1 : 0;
            }
        }
    }
}
