namespace TM.Matching;

/// <summary>What a search returns: at most <see cref="MaxResults"/> hits scoring at least <see cref="MinScore"/>.</summary>
public sealed record MatchOptions
{
    /// <summary>The largest <see cref="MaxResults"/> accepted: more is a scan, not a lookup.</summary>
    public const int MaxResultsLimit = 1000;

    /// <summary>The most hits to return, best first; 1 to <see cref="MaxResultsLimit"/>, default 5.</summary>
    public int MaxResults { get; init; } = 5;

    /// <summary>
    /// The lowest score to return, 0 to 100; default 50. Lower thresholds make searches slower: at 0 every
    /// segment qualifies.
    /// </summary>
    public double MinScore { get; init; } = 50;

    /// <summary>
    /// Restricts the search to the segments whose id this returns <see langword="true"/> for; <see langword="null"/>, the
    /// default, for every segment. The filter is applied inside the search: the result is the best
    /// <see cref="MaxResults"/> of the accepted segments (exactly what searching an index holding only them would
    /// return), not the accepted ones among the best of all, so a restricted lookup never returns fewer hits than
    /// qualify.
    /// </summary>
    /// <remarks>
    /// <para>
    /// It is called with the index's read lock held, only for segments that can still reach the threshold (after
    /// the count filter, before the edit distance), and from several threads at once: concurrent searches may share
    /// one options object, and <see cref="FuzzyIndex.SearchExhaustive"/> scans on every core. It must therefore be
    /// thread-safe, fast (a set or bitmap lookup), give the same answer for an id throughout a search, and not call
    /// the index. An exception it throws ends the search and reaches the caller.
    /// </para>
    /// <para>
    /// A delegate rather than an interface of this library: the caller's id set (a bitmap from the search index, a
    /// hash set, a predicate over ids) needs no adapter type and this library no dependency on it, and a delegate
    /// call costs what an interface call does, paid only per verified candidate. Null costs one comparison per
    /// candidate.
    /// </para>
    /// </remarks>
    public Func<int, bool>? Accepts { get; init; }

    internal void Validate()
    {
        if (MaxResults is < 1 or > MaxResultsLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxResults), MaxResults, $"MaxResults must be between 1 and {MaxResultsLimit}.");
        }

        if (!(MinScore is >= 0 and <= 100))
        {
            throw new ArgumentOutOfRangeException(nameof(MinScore), MinScore, "MinScore must be between 0 and 100.");
        }
    }
}
