using TM.Protos.V1;
using TM.Storage;

namespace TM.Server.Tests.Memory;

/// <summary>
/// The fuzzy indexes saved beside the database at shutdown and loaded at the next start: used only when they describe
/// the memory exactly as stored, rebuilt otherwise, and the answers are the same either way.
/// </summary>
public sealed class IndexSnapshotTests : IDisposable
{
    private const string Memory = "kept";
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("tm-snapshot-").FullName;
    private readonly List<string> _otherDirectories = [];

    public void Dispose()
    {
        foreach (var directory in _otherDirectories.Append(_dataDirectory))
            Directory.Delete(directory, recursive: true);
    }

    private string DatabasePath => Path.Combine(_dataDirectory, "tm.db");

    private static readonly LookupRequest[] Queries =
    [
        new() { Memory = Memory, Text = "포로 교환 협상은 교착되었다", MinScore = 1, MaxResults = 10 },
        new() { Memory = Memory, Text = "The POW talks stalled.", SourceLang = "en", MinScore = 1, MaxResults = 10 },
        new() { Memory = "", Text = "정전협정", MinScore = 1, MaxResults = 10 },
        // One sentence of a two-sentence pair: found in the fragment index, which has its own snapshot files.
        new() { Memory = Memory, Text = "유엔군은 낙동강 방어선을 지켰다.", MinScore = 90 },
    ];

    [Fact]
    public async Task Restart_loads_the_indexes_from_their_snapshot_and_answers_the_same()
    {
        var before = await ImportThenAskAsync(_dataDirectory);
        Assert.True(File.Exists(Path.Combine(_dataDirectory, "tm.db-index", "memory-1.ko.snapshot")));

        await using var second = await RunningServer.StartAsync(_dataDirectory);

        Assert.True(second.Catalog.Find(Memory)!.LoadedFromSnapshot);
        Assert.True(second.Catalog.Find("")!.LoadedFromSnapshot);
        Assert.Equal(before, await AskAsync(second));
        // It goes on taking writes after a load from a snapshot, new words included.
        await ImportAsync(second, ("개성 회담이 시작되었다.", "The Kaesong talks began."));
        var hit = await second.Client.LookupAsync(new LookupRequest { Memory = Memory, Text = "개성 회담이 시작되었다.", MinScore = 100 });
        Assert.Equal("The Kaesong talks began.", hit.Matches.Single().Target);
    }

    [Fact]
    public async Task Memory_written_after_its_snapshot_is_rebuilt_never_served_stale()
    {
        await ImportThenAskAsync(_dataDirectory);
        // A write the snapshot does not describe: what a server killed after committing a batch leaves behind.
        using (var store = SegmentStore.Open(DatabasePath))
            store.AddSegments(Memory, ImportKind.Segments, "behind the snapshot's back", [new SegmentInput("흥남 철수 작전", "the Hungnam evacuation")]);

        await using var second = await RunningServer.StartAsync(_dataDirectory);

        Assert.False(second.Catalog.Find(Memory)!.LoadedFromSnapshot);
        Assert.True(second.Catalog.Find("")!.LoadedFromSnapshot);
        var hit = await second.Client.LookupAsync(new LookupRequest { Memory = Memory, Text = "흥남 철수 작전", MinScore = 100 });
        Assert.Equal("the Hungnam evacuation", hit.Matches.Single().Target);
    }

    [Fact]
    public async Task Damaged_snapshot_is_refused_the_index_rebuilt_and_saved_again()
    {
        var before = await ImportThenAskAsync(_dataDirectory);
        var snapshot = Path.Combine(_dataDirectory, "tm.db-index", "memory-2.en.snapshot");
        var bytes = await File.ReadAllBytesAsync(snapshot);
        bytes[bytes.Length / 2] ^= 0x40;
        await File.WriteAllBytesAsync(snapshot, bytes);

        await using (var second = await RunningServer.StartAsync(_dataDirectory))
        {
            Assert.False(second.Catalog.Find(Memory)!.LoadedFromSnapshot);
            Assert.Equal(before, await AskAsync(second));
        }

        await using var third = await RunningServer.StartAsync(_dataDirectory);
        Assert.True(third.Catalog.Find(Memory)!.LoadedFromSnapshot);
        Assert.Equal(before, await AskAsync(third));
    }

