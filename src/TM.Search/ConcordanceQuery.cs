namespace TM.Search;

/// <summary>A concordance search: a term, the memory and sides to search, and optional filters and paging.</summary>
/// <param name="MemoryId">The memory to search; hits never come from another one.</param>
/// <param name="Term">
/// What to find; leading and trailing whitespace is ignored. On the Korean side, an exact substring, case-insensitive:
/// "1951" finds "1951년", "전쟁" finds "한국전쟁의", one character finds every text holding it, and any whitespace
/// character in the term matches any one whitespace character. On the English side, whole words, case-insensitive,
/// several words an exact phrase; a trailing <c>*</c> makes the last word a prefix ("negotiat*"), and is dropped
/// on the Korean side (where a term already matches inside words).
/// </param>
/// <param name="Sides">The sides to search; <see cref="ConcordanceSides.Both"/> finds pairs where either side matches.</param>
/// <remarks>
/// The filters are <see cref="SegmentFilter"/>'s (origin, import, users, dates): they narrow the hits inside the index
/// (every hit counted in <see cref="ConcordanceHits.Total"/> passes them); null means "any".
/// </remarks>
public sealed record ConcordanceQuery(long MemoryId, string Term, ConcordanceSides Sides) : SegmentFilter(MemoryId)
{
    /// <summary>
    /// On the English side, also find the term's other word forms (Porter stems: "negotiation" finds
    /// "negotiations", "negotiated"; "China's" finds "China"). Default false: words as written. Ignored for a
    /// prefix term, whose prefix already covers the forms that share it.
    /// </summary>
    public bool EnglishWordForms { get; init; }

    /// <summary>Paging: only hits with an id above this one (the last id of the previous page); 0, the default, for the first page.</summary>
    public long AfterId { get; init; }

    /// <summary>The most ids to return (default 20); 0 returns only <see cref="ConcordanceHits.Total"/>.</summary>
    public int MaxHits { get; init; } = 20;
}
