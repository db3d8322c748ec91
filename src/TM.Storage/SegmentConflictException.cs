namespace TM.Storage;

/// <summary>
/// An edit or delete of one segment that would lose someone's work: the segment changed since the version the caller
/// read (another reviewer, or an import).
/// </summary>
public sealed class SegmentConflictException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What conflicts and what to do, for a person.</param>
    /// <param name="currentVersion">The segment's version now.</param>
    public SegmentConflictException(string message, long currentVersion)
        : base(message)
    {
        CurrentVersion = currentVersion;
    }

    /// <summary>The segment's version now.</summary>
    public long CurrentVersion { get; }
}
