using TM.Storage;
using TM.Text;

namespace TM.Server.Memory;

/// <summary>A parallel document turned into stored segment pairs.</summary>
/// <param name="Alignment">What the aligner made of the document.</param>
/// <param name="Outcome">What the store committed.</param>
public sealed record DocumentImport(DocumentAlignment Alignment, ImportOutcome Outcome)
{
    /// <summary>Beads below this confidence are stored flagged: searchable, but never offered as 100%.</summary>
    public const double LowConfidenceThreshold = 0.5;

    /// <summary>The pairs to store for an alignment: every bead with both sides; 1-0 and 0-1 beads are left out.</summary>
    public static IReadOnlyList<SegmentInput> PairsOf(DocumentAlignment alignment, string origin)
    {
        var pairs = new List<SegmentInput>(alignment.Beads.Count);
        foreach (var bead in alignment.Beads)
        {
            if (bead.IsPair)
                pairs.Add(new SegmentInput(bead.KoreanText, bead.EnglishText, origin, "", bead.Confidence, bead.Confidence < LowConfidenceThreshold));
        }
        return pairs;
    }
}
