namespace TM.Text.Internal;

/// <summary>A bead as sentence index ranges into the two sides, with its confidence.</summary>
internal readonly record struct AlignedBead(int KoreanStart, int KoreanCount, int EnglishStart, int EnglishCount, double Confidence);
