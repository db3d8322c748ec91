namespace TM.Server.Services;

/// <summary>The sizes the API accepts, stated once so that errors and docs agree.</summary>
public static class RequestLimits
{
    /// <summary>Longest sentence accepted for Lookup and for each side of a pair: a long paragraph, far past any real sentence.</summary>
    public const int MaxSentenceLength = 10_000;

    /// <summary>Longest memory name.</summary>
    public const int MaxMemoryNameLength = 100;

    /// <summary>Most matches one Lookup returns.</summary>
    public const int MaxLookupResults = 100;

    /// <summary>Matches returned when the request says 0.</summary>
    public const int DefaultLookupResults = 5;

    /// <summary>Minimum score applied when the request says 0.</summary>
    public const double DefaultMinScore = 50;

    /// <summary>Most concordance hits one call returns.</summary>
    public const int MaxConcordanceResults = 500;

    /// <summary>Concordance hits returned when the request says 0.</summary>
    public const int DefaultConcordanceResults = 20;

    /// <summary>Largest gRPC message the server accepts (a whole document travels in one): 16 MB.</summary>
    public const int MaxReceiveMessageSize = 16 * 1024 * 1024;
}
