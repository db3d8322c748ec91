using Microsoft.Data.Sqlite;

namespace TM.Storage.Tests;

/// <summary>WriteBackup copies what was committed into one plain file; AdoptCopy takes in only sound TM databases, under an identity of their own.</summary>
public sealed class BackupTests : IDisposable
{
    private readonly TemporaryDatabase _database = new();
    private readonly TemporaryDatabase _copy = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _database.Dispose();
        _copy.Dispose();
    }

    private static SegmentInput[] Pairs(int first, int count) =>
        [.. Enumerable.Range(first, count).Select(i => new SegmentInput($"문장 {i}번", $"sentence {i}"))];

    private static long Count(string path, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public void A_backup_holds_what_was_committed_before_it_in_one_file_that_needs_no_wal()
    {
        using var store = _database.Open();
        store.AddSegments("m", ImportKind.Segments, "before", Pairs(0, 500));

        store.WriteBackup(_copy.Path);
        store.AddSegments("m", ImportKind.Segments, "after", Pairs(500, 500));

        Assert.Equal(500, Count(_copy.Path, "SELECT count(*) FROM segments;"));
        Assert.Equal(1, Count(_copy.Path, "SELECT count(*) FROM imports;"));
        // Byte 18 of the header: 1 is a rollback-journal file, 2 a WAL file that makes a -wal beside it when opened.
        Assert.Equal(1, File.ReadAllBytes(_copy.Path)[18]);
        Assert.False(File.Exists(_copy.Path + "-wal"));
    }

    [Fact]
    public void A_backup_cancelled_before_it_begins_writes_nothing()
    {
        using var store = _database.Open();

        Assert.Throws<OperationCanceledException>(() => store.WriteBackup(_copy.Path, new CancellationToken(canceled: true)));

        Assert.False(File.Exists(_copy.Path));
    }

    [Fact]
    public void An_adopted_copy_keeps_its_pairs_under_an_identity_of_its_own()
    {
        long memoryId;
        MemoryVersion original;
        using (var store = _database.Open())
        {
            memoryId = store.AddSegments("m", ImportKind.Segments, "pairs", Pairs(0, 10)).MemoryId;
            original = store.GetVersion(memoryId);
            store.WriteBackup(_copy.Path);
        }

        SegmentStore.AdoptCopy(_copy.Path);

        using var adopted = _copy.Open();
        var version = adopted.GetVersion(memoryId);
        Assert.NotEqual(original.StoreId, version.StoreId);
        Assert.Equal(original with { StoreId = version.StoreId }, version);
    }

    [Fact]
    public void A_file_that_is_not_a_database_is_not_adopted()
    {
        File.WriteAllText(_copy.Path, "ko\ten\n휴전\tarmistice\n");

        var error = Assert.Throws<InvalidDataException>(() => SegmentStore.AdoptCopy(_copy.Path));

        Assert.StartsWith("it is not a SQLite database", error.Message);
    }

    [Fact]
    public void Another_program_s_database_is_not_adopted()
    {
        using (var connection = new SqliteConnection($"Data Source={_copy.Path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT);";
            command.ExecuteNonQuery();
        }

        var error = Assert.Throws<InvalidDataException>(() => SegmentStore.AdoptCopy(_copy.Path));

        Assert.StartsWith("it is a SQLite database, but not a TM one", error.Message);
    }

    [Fact]
    public void A_database_of_a_newer_schema_is_not_adopted()
    {
        using (var store = _database.Open())
            store.WriteBackup(_copy.Path);
        using (var connection = new SqliteConnection($"Data Source={_copy.Path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA user_version = 999;";
            command.ExecuteNonQuery();
        }

        var error = Assert.Throws<InvalidDataException>(() => SegmentStore.AdoptCopy(_copy.Path));

        Assert.StartsWith("it was written by a newer TM server (schema 999", error.Message);
    }
}
