namespace TM.Storage.Tests;

public sealed class SegmentStoreTests : IDisposable
{
    private readonly TemporaryDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private static SegmentInput Pair(string ko, string en, string origin = "test") => new(ko, en, origin);

    [Fact]
    public void Stored_pairs_survive_reopening_the_file()
    {
        using (var store = _database.Open())
            store.AddSegments("", ImportKind.Segments, "batch", [Pair("휴전 협정", "the armistice"), Pair("소련", "the Soviet Union")]);

        using var reopened = _database.Open();
        var memory = reopened.FindMemory("")!;
        var segments = reopened.ReadAll(memory.Id).ToList();
        Assert.Equal(["휴전 협정", "소련"], segments.Select(s => s.Korean));
        Assert.Equal(["the armistice", "the Soviet Union"], segments.Select(s => s.English));
        Assert.Equal("ok", reopened.CheckIntegrity());
    }

    [Fact]
    public void A_disposed_store_leaves_the_database_file_holding_everything_without_its_wal()
    {
        var pairs = Enumerable.Range(0, 2_000).Select(i => Pair($"문장 {i}번", $"sentence {i}")).ToList();
        using (var store = _database.Open())
        {
            store.AddSegments("kept", ImportKind.Segments, "batch", pairs);
            // A pooled read connection, as lookups leave them: it must not keep the WAL alive.
            Assert.Equal(2_000, store.GetStatistics("kept").Single().Segments);
        }

        Assert.False(File.Exists(_database.Path + "-wal"));
        using var copy = new TemporaryDatabase();
        File.Copy(_database.Path, copy.Path);
        using var reopened = copy.Open();
        Assert.Equal(pairs.Select(p => p.Korean), reopened.ReadAll(reopened.FindMemory("kept")!.Id).Select(s => s.Korean));
    }

    [Fact]
    public void Reimporting_the_same_pairs_adds_nothing()
    {
        using var store = _database.Open();
        var first = store.AddSegments("m", ImportKind.Segments, "a", [Pair("가", "a"), Pair("나", "b")]);
        var second = store.AddSegments("m", ImportKind.Segments, "a", [Pair("가", "a"), Pair("나", "b"), Pair("다", "c")]);

        Assert.Equal(2, first.Added.Count);
        Assert.Single(second.Added);
        Assert.Equal("다", second.Added[0].Korean);
        Assert.Equal(2, second.SkippedDuplicates);
        Assert.Equal(3, store.GetStatistics("m").Single().Segments);
    }

    [Fact]
    public void Same_source_with_another_translation_is_a_new_pair()
    {
        using var store = _database.Open();
        store.AddSegments("", ImportKind.Segments, "a", [Pair("휴전", "armistice")]);
        var outcome = store.AddSegments("", ImportKind.Segments, "b", [Pair("휴전", "cease-fire")]);

        Assert.Single(outcome.Added);
        var stats = store.GetStatistics("").Single();
        Assert.Equal(2, stats.Segments);
        Assert.Equal(1, stats.DistinctKorean);
        Assert.Equal(2, stats.DistinctEnglish);
    }

    [Fact]
    public void Distinct_counts_follow_every_write_to_the_memory()
    {
        using var store = _database.Open();
        store.AddSegments("", ImportKind.Segments, "a", [Pair("휴전", "armistice")]);
        var before = store.GetStatistics("").Single();
        store.AddSegments("", ImportKind.Segments, "b", [Pair("정전", "armistice")]);
        var afterAdd = store.GetStatistics("").Single();
        store.AddSegments("", new ImportOptions(ImportKind.Segments, "c", UpdatePolicy.Overwrite), [Pair("정전", "cease-fire")]);
        var afterOverwrite = store.GetStatistics("").Single();

        Assert.Equal((1L, 1L), (before.DistinctKorean, before.DistinctEnglish));
        Assert.Equal((2L, 1L), (afterAdd.DistinctKorean, afterAdd.DistinctEnglish));
        Assert.Equal((2L, 2L), (afterOverwrite.DistinctKorean, afterOverwrite.DistinctEnglish));
    }

    [Fact]
    public void Distinct_counts_are_per_memory_and_count_each_sentence_once()
    {
        using var store = _database.Open();
        store.AddSegments("m", new ImportOptions(ImportKind.Segments, "a", UpdatePolicy.AddAlternative),
            [Pair("휴전", "armistice"), Pair("휴전", "cease-fire"), Pair("정전", "armistice"), Pair("회담", "talks"), Pair("회담", "negotiations"), Pair("정전", "truce")]);
        store.AddSegments("other", ImportKind.Segments, "b", [Pair("휴전", "armistice"), Pair("포로", "prisoners")]);

        var stats = store.GetStatistics(null).ToDictionary(s => s.Name);

        Assert.Equal((6L, 3L, 5L), (stats["m"].Segments, stats["m"].DistinctKorean, stats["m"].DistinctEnglish));
        Assert.Equal((2L, 2L, 2L), (stats["other"].Segments, stats["other"].DistinctKorean, stats["other"].DistinctEnglish));
    }

    [Fact]
    public void A_failing_batch_commits_nothing()
    {
        using var store = _database.Open();
        store.AddSegments("", ImportKind.Segments, "good", [Pair("가", "a")]);

        // A null text violates NOT NULL half-way through the batch.
        Assert.ThrowsAny<Exception>(() => store.AddSegments("", ImportKind.Segments, "bad",
            [Pair("나", "b"), new SegmentInput(null!, "c")]));

        var memory = store.FindMemory("")!;
        Assert.Equal(["가"], store.ReadAll(memory.Id).Select(s => s.Korean));
        Assert.Equal(1, store.GetStatistics("").Single().Imports);
    }

    [Fact]
    public void Memories_are_separate()
    {
        using var store = _database.Open();
        store.AddSegments("a", ImportKind.Segments, "x", [Pair("가", "a")]);
        store.AddSegments("b", ImportKind.Segments, "x", [Pair("가", "a"), Pair("나", "b")]);

        Assert.Equal(1, store.GetStatistics("a").Single().Segments);
        Assert.Equal(2, store.GetStatistics("b").Single().Segments);
        Assert.Null(store.FindMemory("c"));
        Assert.Equal(["a", "b"], store.ListMemories().Select(m => m.Name));
    }

    [Fact]
    public void Empty_memory_name_means_the_default_memory()
    {
        using var store = _database.Open();
        store.AddSegments("", ImportKind.Segments, "x", [Pair("가", "a")]);

        Assert.Equal(SegmentStore.DefaultMemoryName, store.FindMemory(SegmentStore.DefaultMemoryName)!.Name);
        Assert.Equal(store.FindMemory("")!.Id, store.FindMemory("  ")!.Id);
    }

    [Fact]
    public void GetSegments_follows_the_order_of_the_ids_and_skips_missing_ones()
    {
        using var store = _database.Open();
        var added = store.AddSegments("", ImportKind.Segments, "x", [Pair("가", "a"), Pair("나", "b"), Pair("다", "c")]).Added;

        var read = store.GetSegments([added[2].Id, 999_999, added[0].Id]);

        Assert.Equal(["다", "가"], read.Select(s => s.Korean));
    }
}
