using Microsoft.Data.Sqlite;

namespace TM.Storage.Tests;

/// <summary>What deleting a memory gives back: its pages leave the database file, the other memories stay whole.</summary>
public sealed class MemoryDeletionTests : IDisposable
{
    private readonly TemporaryDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private static ImportOptions Options() => new(ImportKind.Segments, "deletion", UpdatePolicy.AddAlternative);

    private static SegmentInput[] Pairs(string tag, int count) =>
        [.. Enumerable.Range(0, count).Select(i => new SegmentInput($"{tag} 휴전협정 제{i}조 {new string('가', 300)}", $"{tag} armistice article {i} {new string('x', 300)}"))];

    [Fact]
    public void Deleting_a_large_memory_gives_its_pages_back_to_the_file_system()
    {
        using (var store = _database.Open())
        {
            store.AddSegments("kept", Options(), Pairs("kept", 20));
            store.AddSegments("big", Options(), Pairs("big", 3_000));
        }
        var before = new FileInfo(_database.Path).Length;

        using (var store = _database.Open())
        {
            var sequence = store.DeleteMemory(store.FindMemory("big")!.Id);
            // The search index's commit, which lets the tombstones go.
            store.PruneDeletions(sequence!.Value);
        }
        var after = new FileInfo(_database.Path).Length;

        Assert.True(after * 10 < before, $"tm.db is {after:N0} bytes after the delete, {before:N0} before");
        Assert.True(FreePages() < 16, $"{FreePages()} free pages left in the file");
        using var reopened = _database.Open();
        Assert.Equal(20, reopened.ReadAll(reopened.FindMemory("kept")!.Id).Count());
        Assert.Null(reopened.FindMemory("big"));
    }

    [Fact]
    public void A_database_is_created_with_incremental_auto_vacuum()
    {
        using (var store = _database.Open())
            store.AddSegments("", Options(), Pairs("one", 1));

        Assert.Equal(2L, Pragma("auto_vacuum"));
    }

    private long FreePages() => Pragma("freelist_count");

    private long Pragma(string name)
    {
        using var connection = new SqliteConnection($"Data Source={_database.Path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {name};";
        return (long)command.ExecuteScalar()!;
    }
}
