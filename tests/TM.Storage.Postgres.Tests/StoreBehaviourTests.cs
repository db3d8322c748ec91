namespace TM.Storage.Postgres.Tests;

/// <summary>
/// What every segment store does, run on each store by a subclass that opens it: the same calls, the same
/// expectations. A difference between the stores fails one subclass and not the other.
/// </summary>
public abstract partial class StoreBehaviourTests : IDisposable
{
    private readonly List<ISegmentStore> _opened = [];

    /// <summary>Opens the store on the test's own (initially empty) database; the same database each time.</summary>
    protected abstract ISegmentStore OpenStore();

    public virtual void Dispose()
    {
        foreach (var store in _opened)
            store.Dispose();
        GC.SuppressFinalize(this);
    }

    private ISegmentStore Open()
    {
        var store = OpenStore();
        _opened.Add(store);
        return store;
    }

    private static ImportOptions Options(UpdatePolicy policy, SegmentSide source = SegmentSide.Korean) => new(ImportKind.Tmx, "update.tmx", policy, source);

    private static List<(string Korean, string English)> Pairs(ISegmentStore store, string memory = "") =>
        store.ReadAll(store.FindMemory(memory)!.Id).Select(s => (s.Korean, s.English)).ToList();

    private static StoredSegment WithoutFields(StoredSegment segment) => segment with { Fields = [] };

    private static List<SegmentInput> Numbered(int from, int count) =>
        Enumerable.Range(from, count).Select(i => new SegmentInput($"문장 {i}번", $"Sentence number {i}.")).ToList();

    [Fact]
    public void Created_memory_is_listed_found_and_keeps_its_settings()
    {
        var store = Open();
        var settings = new MemorySettings
        {
            Description = "군사 연구",
            MinScore = 70,
            AlignedPenalty = 2,
            Fields = [new FieldDefinition("domain", FieldType.Picklist, ["war", "armistice"])],
            FieldPenalties = [new FieldPenalty("domain", "war", 3)],
        };

        var created = store.CreateMemory("journal", settings);

        Assert.Equal(created, store.FindMemory(" journal "));
        Assert.Contains(created, store.ListMemories());
        var read = store.GetSettings(created.Id);
        Assert.Equal((settings.Description, settings.MinScore, settings.MultipleTranslationsPenalty, settings.AlignedPenalty, settings.LowConfidencePenalty),
            (read.Description, read.MinScore, read.MultipleTranslationsPenalty, read.AlignedPenalty, read.LowConfidencePenalty));
        Assert.Equal(settings.Fields.Single().Choices, read.Fields.Single().Choices);
        Assert.Equal(settings.FieldPenalties, read.FieldPenalties);
        Assert.InRange(store.GetCreated(created.Id)!.Value, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(5));
        Assert.Null(store.FindMemory("other"));
        Assert.Null(store.GetCreated(created.Id + 1000));
        Assert.Same(MemorySettings.None, store.GetSettings(created.Id + 1000));
    }

    [Fact]
    public void Creating_a_memory_under_a_taken_name_throws_MemoryExistsException()
    {
        var store = Open();
        store.CreateMemory("journal", MemorySettings.None);

        Assert.Throws<MemoryExistsException>(() => store.CreateMemory("journal", MemorySettings.None));
        Assert.Equal(store.GetOrCreateMemory("journal"), store.FindMemory("journal"));
    }

    [Fact]
    public void Empty_memory_name_is_the_default_memory()
    {
        var store = Open();

        var memory = store.GetOrCreateMemory("");

        Assert.Equal(SegmentStore.DefaultMemoryName, memory.Name);
        Assert.Equal(memory, store.GetOrCreateMemory(null));
        Assert.Equal(memory, store.FindMemory(SegmentStore.DefaultMemoryName));
    }

    [Fact]
    public void Settings_are_replaced_as_a_whole()
    {
        var store = Open();
        var memory = store.CreateMemory("journal", new MemorySettings { Description = "old", MinScore = 60 });

        store.SetSettings(memory.Id, new MemorySettings { Description = "new" });

        var read = store.GetSettings(memory.Id);
        Assert.Equal(("new", (double?)null), (read.Description, read.MinScore));
    }