    [Fact]
    public async Task Snapshot_of_another_database_at_the_same_generation_is_not_used()
    {
        // Two databases written the same way but for one text: same memory ids, generations, counts and last ids.
        var other = Directory.CreateTempSubdirectory("tm-snapshot-other-").FullName;
        _otherDirectories.Add(other);
        await ImportThenAskAsync(_dataDirectory);
        await using (var server = await RunningServer.StartAsync(other))
            await ImportAsync(server, ("포로 교환", "the exchange of prisoners"), ("부산 교두보가 버텼다.", "The Pusan perimeter held."));
        File.Copy(Path.Combine(other, "tm.db-index", "memory-2.ko.snapshot"), Path.Combine(_dataDirectory, "tm.db-index", "memory-2.ko.snapshot"), overwrite: true);
        File.Copy(Path.Combine(other, "tm.db-index", "memory-2.en.snapshot"), Path.Combine(_dataDirectory, "tm.db-index", "memory-2.en.snapshot"), overwrite: true);

        await using var second = await RunningServer.StartAsync(_dataDirectory);

        Assert.False(second.Catalog.Find(Memory)!.LoadedFromSnapshot);
        var hit = await second.Client.LookupAsync(new LookupRequest { Memory = Memory, Text = "포로 교환 협상은 교착되었다.", MinScore = 100 });
        Assert.Equal("The POW negotiations stalled.", hit.Matches.Single().Target);
    }

    [Fact]
    public async Task Running_server_saves_a_memory_once_imports_changed_enough_of_it()
    {
        await using var server = await RunningServer.StartAsync(_dataDirectory, "--snapshot-check-seconds", "1", "--snapshot-min-changes", "2");
        var snapshot = Path.Combine(_dataDirectory, "tm.db-index", "memory-2.ko.snapshot");

        await ImportAsync(server, ("포로 교환", "the exchange of prisoners"));
        await Task.Delay(TimeSpan.FromSeconds(3)); // three checks: one change is below the threshold
        var afterOne = File.Exists(snapshot);
        await ImportAsync(server, ("포로 교환 협상은 교착되었다.", "The POW negotiations stalled."));
        var memory = server.Catalog.Find(Memory)!;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (memory.SnapshotGeneration < 0 && DateTime.UtcNow < deadline)
            await Task.Delay(100);

        Assert.False(afterOne);
        Assert.True(File.Exists(snapshot));
        Assert.Equal(server.Catalog.Store.GetVersion(memory.Info.Id).Generation, memory.SnapshotGeneration);
        Assert.Equal(0, memory.ChangesSinceSnapshot);
    }

    [Fact]
    public async Task No_snapshots_are_kept_when_turned_off()
    {
        await using (var first = await RunningServer.StartAsync(_dataDirectory, "--index-snapshots", "false"))
            await ImportAsync(first, ("포로 교환", "the exchange of prisoners"));

        await using var second = await RunningServer.StartAsync(_dataDirectory, "--index-snapshots", "false");

        Assert.False(Directory.Exists(Path.Combine(_dataDirectory, "tm.db-index")));
        Assert.False(second.Catalog.Find(Memory)!.LoadedFromSnapshot);
        Assert.Single((await second.Client.LookupAsync(new LookupRequest { Memory = Memory, Text = "포로 교환", MinScore = 100 })).Matches);
    }

    // Starts a server on the directory, imports two pairs into a new memory, asks the queries and stops it.
    private static async Task<List<LookupResponse>> ImportThenAskAsync(string dataDirectory)
    {
        await using var server = await RunningServer.StartAsync(dataDirectory);
        await ImportAsync(
            server,
            ("포로 교환", "the exchange of prisoners"),
            ("포로 교환 협상은 교착되었다.", "The POW negotiations stalled."),
            ("개전 초기 북한군은 빠르게 남하하였다. 유엔군은 낙동강 방어선을 지켰다.", "Early in the war the North Korean army advanced quickly. The UN forces held the Naktong line."));
        var answers = await AskAsync(server);
        Assert.Equal(MatchKind.Fragment, answers[^1].Matches.Single().Kind);
        return answers;
    }

    private static async Task ImportAsync(RunningServer server, params (string Ko, string En)[] pairs)
    {
        using var call = server.Client.ImportSegments();
        foreach (var (ko, en) in pairs)
            await call.RequestStream.WriteAsync(new ImportSegmentsRequest { Memory = Memory, Ko = ko, En = en });
        await call.RequestStream.CompleteAsync();
        await call.ResponseAsync;
    }

    private static async Task<List<LookupResponse>> AskAsync(RunningServer server)
    {
        var answers = new List<LookupResponse>();
        foreach (var query in Queries)
            answers.Add(await server.Client.LookupAsync(query));
        Assert.All(answers, a => Assert.NotEmpty(a.Matches));
        return answers;
    }
}
