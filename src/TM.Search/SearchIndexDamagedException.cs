namespace TM.Search;

/// <summary>
/// The directory holds a search index that cannot be read: damaged files, another Lucene format, or an index
/// written by another version of this library's analysis. The index is a cache of the store: delete the
/// directory and index the segments again.
/// </summary>
public sealed class SearchIndexDamagedException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="directory">The index directory.</param>
    /// <param name="reason">What is wrong with it, for a person.</param>
    /// <param name="innerException">What Lucene threw, if anything.</param>
    public SearchIndexDamagedException(string directory, string reason, Exception? innerException = null)
        : base($"The search index in '{directory}' cannot be read: {reason}. Delete the directory to rebuild the index from the store.", innerException)
    {
        Directory = directory;
    }

    /// <summary>The index directory.</summary>
    public string Directory { get; }
}
