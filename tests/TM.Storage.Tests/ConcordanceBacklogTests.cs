using Microsoft.Data.Sqlite;

namespace TM.Storage.Tests;

public sealed class ConcordanceBacklogTests : IDisposable
{
    private readonly TemporaryDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private static readonly SegmentInput[] Pairs =
    [
        new("휴전 협정은 7월 26일 체결되었다.", "The armistice was signed on 26 July."),
        new("휴전회담이 시작되었다.", "Armistice talks began."),
        new("소련의 정책", "Soviet policy"),
        new("휴전 협정의 조건", "The terms of the armistice"),
    ];

    [Fact]
    public void Statistics_count_each_memorys_segments_not_yet_in_the_concordance()
    {
        using var store = _database.Open();
        store.AddSegments("a", ImportKind.Segments, "x", Pairs[..3]);
        store.AddSegments("b", ImportKind.Segments, "y", Pairs[3..]);
        Assert.Equal([3L, 1L], store.GetStatistics(null).Select(s => s.ConcordancePending));

        store.IndexConcordanceBacklog(2);
        Assert.Equal([1L, 1L], store.GetStatistics(null).Select(s => s.ConcordancePending));

        store.IndexConcordanceBacklog(10);
        Assert.Equal([0L, 0L], store.GetStatistics(null).Select(s => s.ConcordancePending));
    }

    [Fact]
    public void Segments_are_found_before_and_after_the_backlog_is_indexed()
    {
        using var store = _database.Open();
        var memory = store.GetOrCreateMemory("");
        store.AddSegments("", ImportKind.Segments, "x", Pairs);
        Assert.Equal(4, store.CountConcordanceBacklog());

        var before = Search(store, memory.Id);
        Assert.Equal(2, store.IndexConcordanceBacklog(2));
        var halfway = Search(store, memory.Id);
        Assert.Equal(2, store.IndexConcordanceBacklog(10));
        Assert.Equal(0, store.IndexConcordanceBacklog(10));
        var after = Search(store, memory.Id);

        Assert.Equal(0, store.CountConcordanceBacklog());
        Assert.Equal((2, 3, 1, 2), before.Counts);
        Assert.Equal(before, halfway);
        Assert.Equal(before, after);
        Assert.Equal(["휴전 협정은 7월 26일 체결되었다.", "휴전 협정의 조건"], store.Concordance(memory.Id, "휴전 협정", null, 10).Hits.Select(h => h.Korean));
        AssertIndexIntact();
    }

    [Fact]
    public void Hits_come_oldest_first_across_the_watermark_and_the_total_counts_both_halves()
    {
        using var store = _database.Open();
        var memory = store.GetOrCreateMemory("");
        store.AddSegments("", ImportKind.Segments, "a", Enumerable.Range(1, 5).Select(i => new SegmentInput($"전쟁 기록 {i}", $"war record {i}")).ToList());
        store.IndexConcordanceBacklog(100);
        store.AddSegments("", ImportKind.Segments, "b", Enumerable.Range(6, 5).Select(i => new SegmentInput($"전쟁 기록 {i}", $"war record {i}")).ToList());

        var result = store.Concordance(memory.Id, "war record", SegmentSide.English, 7);

        Assert.Equal(10, result.Total);
        Assert.Equal(Enumerable.Range(1, 7).Select(i => $"war record {i}"), result.Hits.Select(h => h.English));
    }

    [Fact]
    public void Overwriting_an_indexed_segment_replaces_its_text_in_the_index()
    {
        using var store = _database.Open();
        var memory = store.GetOrCreateMemory("");
        store.AddSegments("", ImportKind.Segments, "x", [new("휴전", "armistice agreement"), new("휴전", "truce agreement"), new("소련", "Soviet Union")]);
        store.IndexConcordanceBacklog(100);

        store.AddSegments("", new ImportOptions(ImportKind.Tmx, "y", UpdatePolicy.Overwrite), [new("휴전", "ceasefire accord")]);

        Assert.Equal(0, store.Concordance(memory.Id, "armistice", null, 10).Total);
        Assert.Equal(0, store.Concordance(memory.Id, "truce", null, 10).Total);
        Assert.Equal(0, store.Concordance(memory.Id, "agreement", null, 10).Total);
        Assert.Equal(["ceasefire accord"], store.Concordance(memory.Id, "ceasefire", null, 10).Hits.Select(h => h.English));
        Assert.Equal(1, store.Concordance(memory.Id, "Union", null, 10).Total);
        Assert.Equal(0, store.CountConcordanceBacklog());
        AssertIndexIntact();
        Assert.Equal("ok", store.CheckIntegrity());
    }

