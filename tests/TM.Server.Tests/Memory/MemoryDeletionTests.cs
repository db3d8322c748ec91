using TM.Protos.V1;

namespace TM.Server.Tests.Memory;

/// <summary>What deleting a memory gives back on disk: its index snapshots, its pairs in the search index; the other memories stay whole.</summary>
public sealed class MemoryDeletionTests : IDisposable
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("tm-deletion-").FullName;

    public void Dispose() => Directory.Delete(_dataDirectory, recursive: true);

    private string SearchIndex => Path.Combine(_dataDirectory, "tm.db-lucene");

    private string Snapshots => Path.Combine(_dataDirectory, "tm.db-index");

    [Fact]
    public async Task Deleting_a_memory_removes_its_snapshot_files_and_its_pairs_from_the_search_index_on_disk()
    {
        await using (var first = await RunningServer.StartAsync(_dataDirectory, "--no-seeds"))
        {
            await first.Client.CreateMemoryAsync(new CreateMemoryRequest { Name = "big" });
            await ImportAsync(first, "kept", 5);
            await ImportAsync(first, "big", 600);
        }
        // Rebuilt at the next start from the database in one pass: both memories in the same Lucene segment, which
        // Lucene does not drop by itself when one of them goes.
        Directory.Delete(SearchIndex, recursive: true);
        var big = Directory.GetFiles(Snapshots, "memory-2.*");

        var second = await RunningServer.StartAsync(_dataDirectory, "--no-seeds");
        long before;
        DeleteMemoryResponse deleted;
        try
        {
            await second.Client.ConcordanceAsync(new ConcordanceRequest { Memory = "kept", Term = "휴전협정" });
            before = SearchIndexBytes();
            deleted = await second.Client.DeleteMemoryAsync(new DeleteMemoryRequest { Name = "big" });
        }
        finally
        {
            // Stopping commits the search index, as the running server does every 30 s.
            await second.DisposeAsync();
        }

        Assert.Equal(600, deleted.SegmentsDeleted);
        Assert.Equal(4, big.Length);
        Assert.All(big, path => Assert.False(File.Exists(path), $"{path} is still there"));
        Assert.NotEmpty(Directory.GetFiles(Snapshots, "memory-3.*"));
        Assert.True(SearchIndexBytes() * 4 < before, $"tm.db-lucene/ holds {SearchIndexBytes():N0} bytes after the delete, {before:N0} before");
        await using var third = await RunningServer.StartAsync(_dataDirectory, "--no-seeds");
        var concordance = await third.Client.ConcordanceAsync(new ConcordanceRequest { Memory = "kept", Term = "휴전협정" });
        var lookup = await third.Client.LookupAsync(new LookupRequest { Memory = "kept", Text = Korean("kept", 3), MinScore = 100 });
        Assert.Equal(5, concordance.Total);
        Assert.Single(lookup.Matches);
    }

    [Fact]
    public async Task A_deleted_memory_s_index_is_left_for_the_garbage_collector()
    {
        await using var server = await RunningServer.StartAsync(_dataDirectory, "--no-seeds");
        await ImportAsync(server, "gone", 50);
        var index = WeakIndexOf(server, "gone");

        await server.Client.DeleteMemoryAsync(new DeleteMemoryRequest { Name = "gone" });
        // The call's frames hold the index until they are done with it.
        for (var attempt = 0; attempt < 50 && index.IsAlive; attempt++)
        {
            await Task.Delay(100);
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        Assert.False(index.IsAlive, "something still holds the deleted memory's index");
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static WeakReference WeakIndexOf(RunningServer server, string memory) => new(server.Catalog.Find(memory)!.Korean);

    private static string Korean(string memory, int i) => $"{memory} 휴전협정 제{i}조는 {new string('가', 20 + i % 50)} 포로 교환을 정하였다.";

    private static async Task ImportAsync(RunningServer server, string memory, int count)
    {
        using var call = server.Client.ImportSegments();
        for (var i = 0; i < count; i++)
        {
            await call.RequestStream.WriteAsync(new ImportSegmentsRequest
            {
                Memory = i == 0 ? memory : "", Ko = Korean(memory, i), En = $"{memory}: article {i} of the armistice settled the exchange of prisoners, {new string('x', 20 + i % 50)}.",
            });
        }
        await call.RequestStream.CompleteAsync();
        await call.ResponseAsync;
    }

    private long SearchIndexBytes() => new DirectoryInfo(SearchIndex).GetFiles().Sum(f => f.Length);
}
