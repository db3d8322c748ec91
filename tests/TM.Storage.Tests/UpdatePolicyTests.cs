namespace TM.Storage.Tests;

public sealed class UpdatePolicyTests : IDisposable
{
    private readonly TemporaryDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private static ImportOptions Options(UpdatePolicy policy, SegmentSide source = SegmentSide.Korean) =>
        new(ImportKind.Tmx, "update.tmx", policy, source);

    private static List<(string Korean, string English)> Pairs(SegmentStore store, string memory = "") =>
        store.ReadAll(store.FindMemory(memory)!.Id).Select(s => (s.Korean, s.English)).ToList();

    [Fact]
    public void AddAlternative_stores_another_translation_and_skips_the_identical_pair()
    {
        using var store = _database.Open();
        store.AddSegments("", Options(UpdatePolicy.AddAlternative), [new("휴전", "armistice")]);

        var outcome = store.AddSegments("", Options(UpdatePolicy.AddAlternative), [new("휴전", "armistice"), new("휴전", "ceasefire")]);

        Assert.Equal(["ceasefire"], outcome.Added.Select(s => s.English));
        Assert.Equal(1, outcome.SkippedDuplicates);
        Assert.Equal([("휴전", "armistice"), ("휴전", "ceasefire")], Pairs(store));
    }

    [Fact]
    public void KeepExisting_leaves_the_existing_translation_and_counts_the_pair()
    {
        using var store = _database.Open();
        store.AddSegments("", Options(UpdatePolicy.AddAlternative), [new("휴전", "armistice")]);

        var outcome = store.AddSegments("", Options(UpdatePolicy.KeepExisting), [new("휴전", "ceasefire"), new("휴전", "armistice"), new("소련", "USSR")]);

        Assert.Equal(["소련"], outcome.Added.Select(s => s.Korean));
        Assert.Equal(1, outcome.KeptExisting);
        Assert.Equal(1, outcome.SkippedDuplicates);
        Assert.Empty(outcome.Updated);
        Assert.Equal([("휴전", "armistice"), ("소련", "USSR")], Pairs(store));
        var record = store.ListImports("").Last();
        Assert.Equal((1, 1, 1, UpdatePolicy.KeepExisting), (record.PairsStored, record.PairsSkipped, record.PairsKeptExisting, record.Policy));
    }

    [Fact]
    public void Overwrite_updates_the_oldest_pair_in_place_and_removes_the_other_translations()
    {
        using var store = _database.Open();
        var first = store.AddSegments("", Options(UpdatePolicy.AddAlternative), [new("휴전", "armistice"), new("휴전", "truce"), new("소련", "USSR")]).Added;

        var outcome = store.AddSegments("", Options(UpdatePolicy.Overwrite),
            [new("휴전", "ceasefire", Origin: "new.tmx", Note: "reviewed", Confidence: 0.5, LowConfidence: true, KoreanMarkup: "[k]", EnglishMarkup: "[e]")]);

        var updated = Assert.Single(outcome.Updated);
        Assert.Equal(first[0].Id, updated.Id);
        Assert.Equal(new StoredSegment(first[0].Id, "휴전", "ceasefire", "new.tmx", "reviewed", 0.5, true, "[k]", "[e]"), updated);
        Assert.Equal([first[1].Id], outcome.Removed);
        Assert.Empty(outcome.Added);
        Assert.Equal(1, outcome.Overwritten);
        Assert.Equal(updated, store.GetSegments([first[0].Id]).Single());
        Assert.Empty(store.GetSegments([first[1].Id]));
        Assert.Equal([("휴전", "ceasefire"), ("소련", "USSR")], Pairs(store));
        var record = store.ListImports("").Last();
        Assert.Equal((0, 1, 1), (record.PairsStored, record.PairsUpdated, record.PairsRemoved));
        Assert.Equal("ok", store.CheckIntegrity());
    }

    [Fact]
    public void Overwrite_with_a_pair_the_memory_already_holds_is_a_duplicate_and_keeps_the_alternatives()
    {
        using var store = _database.Open();
        store.AddSegments("", Options(UpdatePolicy.AddAlternative), [new("휴전", "armistice"), new("휴전", "truce")]);

        var outcome = store.AddSegments("", Options(UpdatePolicy.Overwrite), [new("휴전", "truce")]);

        Assert.Equal(1, outcome.SkippedDuplicates);
        Assert.Empty(outcome.Updated);
        Assert.Empty(outcome.Removed);
        Assert.Equal([("휴전", "armistice"), ("휴전", "truce")], Pairs(store));
    }

    [Theory]
    [InlineData(UpdatePolicy.AddAlternative)]
    [InlineData(UpdatePolicy.KeepExisting)]
    [InlineData(UpdatePolicy.Overwrite)]
    public void A_pair_twice_in_one_batch_is_stored_once(UpdatePolicy policy)
    {
        using var store = _database.Open();

        var outcome = store.AddSegments("", Options(policy), [new("휴전", "armistice"), new("소련", "USSR"), new("휴전", "armistice")]);

        Assert.Equal(2, outcome.Added.Count);
        Assert.Equal(1, outcome.SkippedDuplicates);
        Assert.Equal([("휴전", "armistice"), ("소련", "USSR")], Pairs(store));
    }

