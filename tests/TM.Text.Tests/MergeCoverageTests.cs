using TM.Text;

namespace TM.Text.Tests;

/// <summary>
/// The charge a paired bead pays for a sentence that shares no anchor with the other side
/// (<see cref="AlignmentCosts.UncoveredSentence"/>), measured on the Heungnam abstract, whose Korean has a
/// sentence the English leaves out (the five babies born on the voyage), and on the Incheon abstract, whose English has
/// a translator's note the Korean lacks (the spelling "Inchon").
/// </summary>
public sealed class MergeCoverageTests
{
    private const string Document = "103_heungnam_evacuation.txt";
    private const string Untranslated = "항해 도중 다섯 명의 아기가 태어났다는 일화는 이후 여러 증언집에 되풀이하여 수록되었다.";
    private const string NoteDocument = "102_incheon_intervention.txt";
    private const string TranslatorsNote = "Incheon appears as “Inchon” in most contemporary Western sources.";

    [Fact]
    public void An_untranslated_sentence_that_shares_nothing_with_its_neighbours_translation_is_left_unpaired()
    {
        var beads = Align(Document, AlignmentOptions.Default);

        var unpaired = Assert.Single(beads, b => !b.IsPair);
        Assert.Equal([Untranslated], unpaired.Korean);
        Assert.True(unpaired.Confidence < 0.2);
        Assert.Equal(1.0, BeadEvaluator.Evaluate(beads, Gold(Document)).F1);
    }

    // The untranslated sentence of 103 has a number ("다섯 명", five), and a number one side of a pair lacks costs as much
    // as the measured log ratio says (AlignmentCosts.NumberMismatch, 2.5): that alone keeps it unpaired, with or without
    // the charge. The translator's note of 102 has only a name its neighbour shares, so there the charge decides.
    [Fact]
    public void Without_the_charge_the_translators_note_is_glued_to_a_neighbour()
    {
        var withCharge = Align(NoteDocument, AlignmentOptions.Default);
        var without = Align(NoteDocument, AlignmentOptions.Default with { Costs = AlignmentCosts.Default with { UncoveredSentence = 0 } });

        Assert.Equal([TranslatorsNote], Assert.Single(withCharge, b => b.English.Contains(TranslatorsNote)).English);
        Assert.True(Assert.Single(without, b => b.English.Contains(TranslatorsNote)).IsPair);
        Assert.Equal(1.0, BeadEvaluator.Evaluate(withCharge, Gold(NoteDocument)).F1);
        Assert.True(BeadEvaluator.Evaluate(without, Gold(NoteDocument)).F1 < 0.9);
    }

    private static IReadOnlyList<Bead> Align(string document, AlignmentOptions options) =>
        new DocumentAligner(options).Align(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Gold", "Documents", document))).Beads;

    private static IReadOnlyList<Bead> Gold(string document)
    {
        using var reader = new StreamReader(Path.Combine(AppContext.BaseDirectory, "Gold", "own-alignment.jsonl"));
        return GoldAlignmentReader.Read(reader, document);
    }
}
