namespace TM.Storage;

/// <summary>
/// An update or delete of a termbase entry that would lose someone's work: the entry changed since the version the
/// caller read.
/// </summary>
/// <param name="message">Which entry, and what to do, for a person.</param>
/// <param name="currentVersion">The entry's version now.</param>
public sealed class TermConflictException(string message, long currentVersion) : Exception(message)
{
    /// <summary>The entry's version now.</summary>
    public long CurrentVersion { get; } = currentVersion;
}
