namespace TM.Storage;

/// <summary>A segment pair as it is stored.</summary>
/// <param name="Id">The segment's row id: stable for the life of the segment, never reused.</param>
/// <param name="Korean">The Korean side.</param>
/// <param name="English">The English side.</param>
/// <param name="Origin">Where the pair came from; empty when unknown.</param>
/// <param name="Note">Free-form metadata; empty when none.</param>
/// <param name="Confidence">The aligner's confidence, 0..1.</param>
/// <param name="LowConfidence">True when the pair must never be offered as a 100% match.</param>
/// <param name="KoreanMarkup">The serialised inline tags of <paramref name="Korean"/>; empty when none.</param>
/// <param name="EnglishMarkup">The serialised inline tags of <paramref name="English"/>; empty when none.</param>
public sealed record StoredSegment(
    long Id,
    string Korean,
    string English,
    string Origin,
    string Note,
    double Confidence,
    bool LowConfidence,
    string KoreanMarkup = "",
    string EnglishMarkup = "")
{
    /// <summary>The pair's field values, in the order of the memory's definitions; empty for none.</summary>
    public IReadOnlyList<FieldValue> Fields { get; init => field = value ?? throw new ArgumentNullException(nameof(value)); } = [];
}
