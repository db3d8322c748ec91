using TM.Protos.V1;
using TM.Storage;

namespace TM.Server.Tests.Concordance;

/// <summary>
/// The search index (<c>tm.db-lucene/</c>) is a copy of the database: at start it takes up what the database holds
/// beyond its last commit, and an index that is missing, damaged or of another database file is built again from it.
/// </summary>
public sealed class SearchIndexRecoveryTests : IDisposable
{
    private const string Memory = "kept";
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("tm-search-recovery-").FullName;

    public void Dispose() => Directory.Delete(_dataDirectory, recursive: true);

    private string DatabasePath => Path.Combine(_dataDirectory, "tm.db");

    private string SearchDirectory => Path.Combine(_dataDirectory, "tm.db-lucene");

    private static readonly (string Ko, string En)[] Pairs =
    [
        ("포로 교환 협상은 교착되었다.", "The POW negotiations stalled."),
        ("휴전협정은 1953년 7월 27일에 조인되었다.", "The armistice was signed on 27 July 1953."),
        ("판문점에서 휴전 회담이 재개되었다.", "The armistice talks resumed at Panmunjom."),
    ];

    [Fact]
    public async Task Pairs_written_behind_the_index_s_back_are_taken_up_at_start()
    {
        await ImportThenStopAsync();
        // What a server killed after committing a batch, before its index commit, leaves behind.
        using (var store = SegmentStore.Open(DatabasePath))
            store.AddSegments(Memory, ImportKind.Segments, "behind the index's back", [new SegmentInput("흥남 철수 작전", "the Hungnam evacuation")]);

        await using var server = await RunningServer.StartAsync(_dataDirectory);

        var hits = await ConcordanceAsync(server, "흥남", "ko");
        Assert.Equal("the Hungnam evacuation", Assert.Single(hits.Hits).En);
        Assert.Equal(2, (await ConcordanceAsync(server, "휴전", "ko")).Total);
    }

    [Fact]
    public async Task A_deleted_index_is_rebuilt_from_the_database()
    {
        await ImportThenStopAsync();
        Directory.Delete(SearchDirectory, recursive: true);

        await using var server = await RunningServer.StartAsync(_dataDirectory);

        Assert.Equal(2, (await ConcordanceAsync(server, "armistice", "en")).Total);
        Assert.Equal(3, (await ConcordanceAsync(server, "었다", "ko")).Total);
        Assert.True(Directory.Exists(SearchDirectory));
    }

    [Fact]
    public async Task A_damaged_index_is_thrown_away_and_rebuilt()
    {
        await ImportThenStopAsync();
        // Every file Lucene wrote cut to half its length: checksums, headers and footers all fail.
        foreach (var file in Directory.GetFiles(SearchDirectory).Where(f => !f.EndsWith(".lock", StringComparison.Ordinal)))
        {
            var bytes = await File.ReadAllBytesAsync(file);
            await File.WriteAllBytesAsync(file, bytes[..(bytes.Length / 2)]);
        }

        await using var server = await RunningServer.StartAsync(_dataDirectory);

        Assert.Equal(2, (await ConcordanceAsync(server, "armistice", "en")).Total);
        Assert.Equal(["판문점"], (await ConcordanceAsync(server, "판문점", "ko")).Hits.Select(h => h.Ko[..3]));
    }

    [Fact]
    public async Task An_index_of_another_database_file_is_rebuilt_for_this_one()
    {
        await ImportThenStopAsync();
        // A restored backup or a file put in place of the old one: same path, another store id, other pairs.
        var kept = SearchDirectory + ".kept";
        Directory.Move(SearchDirectory, kept);
        foreach (var file in Directory.GetFiles(_dataDirectory, "tm.db*"))
            File.Delete(file);
        Directory.Delete(Path.Combine(_dataDirectory, "tm.db-index"), recursive: true);
        Directory.Move(kept, SearchDirectory);
        using (var store = SegmentStore.Open(DatabasePath))
            store.AddSegments(Memory, ImportKind.Segments, "another file", [new SegmentInput("인천 상륙 작전", "the Inchon landing")]);

        await using var server = await RunningServer.StartAsync(_dataDirectory);

        Assert.Equal(0, (await ConcordanceAsync(server, "armistice", "en")).Total);
        Assert.Equal("the Inchon landing", Assert.Single((await ConcordanceAsync(server, "인천", "ko")).Hits).En);
    }

    private async Task ImportThenStopAsync()
    {
        await using var server = await RunningServer.StartAsync(_dataDirectory);
        using var call = server.Client.ImportSegments();
        foreach (var (ko, en) in Pairs)
            await call.RequestStream.WriteAsync(new ImportSegmentsRequest { Memory = Memory, Ko = ko, En = en });
        await call.RequestStream.CompleteAsync();
        await call.ResponseAsync;
        Assert.Equal(3, (await ConcordanceAsync(server, "었다", "ko")).Total);
    }

    private static async Task<ConcordanceResponse> ConcordanceAsync(RunningServer server, string term, string lang) =>
        await server.Client.ConcordanceAsync(new ConcordanceRequest { Memory = Memory, Term = term, Lang = lang });
}