    [Fact]
    public void Renamed_memory_is_found_under_its_new_name_only_and_keeps_its_pairs()
    {
        var store = Open();
        store.AddSegments("old", ImportKind.Segments, "a.tsv", [new("휴전", "armistice")]);
        store.CreateMemory("taken", MemorySettings.None);
        var memory = store.FindMemory("old")!;

        store.RenameMemory(memory.Id, "new");

        Assert.Null(store.FindMemory("old"));
        Assert.Equal(memory.Id, store.FindMemory("new")!.Id);
        Assert.Equal([("휴전", "armistice")], Pairs(store, "new"));
        Assert.Equal("new", store.ListImports("new").Single().Memory);
        Assert.Throws<MemoryExistsException>(() => store.RenameMemory(memory.Id, "taken"));
        Assert.Throws<ArgumentException>(() => store.RenameMemory(store.GetOrCreateMemory("").Id, "other"));
    }

    [Fact]
    public void Deleted_memory_is_gone_with_its_pairs_and_imports_and_others_stay()
    {
        var store = Open();
        var doomed = store.AddSegments("doomed", ImportKind.Segments, "a.tsv", [new("휴전", "armistice"), new("소련", "USSR")]);
        store.AddSegments("kept", ImportKind.Segments, "b.tsv", [new("휴전", "armistice")]);

        Assert.NotNull(store.DeleteMemory(doomed.MemoryId));

        Assert.Null(store.FindMemory("doomed"));
        Assert.Empty(store.GetSegments(doomed.Added.Select(s => s.Id).ToList()));
        Assert.Empty(store.ListImports("doomed"));
        Assert.Equal([("휴전", "armistice")], Pairs(store, "kept"));
        Assert.Null(store.DeleteMemory(doomed.MemoryId));
        Assert.Throws<ArgumentException>(() => store.DeleteMemory(store.GetOrCreateMemory("").Id));
    }

    [Fact]
    public void Imported_batch_reads_back_with_its_metadata_in_input_order()
    {
        var store = Open();
        SegmentInput[] pairs =
        [
            new("휴전 협정이 체결되었다.", "The armistice was signed.", Origin: "war.txt", Note: "p. 3", Confidence: 0.75, LowConfidence: true,
                KoreanMarkup: "[k]", EnglishMarkup: "[e]") { Fields = [new FieldValue("domain", "war")] },
            new("소련", "USSR"),
        ];

        var outcome = store.AddSegments("", new ImportOptions(ImportKind.Document, "war.txt") { CreatedBy = "editor" }, pairs);

        Assert.Equal(pairs.Select(p => (p.Korean, p.English)), outcome.Added.Select(s => (s.Korean, s.English)));
        Assert.True(outcome.Added[0].Id < outcome.Added[1].Id);
        // Fields is a list, compared by reference in the record's equality: it is compared on its own.
        var stored = store.ReadAll(outcome.MemoryId).ToList();
        Assert.Equal(outcome.Added.Select(WithoutFields), stored.Select(WithoutFields));
        Assert.Equal(new StoredSegment(outcome.Added[0].Id, pairs[0].Korean, pairs[0].English, "war.txt", "p. 3", 0.75, true, "[k]", "[e]"), WithoutFields(stored[0]));
        Assert.Equal(pairs[0].Fields, stored[0].Fields);
        Assert.Empty(stored[1].Fields);
        var ids = outcome.Added.Select(s => s.Id).Reverse().Append(999_999).ToList();
        Assert.Equal(stored.AsEnumerable().Reverse().Select(WithoutFields), store.GetSegments(ids).Select(WithoutFields));
        var records = store.GetRecords(ids);
        Assert.Equal(stored.AsEnumerable().Reverse().Select(WithoutFields), records.Select(r => WithoutFields(r.Segment)));
        Assert.Equal(pairs[0].Fields, records[1].Segment.Fields);
        Assert.All(records, r => Assert.Equal((outcome.MemoryId, outcome.ImportId, "editor", "editor"), (r.MemoryId, r.ImportId, r.CreatedBy, r.ChangedBy)));
        Assert.All(records, r => Assert.Equal(outcome.ChangeSequence, r.Version));
        Assert.True(outcome.ChangeSequence > 0);
    }

