namespace TM.Server.Concordance;

/// <summary>
/// The concordance cannot be answered yet: the search index is still taking up the store's changes at start (or
/// rebuilding after an upgrade or a loss). The client may retry; lookups and imports work meanwhile.
/// </summary>
public sealed class SearchIndexUnavailableException(string message) : Exception(message);
