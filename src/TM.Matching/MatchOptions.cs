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
