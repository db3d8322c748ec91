using Microsoft.Data.Sqlite;

namespace TM.Storage.Tests;

public sealed class MarkupAndImportRecordTests : IDisposable
{
    private readonly TemporaryDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public void Inline_markup_is_stored_with_the_pair_and_survives_reopening()
    {
        using (var store = _database.Open())
        {
            var outcome = store.AddSegments("", ImportKind.Tmx, "a.tmx",
                [new SegmentInput("\uE000훈민정음\uE001", "\uE000Hunminjeongeum\uE001", "a.tmx", KoreanMarkup: "[ko]", EnglishMarkup: "[en]")]);
            Assert.Equal("[ko]", outcome.Added.Single().KoreanMarkup);
        }

        using var reopened = _database.Open();
        var segment = reopened.ReadAll(reopened.FindMemory("")!.Id).Single();
        Assert.Equal("[ko]", segment.KoreanMarkup);
        Assert.Equal("[en]", segment.EnglishMarkup);
        Assert.Equal(segment, reopened.GetSegments([segment.Id]).Single());
    }

    [Fact]
    public void ListImports_reports_each_import_with_its_kind_and_counts_oldest_first()
    {
        using var store = _database.Open();
        store.AddSegments("m", ImportKind.Document, "doc.txt", [new SegmentInput("가", "a")]);
        store.AddSegments("m", ImportKind.Tmx, "a.tmx", [new SegmentInput("가", "a"), new SegmentInput("나", "b")]);
        store.AddSegments("other", ImportKind.Segments, "terms.tsv", [new SegmentInput("다", "c")]);

        var imports = store.ListImports("m");
        var all = store.ListImports(null);

        Assert.Equal(["document", "tmx"], imports.Select(i => i.Kind));
        Assert.Equal(["doc.txt", "a.tmx"], imports.Select(i => i.Name));
        Assert.Equal([1, 1], imports.Select(i => i.PairsStored));
        Assert.Equal([0, 1], imports.Select(i => i.PairsSkipped));
        Assert.Equal(TimeSpan.Zero, imports[0].Created.Offset);
        Assert.Equal(["m", "m", "other"], all.Select(i => i.Memory));
    }

    [Fact]
    public void A_single_call_import_is_recorded_as_finished_after_its_pairs_are_written()
    {
        using var store = _database.Open();
        var pairs = Enumerable.Range(0, 5_000).Select(i => new SegmentInput($"문장 {i}", $"sentence {i}")).ToArray();

        store.AddSegments("m", ImportKind.Tmx, "big.tmx", pairs);

        // Writing 5,000 pairs takes milliseconds; the record used to carry the same instant as begun and completed.
        var record = Assert.Single(store.ListImports("m"));
        Assert.True(record.Completed > record.Created, $"created {record.Created:O}, completed {record.Completed:O}");
    }

    [Fact]
    public void An_import_that_began_before_the_store_was_called_is_recorded_from_then()
    {
        using var store = _database.Open();
        var started = DateTimeOffset.UtcNow.AddSeconds(-2);

        store.AddSegments("m", new ImportOptions(ImportKind.Document, "doc.txt") { Started = started }, [new SegmentInput("가", "a")]);

        var record = Assert.Single(store.ListImports("m"));
        Assert.Equal(started, record.Created);
        Assert.True(record.Completed - record.Created >= TimeSpan.FromSeconds(2), $"created {record.Created:O}, completed {record.Completed:O}");
    }

    [Fact]
    public void Timestamps_of_whole_seconds_from_older_databases_still_read()
    {
        using (var store = _database.Open())
        {
            store.AddSegments("m", ImportKind.Tmx, "old.tmx", [new SegmentInput("가", "a")]);
        }

        using (var connection = new SqliteConnection($"Data Source={_database.Path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE imports SET created_utc = '2026-01-31T09:15:02Z', completed_utc = '2026-01-31T09:15:04Z';";
            command.ExecuteNonQuery();
        }

        using var reopened = _database.Open();
        var record = Assert.Single(reopened.ListImports("m"));
        Assert.Equal(new DateTimeOffset(2026, 1, 31, 9, 15, 2, TimeSpan.Zero), record.Created);
        Assert.Equal(TimeSpan.FromSeconds(2), record.Completed - record.Created);
    }

    [Fact]
    public void A_version_1_database_gains_empty_markup_and_keeps_its_pairs()
    {
        var script = File.ReadAllText(Path.Combine(RepositoryRoot(), "src", "TM.Storage", "Migrations", "001_initial.sql"));
        using (var connection = new SqliteConnection($"Data Source={_database.Path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = script +
                "INSERT INTO memories (name, created_utc) VALUES ('default', '2026-01-01T00:00:00Z');" +
                "INSERT INTO segments (memory_id, ko, en, pair_hash, created_utc) VALUES (1, '가', 'a', x'00', '2026-01-01T00:00:00Z');" +
                "PRAGMA user_version = 1;";
            command.ExecuteNonQuery();
        }

        using var store = _database.Open();
        var segment = store.ReadAll(1).Single();
        Assert.Equal(("가", "a", "", ""), (segment.Korean, segment.English, segment.KoreanMarkup, segment.EnglishMarkup));
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