    [Fact]
    public void Memories_do_not_see_each_others_backlog()
    {
        using var store = _database.Open();
        var first = store.GetOrCreateMemory("a");
        store.AddSegments("a", ImportKind.Segments, "x", [new("휴전 협정", "armistice")]);
        store.AddSegments("b", ImportKind.Segments, "x", [new("휴전 협정", "armistice")]);

        Assert.Equal(1, store.Concordance(first.Id, "armistice", null, 10).Total);
        store.IndexConcordanceBacklog(1);
        Assert.Equal(1, store.Concordance(first.Id, "armistice", null, 10).Total);
    }

    [Fact]
    public void A_version_2_database_keeps_its_index_and_its_pairs_stay_duplicates()
    {
        var migrations = Path.Combine(RepositoryRoot(), "src", "TM.Storage", "Migrations");
        var scripts = new[] { "001_initial.sql", "002_markup.sql" }.Select(name => File.ReadAllText(Path.Combine(migrations, name)));
        using (var connection = new SqliteConnection($"Data Source={_database.Path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = string.Concat(scripts) +
                "INSERT INTO memories (name, created_utc) VALUES ('default', '2026-01-01T00:00:00Z');" +
                "INSERT INTO imports (memory_id, kind, name, pairs_stored, pairs_skipped, created_utc) VALUES (1, 'tmx', 'old.tmx', 1, 0, '2026-01-01T00:00:00Z');" +
                "INSERT INTO segments (memory_id, ko, en, pair_hash, import_id, created_utc) VALUES (1, '휴전 협정', 'the armistice', x'01', 1, '2026-01-01T00:00:00Z');" +
                "PRAGMA user_version = 2;";
            command.ExecuteNonQuery();
        }

        using var store = _database.Open();
        var memory = store.FindMemory("")!;

        Assert.Equal(0, store.CountConcordanceBacklog());
        Assert.Equal(1, store.Concordance(memory.Id, "armistice", null, 10).Total);
        Assert.Equal(1, store.AddSegments("", ImportKind.Tmx, "old.tmx", [new("휴전 협정", "the armistice")]).SkippedDuplicates);
        var old = store.ListImports("")[0];
        Assert.Equal((ImportStatus.Completed, 1, old.Created), (old.Status, old.Batches, old.Changed));
        store.AddSegments("", new ImportOptions(ImportKind.Tmx, "new.tmx", UpdatePolicy.Overwrite), [new("휴전 협정", "the ceasefire")]);
        Assert.Equal(0, store.Concordance(memory.Id, "armistice", null, 10).Total);
        AssertIndexIntact();
        Assert.Equal("ok", store.CheckIntegrity());
    }

    private sealed record Found(int Armistice, int Hyujeon, int ShortTerm, int KoreanSide)
    {
        public (int, int, int, int) Counts => (Armistice, Hyujeon, ShortTerm, KoreanSide);
    }

    private static Found Search(SegmentStore store, long memoryId) => new(
        store.Concordance(memoryId, "ARMISTICE talks", null, 10).Total + store.Concordance(memoryId, "signed", SegmentSide.English, 10).Total,
        store.Concordance(memoryId, "휴전", null, 10).Total,
        store.Concordance(memoryId, "So", SegmentSide.English, 10).Total,
        store.Concordance(memoryId, "휴전 협정", SegmentSide.Korean, 10).Total);

    // FTS5's own check of an external-content index against its table: a stale entry (a deleted or changed row
    // still indexed under its old text) fails it.
    private void AssertIndexIntact()
    {
        using var connection = new SqliteConnection($"Data Source={_database.Path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO segments_fts(segments_fts, rank) VALUES ('integrity-check', 1);";
        command.ExecuteNonQuery();
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "TM.sln")))
                return directory.FullName;
        }
        throw new InvalidOperationException("TM.sln not found above " + AppContext.BaseDirectory);
    }
}
