using Microsoft.Extensions.Logging;

namespace TM.Server;

/// <summary>The server's log messages, source-generated, with stable event ids.</summary>
internal static partial class ServerLog
{
    [LoggerMessage(1, LogLevel.Information, "Memory '{Memory}' loaded: {Segments} segments indexed in {Milliseconds:F0} ms ({Source}).")]
    public static partial void MemoryLoaded(ILogger logger, string memory, int segments, double milliseconds, string source);

    [LoggerMessage(2, LogLevel.Information, "Import '{Name}' into memory '{Memory}': {Stored} pairs stored, {Skipped} duplicates skipped.")]
    public static partial void ImportCommitted(ILogger logger, string memory, string name, int stored, int skipped);

    [LoggerMessage(3, LogLevel.Information, "Seed document {File} imported into the empty default memory.")]
    public static partial void SeedImported(ILogger logger, string file);

    [LoggerMessage(4, LogLevel.Warning, "No seeds/ folder found (looked from {Directory} upwards); the default memory starts empty.")]
    public static partial void SeedsNotFound(ILogger logger, string directory);

    [LoggerMessage(5, LogLevel.Warning, "Seed document {File} was not imported: {Reason}")]
    public static partial void SeedRejected(ILogger logger, string file, string reason);

    [LoggerMessage(6, LogLevel.Information, "TM server listening on {Address} (data: {DataDirectory}).")]
    public static partial void Listening(ILogger logger, string address, string dataDirectory);

    [LoggerMessage(7, LogLevel.Error, "The in-memory index of memory '{Memory}' could not take a committed batch; lookups miss it until the server restarts.")]
    public static partial void IndexUpdateFailed(ILogger logger, string memory, Exception exception);

    [LoggerMessage(8, LogLevel.Information, "Import {ImportId} '{Name}' into memory '{Memory}' ended {Status}: {Units} units committed, {Stored} pairs stored, {Skipped} duplicates skipped.")]
    public static partial void ImportEnded(ILogger logger, long importId, string name, string memory, string status, long units, long stored, long skipped);

    [LoggerMessage(40, LogLevel.Information, "Search index {Directory} opened: {Documents} segments, in {Milliseconds:F0} ms.")]
    public static partial void SearchIndexOpened(ILogger logger, string directory, long documents, double milliseconds);

    [LoggerMessage(41, LogLevel.Warning, "Search index {Directory} is built again from the database, because {Reason}; concordance waits for it, lookups and imports do not.")]
    public static partial void SearchIndexRebuilding(ILogger logger, string directory, string reason);

    [LoggerMessage(42, LogLevel.Information, "Search index caught up with the database: {Changes} segments taken up in {Seconds:F1} s; it holds {Documents}.")]
    public static partial void SearchIndexCaughtUp(ILogger logger, long changes, long documents, double seconds);

    [LoggerMessage(43, LogLevel.Error, "The search index could not take the store's changes; reopening it in {Seconds} s (concordance misses the newest pairs meanwhile).")]
    public static partial void SearchIndexFailed(ILogger logger, double seconds, Exception exception);

    [LoggerMessage(48, LogLevel.Error, "A merge of the search index's segments failed; searches and writes go on over the unmerged segments, and the merge is tried again after the next flush.")]
    public static partial void SearchIndexMergeFailed(ILogger logger, Exception exception);

    [LoggerMessage(44, LogLevel.Warning, "The search index could not be committed at stop; the next start takes up the changes since its last commit.")]
    public static partial void SearchIndexCommitFailed(ILogger logger, Exception exception);

    [LoggerMessage(20, LogLevel.Information, "Index snapshot of memory '{Memory}' saved: {Segments} segments at generation {Generation}, {Megabytes:F0} MB in {Milliseconds:F0} ms.")]
    public static partial void SnapshotSaved(ILogger logger, string memory, long segments, long generation, double megabytes, double milliseconds);

    [LoggerMessage(21, LogLevel.Warning, "The index snapshot of memory '{Memory}' could not be saved; the next start rebuilds the index from the database.")]
    public static partial void SnapshotSaveFailed(ILogger logger, string memory, Exception exception);

    [LoggerMessage(22, LogLevel.Warning, "The index snapshot of memory '{Memory}' was refused ({Reason}); rebuilding the index from the database.")]
    public static partial void SnapshotRefused(ILogger logger, string memory, string reason);

    [LoggerMessage(23, LogLevel.Information, "The index snapshot of memory '{Memory}' is out of date ({Reason}); rebuilding the index from the database.")]
    public static partial void SnapshotStale(ILogger logger, string memory, string reason);

    [LoggerMessage(30, LogLevel.Information, "Backup written: {Megabytes:F1} MB in {Milliseconds:F0} ms.")]
    public static partial void BackupWritten(ILogger logger, double megabytes, double milliseconds);

    [LoggerMessage(33, LogLevel.Information, "Restoring the database from {Backup}: checking a copy of it first (SQLite's integrity check reads the whole file, about 15 s for 400 MB).")]
    public static partial void RestoreChecking(ILogger logger, string backup);

    [LoggerMessage(31, LogLevel.Warning, "Database restored from {Backup}; the previous one is kept as {Previous}. Start without --restore from now on: every start with it restores the backup again.")]
    public static partial void DatabaseRestored(ILogger logger, string backup, string previous);

    [LoggerMessage(32, LogLevel.Warning, "Database restored from {Backup} into an empty data directory. Start without --restore from now on: every start with it restores the backup again.")]
    public static partial void DatabaseRestoredIntoEmpty(ILogger logger, string backup);

    [LoggerMessage(10, LogLevel.Information, "TM server ready: every memory loaded ({Memories} in all).")]
    public static partial void Ready(ILogger logger, int memories);

    [LoggerMessage(11, LogLevel.Critical, "The memories could not be loaded; the server stops.")]
    public static partial void LoadFailed(ILogger logger, Exception exception);

    [LoggerMessage(12, LogLevel.Error, "Call {Method} failed with an internal error, error id {ErrorId}.")]
    public static partial void CallFailed(ILogger logger, string method, string errorId, Exception exception);

    [LoggerMessage(13, LogLevel.Warning, "Serving {Address} in cleartext to the network: anyone who can reach it can read and change every memory. Use --tls-certificate, or bind 127.0.0.1.")]
    public static partial void CleartextOnNetwork(ILogger logger, string address);

    [LoggerMessage(45, LogLevel.Warning, "The shared database cannot be reached ({Reason}): writes fail with UNAVAILABLE, lookups answer from this server's indexes as of change {AppliedThrough}; retrying every {Seconds:F0} s.")]
    public static partial void SharedStoreUnreachable(ILogger logger, string reason, long appliedThrough, double seconds);

    [LoggerMessage(46, LogLevel.Information, "The shared database answers again after {Seconds:F1} s; taking up the changes committed meanwhile.")]
    public static partial void SharedStoreBack(ILogger logger, double seconds);

    [LoggerMessage(47, LogLevel.Error, "Reading or applying the shared database's changes after change {AppliedThrough} failed; retrying.")]
    public static partial void ChangeLogApplyFailed(ILogger logger, long appliedThrough, Exception exception);
}