    [Fact]
    public void Reimporting_the_same_pairs_skips_them_all_and_counts_them()
    {
        var store = Open();
        var pairs = Numbered(0, 50);
        store.AddSegments("", ImportKind.Segments, "a.tsv", pairs);

        var again = store.AddSegments("", ImportKind.Segments, "a.tsv", pairs);

        Assert.Empty(again.Added);
        Assert.Equal(pairs.Count, again.SkippedDuplicates);
        Assert.Equal(0, again.ChangeSequence);
        Assert.Equal(pairs.Count, store.ReadAll(again.MemoryId).Count());
        var record = store.FindImport(again.ImportId)!;
        Assert.Equal((0, pairs.Count, ImportStatus.Completed), (record.PairsStored, record.PairsSkipped, record.Status));
    }

    [Fact]
    public void A_pair_repeated_within_a_batch_is_stored_once()
    {
        var store = Open();

        var outcome = store.AddSegments("", ImportKind.Segments, "a.tsv", [new("휴전", "armistice"), new("소련", "USSR"), new("휴전", "armistice")]);

        Assert.Equal(2, outcome.Added.Count);
        Assert.Equal(1, outcome.SkippedDuplicates);
    }

    [Fact]
    public void AddAlternative_stores_another_translation_and_skips_the_identical_pair()
    {
        var store = Open();
        store.AddSegments("", Options(UpdatePolicy.AddAlternative), [new("휴전", "armistice")]);

        var outcome = store.AddSegments("", Options(UpdatePolicy.AddAlternative), [new("휴전", "armistice"), new("휴전", "ceasefire")]);

        Assert.Equal(["ceasefire"], outcome.Added.Select(s => s.English));
        Assert.Equal(1, outcome.SkippedDuplicates);
        Assert.Equal([("휴전", "armistice"), ("휴전", "ceasefire")], Pairs(store));
    }

    [Fact]
    public void KeepExisting_leaves_the_existing_translation_and_counts_the_pair()
    {
        var store = Open();
        store.AddSegments("", Options(UpdatePolicy.AddAlternative), [new("휴전", "armistice")]);

        var outcome = store.AddSegments("", Options(UpdatePolicy.KeepExisting), [new("휴전", "ceasefire"), new("휴전", "armistice"), new("소련", "USSR")]);

        Assert.Equal(["소련"], outcome.Added.Select(s => s.Korean));
        Assert.Equal((1, 1), (outcome.KeptExisting, outcome.SkippedDuplicates));
        Assert.Empty(outcome.Updated);
        Assert.Equal([("휴전", "armistice"), ("소련", "USSR")], Pairs(store));
        var record = store.ListImports("").Last();
        Assert.Equal((1, 1, 1, UpdatePolicy.KeepExisting), (record.PairsStored, record.PairsSkipped, record.PairsKeptExisting, record.Policy));
    }

    [Fact]
    public void Overwrite_updates_the_oldest_pair_in_place_and_removes_the_other_translations()
    {
        var store = Open();
        var first = store.AddSegments("", Options(UpdatePolicy.AddAlternative), [new("휴전", "armistice"), new("휴전", "truce"), new("소련", "USSR")]).Added;

        var outcome = store.AddSegments("", Options(UpdatePolicy.Overwrite),
            [new("휴전", "ceasefire", Origin: "new.tmx", Note: "reviewed", Confidence: 0.5, LowConfidence: true, KoreanMarkup: "[k]", EnglishMarkup: "[e]")]);

        var updated = Assert.Single(outcome.Updated);
        Assert.Equal(new StoredSegment(first[0].Id, "휴전", "ceasefire", "new.tmx", "reviewed", 0.5, true, "[k]", "[e]"), updated);
        Assert.Equal([first[1].Id], outcome.Removed);
        Assert.Empty(outcome.Added);
        Assert.Equal(1, outcome.Overwritten);
        Assert.Equal(WithoutFields(updated), WithoutFields(store.GetSegments([first[0].Id]).Single()));
        Assert.Equal([("휴전", "ceasefire"), ("소련", "USSR")], Pairs(store));
        var record = store.GetRecords([first[0].Id]).Single();
        Assert.Equal((outcome.ImportId, outcome.ChangeSequence), (record.ImportId, record.Version));
        var import = store.FindImport(outcome.ImportId)!;
        Assert.Equal((0, 1, 1), (import.PairsStored, import.PairsUpdated, import.PairsRemoved));
    }

