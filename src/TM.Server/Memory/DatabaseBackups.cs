using System.Diagnostics;
using Microsoft.Extensions.Logging;
using TM.Storage;

namespace TM.Server.Memory;

/// <summary>
/// Online backups of the store: each is written to a temporary file beside the database
/// (<c>tm.db.backup-&lt;random&gt;.tmp</c>) and handed out open for reading; the file goes when its stream is closed,
/// and the leftovers of a process killed meanwhile go at the next start. Only the SQLite store writes backups; on the
/// PostgreSQL store a backup is refused (pg_dump copies that database).
/// </summary>
/// <param name="store">The store to copy.</param>
/// <param name="databasePath">The SQLite database's path in the data directory: the temporary files go beside it.</param>
/// <param name="logger">Where written backups are logged.</param>
internal sealed class DatabaseBackups(ISegmentStore store, string databasePath, ILogger logger)
{
    /// <summary>The answer to a backup asked of the PostgreSQL store.</summary>
    public const string NotOnPostgres = "Backup is not available on the PostgreSQL store yet; use pg_dump";

    private const string Infix = ".backup-";
    private const string Suffix = ".tmp";

    /// <summary>Deletes the temporary files of backups a killed process did not finish; for the start, before anything else runs.</summary>
    public void DeleteUnfinished()
    {
        var directory = Path.GetDirectoryName(databasePath)!;
        foreach (var file in Directory.EnumerateFiles(directory, Path.GetFileName(databasePath) + Infix + "*" + Suffix))
            File.Delete(file);
    }

    /// <summary>Writes a consistent copy of the database (see <see cref="SegmentStore.WriteBackup"/>) and opens it for reading.</summary>
    /// <param name="cancellationToken">Interrupts the copy (the client went away); the temporary file is deleted.</param>
    /// <returns>The copy, read from its start; disposing the stream deletes the file.</returns>
    /// <exception cref="StoreCapabilityException">The store is not SQLite.</exception>
    public async Task<FileStream> WriteAsync(CancellationToken cancellationToken)
    {
        if (store is not SegmentStore sqlite)
            throw new StoreCapabilityException(NotOnPostgres);
        var path = sqlite.Path + Infix + Guid.NewGuid().ToString("N") + Suffix;
        var started = Stopwatch.GetTimestamp();
        try
        {
            // Seconds of file I/O on a large memory: a thread of its own, not one of the request threads.
            await Task.Factory.StartNew(() => sqlite.WriteBackup(path, cancellationToken), cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            // DeleteOnClose: the file goes with the stream, however the call that reads it ends.
            var backup = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.None, bufferSize: 0,
                FileOptions.Asynchronous | FileOptions.SequentialScan | FileOptions.DeleteOnClose);
            ServerLog.BackupWritten(logger, backup.Length / 1e6, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return backup;
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }
}
