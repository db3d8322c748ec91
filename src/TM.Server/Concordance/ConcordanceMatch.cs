using TM.Search;
using TM.Storage;

namespace TM.Server.Concordance;

/// <summary>One concordance hit as it goes out: the stored segment, both sides rendered, and where the term is in each.</summary>
/// <param name="Record">The segment and what the store records about it.</param>
/// <param name="Korean">The Korean side as plain text (inline tags left out); the spans point into it.</param>
/// <param name="English">The English side as plain text.</param>
/// <param name="KoreanTmx">The Korean side as TMX inline content, tags in place.</param>
/// <param name="EnglishTmx">The English side as TMX inline content.</param>
/// <param name="KoreanSpans">Where the term occurs in <paramref name="Korean"/>; empty when that side was not searched or does not hold it.</param>
/// <param name="EnglishSpans">Where the term occurs in <paramref name="English"/>.</param>
public sealed record ConcordanceMatch(
    SegmentRecord Record,
    string Korean,
    string English,
    string KoreanTmx,
    string EnglishTmx,
    IReadOnlyList<TextSpan> KoreanSpans,
    IReadOnlyList<TextSpan> EnglishSpans);