    [Fact]
    public void Overwrite_within_one_batch_keeps_the_last_translation_as_an_added_pair()
    {
        var store = Open();

        var outcome = store.AddSegments("", Options(UpdatePolicy.Overwrite), [new("휴전", "armistice"), new("휴전", "ceasefire")]);

        var added = Assert.Single(outcome.Added);
        Assert.Equal("ceasefire", added.English);
        Assert.Empty(outcome.Updated);
        Assert.Equal(1, outcome.Overwritten);
        Assert.Equal([("휴전", "ceasefire")], Pairs(store));
    }

    [Fact]
    public void Overwrite_with_English_as_the_source_replaces_the_Korean()
    {
        var store = Open();
        var first = store.AddSegments("", Options(UpdatePolicy.AddAlternative), [new("휴전", "armistice")]).Added.Single();

        var outcome = store.AddSegments("", Options(UpdatePolicy.Overwrite, SegmentSide.English), [new("정전", "armistice"), new("휴전", "truce")]);

        Assert.Equal(first.Id, outcome.Updated.Single().Id);
        Assert.Equal([("정전", "armistice"), ("휴전", "truce")], Pairs(store));
    }

    [Fact]
    public void Import_resumed_after_a_failed_batch_holds_exactly_the_committed_batches()
    {
        var store = Open();
        var session = store.BeginImport("journal", new ImportOptions(ImportKind.Segments, "big.tsv"));
        store.CommitBatch(session, Numbered(0, 10), sourcePosition: 10, sourceFingerprint: 77);
        var bad = Numbered(10, 10);
        bad[5] = new SegmentInput("휴전", null!);

        Assert.Throws<ArgumentException>(() => store.CommitBatch(session, bad, sourcePosition: 20));
        store.CompleteImport(session, ImportStatus.Failed, "bad line 15");
        Assert.Throws<InvalidOperationException>(() => store.CommitBatch(session, Numbered(10, 10), sourcePosition: 20));
        var resumed = store.ResumeImport(session.ImportId, "resumer");

        Assert.Equal((10, 0, 10L, 77L, 1), (resumed.PairsStored, resumed.PairsSkipped, resumed.SourcePosition, resumed.SourceFingerprint, resumed.Batches));
        Assert.Equal(10, store.ReadAll(session.Memory.Id).Count());
        store.CommitBatch(resumed, Numbered(10, 10), sourcePosition: 20);
        store.CompleteImport(resumed, ImportStatus.Completed, null);
        Assert.Equal(Numbered(0, 20).Select(p => (p.Korean, p.English)), Pairs(store, "journal"));
        var record = store.FindImport(session.ImportId)!;
        Assert.Equal((ImportStatus.Completed, 20, 2, 20L), (record.Status, record.PairsStored, record.Batches, record.SourcePosition));
        Assert.NotNull(record.Completed);
        Assert.Throws<InvalidOperationException>(() => store.ResumeImport(session.ImportId));
        Assert.Throws<KeyNotFoundException>(() => store.ResumeImport(session.ImportId + 1000));
    }

    [Fact]
    public void An_import_left_running_by_a_closed_store_is_interrupted_when_the_store_opens_again()
    {
        var store = Open();
        var session = store.BeginImport("", new ImportOptions(ImportKind.Tmx, "a.tmx", UpdatePolicy.KeepExisting, SegmentSide.English) { CreatedBy = "bot" });
        store.CommitBatch(session, Numbered(0, 3), sourcePosition: 3);
        store.Dispose();

        var record = Open().FindImport(session.ImportId)!;

        Assert.Equal((ImportStatus.Interrupted, "tmx", "a.tmx", UpdatePolicy.KeepExisting, SegmentSide.English, "bot", 3, 1),
            (record.Status, record.Kind, record.Name, record.Policy, record.SourceSide, record.CreatedBy, record.PairsStored, record.Batches));
        Assert.Null(record.Completed);
    }

