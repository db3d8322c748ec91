namespace TM.Search;

/// <summary>
/// Which of one memory's segments to keep, for <see cref="SegmentSearchIndex.MatchingIds"/> (e.g. to restrict a fuzzy
/// lookup to one document, one import, one user's pairs or a date range); a <see cref="ConcordanceQuery"/> is one with a
/// term besides, so both read the conditions the same way. Every condition given must hold; null means "any".
/// </summary>
/// <param name="MemoryId">The memory; segments of other memories are never included.</param>
public record SegmentFilter(long MemoryId)
{
    /// <summary>Only pairs with exactly this origin (the import's file name, case-sensitive); null for any.</summary>
    public string? Origin { get; init; }

    /// <summary>Only pairs stored by this import; null for any.</summary>
    public long? ImportId { get; init; }

    /// <summary>Only pairs created by this user (exactly, case-sensitive), whoever changed them later; null for any.</summary>
    public string? CreatedBy { get; init; }

    /// <summary>Only pairs last changed by this user (exactly, case-sensitive); null for any.</summary>
    public string? ChangedBy { get; init; }

    /// <summary>Only pairs created at or after this instant; null for no lower bound.</summary>
    public DateTimeOffset? CreatedFrom { get; init; }

    /// <summary>Only pairs created at or before this instant; null for no upper bound.</summary>
    public DateTimeOffset? CreatedTo { get; init; }

    /// <summary>Only pairs last changed at or after this instant; null for no lower bound.</summary>
    public DateTimeOffset? ChangedFrom { get; init; }

    /// <summary>Only pairs last changed at or before this instant; null for no upper bound.</summary>
    public DateTimeOffset? ChangedTo { get; init; }

    /// <summary>
    /// Only pairs with these field values: every field named must hold one of the values given for it (a name given
    /// twice is a choice, "domain is war or armistice"; two names must both hold). Names without regard to case,
    /// values exactly. Empty for any.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> Fields { get; init => field = value ?? throw new ArgumentNullException(nameof(value)); } = [];
}
