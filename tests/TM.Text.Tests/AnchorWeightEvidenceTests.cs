using TM.Text;
using Xunit.Abstractions;

namespace TM.Text.Tests;

/// <summary>
/// The weights of number and cognate anchors measured on the hand-aligned gold, as log-likelihood ratios: how much likelier a
/// true 1-1 pair is than a wrong pairing of sentences at most two beads apart to share such an anchor (the reward,
/// <see cref="AlignmentCosts.NumberMatch"/>, <see cref="AlignmentCosts.CognateMatch"/>), and how much likelier a wrong
/// pairing is to have one on one side only (the charge, <see cref="AlignmentCosts.NumberMismatch"/>,
/// <see cref="AlignmentCosts.CognateMismatch"/>). The defaults must stay the figures measured here.
/// </summary>
public sealed class AnchorWeightEvidenceTests(ITestOutputHelper output)
{
    // The measured log ratios are rounded to one decimal in the defaults.
    private const double Tolerance = 0.06;

    [Fact]
    public void Number_weights_are_the_log_likelihood_ratios_measured_on_the_gold()
    {
        var (shared, oneSided) = Measure("#");

        Assert.InRange(AlignmentCosts.Default.NumberMatch, shared - Tolerance, shared + Tolerance);
        Assert.InRange(AlignmentCosts.Default.NumberMismatch, oneSided - Tolerance, oneSided + Tolerance);
    }

    [Fact]
    public void Cognate_weights_are_the_log_likelihood_ratios_measured_on_the_gold()
    {
        var (shared, oneSided) = Measure("c:");

        Assert.InRange(AlignmentCosts.Default.CognateMatch, shared - Tolerance, shared + Tolerance);
        Assert.InRange(AlignmentCosts.Default.CognateMismatch, oneSided - Tolerance, oneSided + Tolerance);
    }

    /// <summary>
    /// Counts, over every true 1-1 pair and every wrong pairing of sentences at most two beads apart, the anchors of one kind
    /// on either side and how many of them both sides have; returns the log ratios of sharing and of not sharing, add-one
    /// smoothed.
    /// </summary>
    private (double Shared, double OneSided) Measure(string kind)
    {
        int trueShared = 0, trueAll = 0, wrongShared = 0, wrongAll = 0;
        foreach (var pairing in HandAlignedGold.Pairings())
        {
            var koreanAnchors = pairing.Korean.Anchors[pairing.K].Where(id => pairing.Keys[id].StartsWith(kind, StringComparison.Ordinal)).ToHashSet();
            var englishAnchors = pairing.English.Anchors[pairing.E].Where(id => pairing.Keys[id].StartsWith(kind, StringComparison.Ordinal)).ToHashSet();
            var all = koreanAnchors.Union(englishAnchors).Count();
            var shared = koreanAnchors.Intersect(englishAnchors).Count();
            if (pairing.IsTrue)
            {
                (trueAll, trueShared) = (trueAll + all, trueShared + shared);
            }
            else
            {
                (wrongAll, wrongShared) = (wrongAll + all, wrongShared + shared);
            }
        }

        var sharedRatio = Math.Log((trueShared + 1.0) / (trueAll + 2) / ((wrongShared + 1.0) / (wrongAll + 2)));
        var oneSidedRatio = Math.Log((wrongAll - wrongShared + 1.0) / (wrongAll + 2) / ((trueAll - trueShared + 1.0) / (trueAll + 2)));
        output.WriteLine($"{kind} anchors: {trueShared} of {trueAll} shared in true pairs, {wrongShared} of {wrongAll} in wrong ones; " +
            $"log ratios {sharedRatio:0.00} shared, {oneSidedRatio:0.00} one side only");
        return (sharedRatio, oneSidedRatio);
    }
}