    [Fact]
    public void ReadAll_returns_one_memorys_segments_in_id_order_across_imports()
    {
        var store = Open();
        store.AddSegments("a", ImportKind.Segments, "1", Numbered(0, 5));
        store.AddSegments("b", ImportKind.Segments, "2", Numbered(100, 5));
        store.AddSegments("a", ImportKind.Segments, "3", Numbered(5, 5));

        var segments = store.ReadAll(store.FindMemory("a")!.Id).ToList();

        Assert.Equal(Numbered(0, 10).Select(p => p.Korean), segments.Select(s => s.Korean));
        Assert.Equal(segments.OrderBy(s => s.Id), segments);
        Assert.Equal(["a", "b"], store.ListMemories().Select(m => m.Name));
        Assert.Equal(["1", "3"], store.ListImports("a").Select(i => i.Name));
        Assert.Equal(3, store.ListImports(null).Count);
    }

    [Fact]
    public void Statistics_count_pairs_imports_and_distinct_sentences()
    {
        var store = Open();
        store.AddSegments("a", ImportKind.Segments, "1", [new("휴전", "armistice"), new("휴전", "truce"), new("소련", "armistice")]);
        store.AddSegments("b", ImportKind.Segments, "2", [new("소련", "USSR")]);
        store.AddSegments("b", ImportKind.Segments, "3", [new("소련", "USSR")]);

        var all = store.GetStatistics(null);
        var a = store.GetStatistics("a").Single();

        Assert.Equal([new MemoryStatistics("a", 3, 1, 2, 2, 0), new MemoryStatistics("b", 1, 2, 1, 1, 0)], all);
        Assert.Equal(all[0], a);
        Assert.Equal(3, store.GetStatistics("a", ChangeCursor.Start).Single().ConcordancePending);
        Assert.Equal(0, store.GetStatistics("a", ChangeCursor.After(long.MaxValue - 1)).Single().ConcordancePending);
        Assert.Empty(store.GetStatistics("missing"));
    }

    [Fact]
    public void Version_moves_on_with_every_write_and_counts_the_pairs()
    {
        var store = Open();
        var first = store.AddSegments("", ImportKind.Segments, "1", Numbered(0, 3));
        var before = store.GetVersion(first.MemoryId);

        var second = store.AddSegments("", ImportKind.Segments, "2", Numbered(3, 2));
        var after = store.GetVersion(first.MemoryId);

        Assert.Equal((3L, first.Added[^1].Id), (before.Segments, before.LastSegmentId));
        Assert.Equal((5L, second.Added[^1].Id), (after.Segments, after.LastSegmentId));
        Assert.True(after.Generation > before.Generation);
        Assert.Equal(before.StoreId, after.StoreId);
        Assert.Throws<InvalidOperationException>(() => store.GetVersion(first.MemoryId + 1000));
    }

    [Fact]
    public void Twenty_thousand_pairs_in_batches_of_five_thousand_complete_and_read_back()
    {
        var store = Open();
        var session = store.BeginImport("bulk", new ImportOptions(ImportKind.Segments, "bulk.tsv"));
        for (var batch = 0; batch < 4; batch++)
            store.CommitBatch(session, Numbered(batch * 5_000, 5_000), sourcePosition: (batch + 1) * 5_000);
        store.CompleteImport(session, ImportStatus.Completed, null);

        var stored = store.ReadAll(session.Memory.Id).ToList();

        Assert.Equal(20_000, stored.Count);
        Assert.Equal(Numbered(0, 20_000).Select(p => p.Korean), stored.Select(s => s.Korean));
        Assert.Equal((20_000, 4), (store.FindImport(session.ImportId)!.PairsStored, store.FindImport(session.ImportId)!.Batches));
        Assert.Equal(20_000, store.GetStatistics("bulk").Single().DistinctEnglish);
    }
}
