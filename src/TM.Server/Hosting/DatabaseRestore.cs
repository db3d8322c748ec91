using System.Globalization;
using TM.Storage;

namespace TM.Server.Hosting;

/// <summary>
/// <c>--restore FILE</c>: before the store opens the database, checks that FILE is a whole, sound TM database, moves
/// the current one aside (<c>tm.db.before-restore-20261207T031502Z</c>, with its <c>-wal</c> and <c>-shm</c>) and puts
/// a copy of FILE in its place, with an identity of its own (so no index snapshot of the old file is taken for it).
/// </summary>
/// <remarks>Runs under the data directory's lock: no server has the database open.</remarks>
internal static class DatabaseRestore
{
    private static readonly string[] SideFiles = ["-wal", "-shm"];

    /// <summary>Restores <paramref name="backupPath"/> as <paramref name="databasePath"/>.</summary>
    /// <param name="backupPath">The backup file.</param>
    /// <param name="databasePath">The database to replace, which need not exist.</param>
    /// <param name="now">When, for the name of the old database's new place.</param>
    /// <returns>Where the previous database is now; null when there was none.</returns>
    /// <exception cref="ArgumentException">The backup is missing, not whole, or not a sound TM database; the message says why and nothing has changed.</exception>
    public static string? Run(string backupPath, string databasePath, DateTimeOffset now)
    {
        var backup = Path.GetFullPath(backupPath);
        if (!File.Exists(backup))
            throw new ArgumentException($"--restore: {backup} does not exist.");
        if (string.Equals(backup, databasePath, StringComparison.Ordinal))
            throw new ArgumentException($"--restore: {backup} is the database itself; give a backup of it.");
        // A file SQLite had open in WAL mode keeps its latest commits in the -wal beside it; a crashed rollback keeps
        // the old pages in the -journal. Either way the file alone is not the whole database.
        foreach (var side in (string[])["-wal", "-journal"])
        {
            if (new FileInfo(backup + side) is { Exists: true, Length: > 0 })
                throw new ArgumentException($"--restore: {backup} has a {side} file beside it, so it is not a whole database by itself: use a file written by `tm backup`, or a tm.db copied after its server stopped cleanly.");
        }

        // The copy is checked, not the backup: what is checked is exactly what is used, and opening the user's file
        // could leave -wal and -shm files beside it.
        var incoming = databasePath + ".restoring";
        Delete(incoming);
        try
        {
            File.Copy(backup, incoming);
            SegmentStore.AdoptCopy(incoming);
        }
        catch (InvalidDataException e)
        {
            Delete(incoming);
            throw new ArgumentException($"--restore: {backup} is not a TM database backup: {e.Message}.", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Delete(incoming);
            throw new ArgumentException($"--restore: {backup} cannot be copied into the data directory: {e.Message}", e);
        }

        string? previous = null;
        // Whichever of tm.db and its -wal and -shm exist: a -wal left without its database must not meet the new one,
        // to which SQLite would apply it.
        if (File.Exists(databasePath) || SideFiles.Any(side => File.Exists(databasePath + side)))
        {
            previous = $"{databasePath}.before-restore-{now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}";
            foreach (var side in (string[])["", .. SideFiles])
            {
                if (File.Exists(databasePath + side))
                    File.Move(databasePath + side, previous + side);
            }
        }
        File.Move(incoming, databasePath);
        return previous;
    }

    private static void Delete(string database)
    {
        foreach (var side in (string[])["", .. SideFiles])
            File.Delete(database + side);
    }
}
