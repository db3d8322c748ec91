namespace TM.Storage;

/// <summary>A Korean-English pair to store.</summary>
/// <param name="Korean">The Korean side; must not be empty.</param>
/// <param name="English">The English side; must not be empty.</param>
/// <param name="Origin">Where the pair came from (document name, file, project); empty when unknown.</param>
/// <param name="Note">Free-form metadata kept with the pair; empty when none.</param>
/// <param name="Confidence">The aligner's confidence in the pair, 0..1; 1 for pairs aligned by a person.</param>
/// <param name="LowConfidence">True when the pair must never be offered as a 100% match.</param>
/// <param name="KoreanMarkup">The inline tags behind the placeholders of <paramref name="Korean"/>, serialised by the caller; empty when none.</param>
/// <param name="EnglishMarkup">The inline tags behind the placeholders of <paramref name="English"/>; empty when none.</param>
public sealed record SegmentInput(
    string Korean,
    string English,
    string Origin = "",
    string Note = "",
    double Confidence = 1.0,
    bool LowConfidence = false,
    string KoreanMarkup = "",
    string EnglishMarkup = "")
{
    /// <summary>The pair's field values, checked by the caller against the memory's definitions; empty for none.</summary>
    public IReadOnlyList<FieldValue> Fields { get; init => field = value ?? throw new ArgumentNullException(nameof(value)); } = [];
}
