using TM.Text;

namespace TM.Text.Tests;

/// <summary>
/// The charge a paired bead pays for a sentence that shares no anchor with the other side
/// (<see cref="AlignmentCosts.UncoveredSentence"/>), measured on the Heungnam abstract, whose Korean has a
/// sentence the English leaves out (the five babies born on the voyage).
/// </summary>
public sealed class MergeCoverageTests
{
    private const string Document = "103_heungnam_evacuation.txt";
    private const string Untranslated = "항해 도중 다섯 명의 아기가 태어났다는 일화는 이후 여러 증언집에 되풀이하여 수록되었다.";

    [Fact]
    public void An_untranslated_sentence_that_shares_nothing_with_its_neighbours_translation_is_left_unpaired()
    {
        var beads = Align(AlignmentOptions.Default);

        var unpaired = Assert.Single(beads, b => !b.IsPair);
        Assert.Equal([Untranslated], unpaired.Korean);
        Assert.True(unpaired.Confidence < 0.2);
        Assert.Equal(1.0, BeadEvaluator.Evaluate(beads, Gold()).F1);
    }

    [Fact]
    public void Without_the_charge_the_untranslated_sentence_is_glued_to_the_next_one()
    {
        var beads = Align(AlignmentOptions.Default with { Costs = AlignmentCosts.Default with { UncoveredSentence = 0 } });

        var merged = Assert.Single(beads, b => b.Korean.Contains(Untranslated));
        Assert.Equal(2, merged.Korean.Count);
        Assert.True(BeadEvaluator.Evaluate(beads, Gold()).F1 < 0.8);
    }

    private static IReadOnlyList<Bead> Align(AlignmentOptions options) =>
        new DocumentAligner(options).Align(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Gold", "Documents", Document))).Beads;

    private static IReadOnlyList<Bead> Gold()
    {
        using var reader = new StreamReader(Path.Combine(AppContext.BaseDirectory, "Gold", "own-alignment.jsonl"));
        return GoldAlignmentReader.Read(reader, Document);
    }
}