    [Fact]
    public void Policies_apply_in_order_within_a_batch()
    {
        using var store = _database.Open();

        var kept = store.AddSegments("keep", Options(UpdatePolicy.KeepExisting), [new("휴전", "armistice"), new("휴전", "ceasefire")]);
        var overwritten = store.AddSegments("over", Options(UpdatePolicy.Overwrite), [new("휴전", "armistice"), new("휴전", "ceasefire")]);
        var alternatives = store.AddSegments("alt", Options(UpdatePolicy.AddAlternative), [new("휴전", "armistice"), new("휴전", "ceasefire")]);

        Assert.Equal((1, 1), (kept.Added.Count, kept.KeptExisting));
        Assert.Equal([("휴전", "armistice")], Pairs(store, "keep"));
        // The second pair overwrites the first, stored by this same batch: one new segment, in its final form.
        var added = Assert.Single(overwritten.Added);
        Assert.Equal("ceasefire", added.English);
        Assert.Empty(overwritten.Updated);
        Assert.Equal(1, overwritten.Overwritten);
        Assert.Equal([("휴전", "ceasefire")], Pairs(store, "over"));
        Assert.Equal(added, store.GetSegments([added.Id]).Single());
        Assert.Equal(2, alternatives.Added.Count);
    }

    [Fact]
    public void Overwriting_one_source_twice_in_a_batch_reports_the_segment_once_in_its_final_form()
    {
        using var store = _database.Open();
        var id = store.AddSegments("", Options(UpdatePolicy.AddAlternative), [new("휴전", "armistice")]).Added[0].Id;

        var outcome = store.AddSegments("", Options(UpdatePolicy.Overwrite), [new("휴전", "truce"), new("휴전", "ceasefire")]);

        var updated = Assert.Single(outcome.Updated);
        Assert.Equal((id, "ceasefire"), (updated.Id, updated.English));
        Assert.Equal(2, outcome.Overwritten);
        Assert.Equal([("휴전", "ceasefire")], Pairs(store));
    }

    [Fact]
    public void The_source_side_decides_which_text_must_match()
    {
        using var store = _database.Open();
        store.AddSegments("", Options(UpdatePolicy.AddAlternative), [new("예", "yes")]);

        var englishSource = store.AddSegments("", Options(UpdatePolicy.KeepExisting, SegmentSide.English), [new("네", "yes")]);
        var koreanSource = store.AddSegments("", Options(UpdatePolicy.KeepExisting, SegmentSide.Korean), [new("네", "yes")]);
        var overwrite = store.AddSegments("", Options(UpdatePolicy.Overwrite, SegmentSide.English), [new("그렇다", "yes")]);

        Assert.Equal(1, englishSource.KeptExisting);
        Assert.Single(koreanSource.Added);
        // Both pairs with the English source "yes" collapse into the oldest, whose Korean side is replaced.
        Assert.Equal([("그렇다", "yes")], Pairs(store));
        Assert.Single(overwrite.Removed);
        Assert.Equal(SegmentSide.English, store.ListImports("").Last().SourceSide);
    }

    [Fact]
    public void Matching_is_exact_text_equality()
    {
        using var store = _database.Open();
        store.AddSegments("", Options(UpdatePolicy.AddAlternative), [new("Armistice", "휴전")]);

        var outcome = store.AddSegments("", Options(UpdatePolicy.KeepExisting, SegmentSide.Korean),
            [new("Armistice ", "휴전 협정"), new("armistice", "휴전 협정"), new("Armistice", "휴전 협정")]);

        Assert.Equal(["Armistice ", "armistice"], outcome.Added.Select(s => s.Korean));
        Assert.Equal(1, outcome.KeptExisting);
    }

    [Fact]
    public void The_policy_sees_pairs_stored_before_the_store_was_reopened()
    {
        using (var store = _database.Open())
            store.AddSegments("", Options(UpdatePolicy.AddAlternative), [new("휴전", "armistice")]);

        using var reopened = _database.Open();
        var outcome = reopened.AddSegments("", Options(UpdatePolicy.KeepExisting), [new("휴전", "ceasefire"), new("휴전", "armistice")]);

        Assert.Equal((0, 1, 1), (outcome.Added.Count, outcome.KeptExisting, outcome.SkippedDuplicates));
    }

    [Fact]
    public void The_policy_sees_pairs_another_store_wrote_to_the_same_file()
    {
        using var first = _database.Open();
        first.AddSegments("", Options(UpdatePolicy.AddAlternative), [new("휴전", "armistice")]);
        using (var second = SegmentStore.Open(_database.Path))
            second.AddSegments("", Options(UpdatePolicy.AddAlternative), [new("소련", "USSR")]);

        var outcome = first.AddSegments("", Options(UpdatePolicy.KeepExisting), [new("소련", "Soviet Union"), new("소련", "USSR")]);

        Assert.Equal((0, 1, 1), (outcome.Added.Count, outcome.KeptExisting, outcome.SkippedDuplicates));
    }

    [Fact]
    public void Reimporting_in_batches_adds_nothing()
    {
        using var store = _database.Open();
        var pairs = Enumerable.Range(0, 50).Select(i => new SegmentInput($"문장 {i}", $"sentence {i}")).ToList();
        foreach (var policy in new[] { UpdatePolicy.AddAlternative, UpdatePolicy.KeepExisting, UpdatePolicy.Overwrite })
        {
            var session = store.BeginImport("", Options(policy));
            foreach (var chunk in pairs.Chunk(20))
                store.CommitBatch(session, chunk, 0);
            store.CompleteImport(session, ImportStatus.Completed, null);
        }

        var imports = store.ListImports("");
        Assert.Equal([50, 0, 0], imports.Select(i => i.PairsStored));
        Assert.Equal([0, 50, 50], imports.Select(i => i.PairsSkipped));
        Assert.Equal(50, store.GetStatistics("").Single().Segments);
    }
}
