namespace TM.Interchange;

/// <summary>Where a delimited file keeps its two languages, as <see cref="DelimitedPairReader"/> found or was told.</summary>
/// <param name="HasHeader">Whether the first record is a header row rather than a segment pair.</param>
/// <param name="KoreanColumn">The 0-based column of the Korean text.</param>
/// <param name="EnglishColumn">The 0-based column of the English text.</param>
public sealed record DelimitedLayout(bool HasHeader, int KoreanColumn, int EnglishColumn);
