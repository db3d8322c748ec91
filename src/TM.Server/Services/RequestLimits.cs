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

    /// <summary>Most sentences one LookupBatch takes: a large CAT file is sent in several batches.</summary>
    public const int MaxLookupBatchTexts = 1_000;

    /// <summary>Most matches one LookupBatch returns in all (texts × max_results): bounds the answer at ~20 MB.</summary>
    public const int MaxLookupBatchMatches = 20_000;

    /// <summary>Most concordance hits one call returns.</summary>
    public const int MaxConcordanceResults = 500;

    /// <summary>Concordance hits returned when the request says 0.</summary>
    public const int DefaultConcordanceResults = 20;

    /// <summary>Largest gRPC message the server accepts (a whole document travels in one): 16 MB.</summary>
    public const int MaxReceiveMessageSize = 16 * 1024 * 1024;

    /// <summary>Longest origin of a pair (a file or project name), and of a document's or an import's name.</summary>
    public const int MaxOriginLength = 1_000;

    /// <summary>Longest note of a pair (free text, or a TMX unit's metadata as JSON).</summary>
    public const int MaxNoteLength = 100_000;

    /// <summary>
    /// Most pairs in one ImportSegments stream. The stream is one transaction, so its pairs are held until it ends;
    /// this and <see cref="MaxSegmentsStreamCharacters"/> bound what one stream can make the server hold (about 50 MB
    /// at the limits). Larger sets go through ImportFile, which commits as it reads.
    /// </summary>
    public const int MaxSegmentsStreamPairs = 100_000;

    /// <summary>Most characters (both sides, notes and origins) in one ImportSegments stream: 8 million, 16 MB of text.</summary>
    public const long MaxSegmentsStreamCharacters = 8_000_000;

    /// <summary>
    /// Imports that run at once (documents, segment streams, files); one more is refused with RESOURCE_EXHAUSTED. Each
    /// holds at most ~50 MB (a segment stream at its limits; a file import holds a 4 MB pipe and two 5,000-unit batches),
    /// and SQLite commits one at a time anyway.
    /// </summary>
    public const int MaxConcurrentImports = 4;

    /// <summary>How long an import stream may go without a message before the server ends it (<see cref="IdleLimitedStreamReader{T}"/>).</summary>
    public static readonly TimeSpan ImportIdleTimeout = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Open connections the server accepts; more wait in the kernel's backlog. Each HTTP/2 connection buffers at most
    /// 1 MB of request data its calls have not read (Kestrel's connection flow-control window), so connections hold at
    /// most ~256 MB whatever their clients send.
    /// </summary>
    public const int MaxConnections = 256;
}
