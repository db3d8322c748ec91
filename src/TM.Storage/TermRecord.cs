namespace TM.Storage;

/// <summary>A stored termbase entry: what it says, where it lives, who wrote it when, and its version.</summary>
/// <param name="Id">The entry's id; never reused after a delete.</param>
/// <param name="MemoryId">The memory whose termbase holds it.</param>
/// <param name="Content">The terms, variants, part of speech, note and source.</param>
/// <param name="Created">When it was added.</param>
/// <param name="CreatedBy">The name of the key that added it; empty on a server without keys.</param>
/// <param name="Changed">When it was last changed (equal to <paramref name="Created"/> until then).</param>
/// <param name="ChangedBy">The name of the key that last changed it.</param>
/// <param name="Version">1 when added, one more at every change: an update or delete names the version it read.</param>
public sealed record TermRecord(
    long Id,
    long MemoryId,
    TermContent Content,
    DateTimeOffset Created,
    string CreatedBy,
    DateTimeOffset Changed,
    string ChangedBy,
    long Version);
