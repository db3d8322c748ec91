using System.Diagnostics;
using Microsoft.Extensions.Logging;
using TM.Storage;

namespace TM.Server.Memory;

/// <summary>
/// Online backups of the store: each is written to a temporary file beside the database
/// (<c>tm.db.backup-&lt;random&gt;.tmp</c>) and handed out open for reading; the file goes when its stream is closed,
/// and the leftovers of a process killed meanwhile go at the next start.
/// </summary>
internal sealed class DatabaseBackups(SegmentStore store, ILogger logger)
{
    private const string Infix = ".backup-";
    private const string Suffix = ".tmp";

    /// <summary>Deletes the temporary files of backups a killed process did not finish; for the start, before anything else runs.</summary>
    public void DeleteUnfinished()
    {
        var directory = Path.GetDirectoryName(store.Path)!;
        foreach (var file in Directory.EnumerateFiles(directory, Path.GetFileName(store.Path) + Infix + "*" + Suffix))
            File.Delete(file);
    }

    /// <summary>Writes a consistent copy of the database (see <see cref="SegmentStore.WriteBackup"/>) and opens it for reading.</summary>
    /// <param name="cancellationToken">Interrupts the copy (the client went away); the temporary file is deleted.</param>
    /// <returns>The copy, read from its start; disposing the stream deletes the file.</returns>
    public async Task<FileStream> WriteAsync(CancellationToken cancellationToken)
    {
        var path = store.Path + Infix + Guid.NewGuid().ToString("N") + Suffix;
        var started = Stopwatch.GetTimestamp();
        try
        {
            // Seconds of file I/O on a large memory: a thread of its own, not one of the request threads.
            await Task.Factory.StartNew(() => store.WriteBackup(path, cancellationToken), cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
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
