namespace TM.Storage;

/// <summary>How an import is recorded and how it treats pairs the memory already has a source for.</summary>
/// <param name="Kind">How the pairs arrive, recorded with the import.</param>
/// <param name="Name">The document or file name, recorded with the import; may be empty.</param>
/// <param name="Policy">What to do with a source the memory already holds with another target; <see cref="UpdatePolicy.AddAlternative"/> by default.</param>
/// <param name="SourceSide">Which side is the source for <paramref name="Policy"/> (a TMX file's srclang); Korean by default.</param>
public sealed record ImportOptions(
    ImportKind Kind,
    string Name,
    UpdatePolicy Policy = UpdatePolicy.AddAlternative,
    SegmentSide SourceSide = SegmentSide.Korean)
{
    /// <summary>
    /// When the import began, if before the store was called (a document is split and aligned first), so that the
    /// record's duration covers the whole import; null means when the store is called.
    /// </summary>
    public DateTimeOffset? Started { get; init; }

    /// <summary>
    /// Who makes the import: the name of the caller's API key, recorded with the import and as the creator (or, for an
    /// overwrite, the changer) of every segment it writes. Empty when the server runs without keys.
    /// </summary>
    public string CreatedBy { get; init; } = "";
}
