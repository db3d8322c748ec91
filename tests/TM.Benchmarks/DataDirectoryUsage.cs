using System.Globalization;
using Microsoft.Data.Sqlite;

namespace TM.Benchmarks;

/// <summary>
/// What a server's data directory holds on disk, part by part: the database and its WAL, the search index
/// (<c>tm.db-lucene/</c>), each index snapshot file (<c>tm.db-index/</c>), and how much of the database file is free
/// pages (SQLite keeps the pages a delete frees in the file, for later writes, unless it is vacuumed).
/// </summary>
/// <param name="Parts">Each part's name and size in bytes, the database first.</param>
/// <param name="FreeBytes">Bytes of free pages inside tm.db (<c>PRAGMA freelist_count</c> × page size); −1 when it could not be read.</param>
/// <param name="LuceneFiles">Files in tm.db-lucene/.</param>
internal sealed record DataDirectoryUsage(IReadOnlyList<(string Name, long Bytes)> Parts, long FreeBytes, int LuceneFiles)
{
    public long Total => Parts.Sum(p => p.Bytes);

    /// <summary>Measures <paramref name="dataDirectory"/> now; the server may be running (the database is read through a read-only connection).</summary>
    public static DataDirectoryUsage Measure(string dataDirectory)
    {
        var parts = new List<(string, long)>();
        foreach (var name in (string[])["tm.db", "tm.db-wal", "tm.db-shm"])
        {
            var path = Path.Combine(dataDirectory, name);
            parts.Add((name, File.Exists(path) ? new FileInfo(path).Length : 0));
        }
        var lucene = Path.Combine(dataDirectory, "tm.db-lucene");
        var luceneFiles = Directory.Exists(lucene) ? Directory.GetFiles(lucene) : [];
        parts.Add(("tm.db-lucene/", luceneFiles.Sum(f => new FileInfo(f).Length)));
        var snapshots = Path.Combine(dataDirectory, "tm.db-index");
        if (Directory.Exists(snapshots))
        {
            foreach (var file in Directory.GetFiles(snapshots).Order(StringComparer.Ordinal))
                parts.Add(($"tm.db-index/{Path.GetFileName(file)}", new FileInfo(file).Length));
        }
        return new DataDirectoryUsage(parts, FreePages(Path.Combine(dataDirectory, "tm.db")), luceneFiles.Length);
    }

    /// <summary>The size of the part called <paramref name="name"/>; 0 when absent.</summary>
    public long Of(string name) => Parts.FirstOrDefault(p => p.Name == name).Bytes;

    private static long FreePages(string database)
    {
        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA freelist_count;";
            var free = Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
            command.CommandText = "PRAGMA page_size;";
            return free * Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        catch (SqliteException)
        {
            return -1;
        }
    }
}
