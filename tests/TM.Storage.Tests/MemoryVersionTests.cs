namespace TM.Storage.Tests;

/// <summary>GetVersion names a memory's contents: it moves with every write and tells one database file from another.</summary>
public sealed class MemoryVersionTests : IDisposable
{
    private readonly TemporaryDatabase _database = new();
    private readonly TemporaryDatabase _other = new();

    public void Dispose()
    {
        _database.Dispose();
        _other.Dispose();
    }

    [Fact]
    public void Every_write_to_a_memory_moves_its_version_and_reads_do_not()
    {
        using var store = _database.Open();
        var memory = store.GetOrCreateMemory("m");
        var empty = store.GetVersion(memory.Id);

        var first = store.AddSegments("m", ImportKind.Segments, "a", [new("가", "a"), new("나", "b")]);
        var afterAdd = store.GetVersion(memory.Id);
        store.AddSegments("m", new ImportOptions(ImportKind.Segments, "b", UpdatePolicy.Overwrite), [new("가", "A")]);
        var afterOverwrite = store.GetVersion(memory.Id);
        store.GetSegments([first.Added[0].Id]);

        Assert.Equal(0, empty.Segments);
        Assert.Equal(0, empty.LastSegmentId);
        Assert.Equal(2, afterAdd.Segments);
        Assert.Equal(first.Added[^1].Id, afterAdd.LastSegmentId);
        Assert.True(afterAdd.Generation > empty.Generation);
        // Same count, same last id: only the generation tells the overwritten memory apart.
        Assert.Equal(afterAdd.Segments, afterOverwrite.Segments);
        Assert.True(afterOverwrite.Generation > afterAdd.Generation);
        Assert.Equal(afterOverwrite, store.GetVersion(memory.Id));
    }

    [Fact]
    public void Store_identity_survives_reopening_and_differs_between_files()
    {
        long id;
        using (var store = _database.Open())
            id = store.GetVersion(store.GetOrCreateMemory("m").Id).StoreId;
        using var reopened = _database.Open();
        using var other = _other.Open();

        Assert.Equal(id, reopened.GetVersion(reopened.FindMemory("m")!.Id).StoreId);
        Assert.NotEqual(id, other.GetVersion(other.GetOrCreateMemory("m").Id).StoreId);
    }

    [Fact]
    public void Version_of_a_memory_that_does_not_exist_is_an_error()
    {
        using var store = _database.Open();
        Assert.Throws<InvalidOperationException>(() => store.GetVersion(999));
    }
}
