namespace TM.Server.Memory;

/// <summary>A hit of one of a lookup's searches, before the answers are merged.</summary>
/// <param name="SegmentId">The matched pair.</param>
/// <param name="Sentence">The sentence of its source that matched; -1 for the whole segment.</param>
/// <param name="Score">The score, penalties taken off.</param>
/// <param name="QueryRange">The query sentence searched; null for the whole query.</param>
internal readonly record struct LookupCandidate(long SegmentId, int Sentence, double Score, Range? QueryRange)
{
    /// <summary>The penalties taken off the score; empty for none.</summary>
    public IReadOnlyList<ScorePenalty> Penalties { get; init; } = [];

    /// <summary>True when the whole stored segment is identical to the whole query (a raw score of 100).</summary>
    public bool IsIdentical { get; init; }
}
