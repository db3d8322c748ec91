using TM.Storage;

namespace TM.Server.Memory;

/// <summary>A stored segment, with what the store records about it, and how closely its source side (or one sentence of it) matches a query.</summary>
/// <param name="Record">The matched pair, its import, times and authors.</param>
/// <param name="Score">0..100; 100 only for a text identical to the query after normalisation and trusted by the aligner.</param>
public sealed record LookupHit(SegmentRecord Record, double Score)
{
    /// <summary>The matched pair.</summary>
    public StoredSegment Segment => Record.Segment;

    /// <summary>The sentence of the source side that matched (a fragment match), from 0; -1 when the whole segment matched.</summary>
    public int Sentence { get; init; } = -1;

    /// <summary>The sentence of the query this hit answers, when the query had several; null when it answers the whole query.</summary>
    public Range? QueryRange { get; init; }

    /// <summary>The penalties taken off <see cref="Score"/>; empty for none.</summary>
    public IReadOnlyList<ScorePenalty> Penalties { get; init; } = [];

    /// <summary>True when the server's aligner made the pair from a document.</summary>
    public bool Aligned { get; init; }

    /// <summary>True for a context match: identical to the query and stored between the same neighbours.</summary>
    public bool InContext { get; init; }

    /// <summary>True for a fragment match: one sentence of the stored source matched.</summary>
    public bool IsFragment => Sentence >= 0;
}
