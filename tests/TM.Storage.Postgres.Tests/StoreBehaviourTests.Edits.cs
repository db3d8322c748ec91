namespace TM.Storage.Postgres.Tests;

/// <content>One segment added, edited or deleted at a time: guarded by its version, its own commit, its old texts kept.</content>
public abstract partial class StoreBehaviourTests
{
    // A memory "m" holding one imported pair with markup, a low confidence and a field; its record as read back.
    private (ISegmentStore Store, long Memory, SegmentRecord Record) OpenWithOnePair()
    {
        var store = Open();
        var outcome = store.AddSegments("m", ImportKind.Segments, "batch",
            [new SegmentInput("휴전 협정", "the armistice", "test", Confidence: 0.5, LowConfidence: true, KoreanMarkup: "[k]", EnglishMarkup: "[e]")
            {
                Fields = [new FieldValue("domain", "war")],
            }]);
        return (store, outcome.MemoryId, store.GetRecords([outcome.Added[0].Id]).Single());
    }

    [Fact]
    public void An_edit_moves_the_version_on_and_an_edit_of_the_old_version_is_refused()
    {
        var (store, memory, record) = OpenWithOnePair();
        var generation = store.GetVersion(memory).Generation;

        var edit = store.UpdateSegment(memory, record.Segment.Id, null, "the Armistice Agreement", record.Version, "reviewer")!;

        var edited = edit.Record!;
        Assert.Equal((record.Segment.Id, "휴전 협정", "the Armistice Agreement"), (edited.Segment.Id, edited.Segment.Korean, edited.Segment.English));
        Assert.Equal(("reviewer", edit.ChangeSequence, memory), (edited.ChangedBy, edited.Version, edit.MemoryId));
        Assert.True(edit.ChangeSequence > record.Version);
        Assert.Equal(store.ChangeSequence(), edit.ChangeSequence);
        Assert.True(store.GetVersion(memory).Generation > generation);
        // A person checked it: trusted; the changed side's tags are gone, the other side's stay; fields kept when not given.
        Assert.Equal((1.0, false, "[k]", ""), (edited.Segment.Confidence, edited.Segment.LowConfidence, edited.Segment.KoreanMarkup, edited.Segment.EnglishMarkup));
        Assert.Equal([new FieldValue("domain", "war")], edited.Segment.Fields);
        var conflict = Assert.Throws<SegmentConflictException>(() => store.UpdateSegment(memory, record.Segment.Id, null, "x", record.Version, ""));
        Assert.Equal(edited.Version, conflict.CurrentVersion);
        Assert.Equal("the Armistice Agreement", store.GetSegments([record.Segment.Id]).Single().English);
    }

    [Fact]
    public void An_edit_with_fields_replaces_them_and_an_empty_side_is_refused()
    {
        var (store, memory, record) = OpenWithOnePair();

        var edit = store.UpdateSegment(memory, record.Segment.Id, "정전 협정", null, record.Version, "", [new FieldValue("domain", "armistice")])!;

        Assert.Equal(("정전 협정", "the armistice"), (edit.Record!.Segment.Korean, edit.Record.Segment.English));
        Assert.Equal(("", "[e]"), (edit.Record.Segment.KoreanMarkup, edit.Record.Segment.EnglishMarkup));
        Assert.Equal([new FieldValue("domain", "armistice")], edit.Record.Segment.Fields);
        Assert.Throws<ArgumentException>(() => store.UpdateSegment(memory, record.Segment.Id, "", null, edit.ChangeSequence, ""));
    }

    [Fact]
    public void Editing_a_segment_into_another_stored_pair_is_a_duplicate_and_changes_nothing()
    {
        var (store, memory, record) = OpenWithOnePair();
        store.AddSegments("m", ImportKind.Segments, "more", [new SegmentInput("휴전 협정", "the truce")]);
        var sequence = store.ChangeSequence();

        Assert.Throws<DuplicateSegmentException>(() => store.UpdateSegment(memory, record.Segment.Id, null, "the truce", record.Version, ""));

        Assert.Equal(record.Version, store.GetRecords([record.Segment.Id]).Single().Version);
        Assert.Equal(sequence, store.ChangeSequence());
        Assert.Empty(store.GetHistory(record.Segment.Id));
        // An edit that leaves the pair as it is is no copy of another segment.
        Assert.NotNull(store.UpdateSegment(memory, record.Segment.Id, "휴전 협정", null, record.Version, ""));
    }

    [Fact]
    public void After_an_edit_importing_the_old_pair_stores_it_again_and_the_new_pair_is_a_duplicate()
    {
        var (store, memory, record) = OpenWithOnePair();
        store.UpdateSegment(memory, record.Segment.Id, null, "the Armistice Agreement", record.Version, "");

        var again = store.AddSegments("m", ImportKind.Segments, "again",
            [new SegmentInput("휴전 협정", "the armistice", "test"), new SegmentInput("휴전 협정", "the Armistice Agreement", "test")]);

        Assert.Equal(["the armistice"], again.Added.Select(s => s.English));
        Assert.Equal(1, again.SkippedDuplicates);
    }

    [Fact]
    public void A_deleted_segment_is_gone_its_own_commit_and_its_pair_can_be_imported_again()
    {
        var (store, memory, record) = OpenWithOnePair();
        var generation = store.GetVersion(memory).Generation;

        Assert.Throws<SegmentConflictException>(() => store.DeleteSegment(memory, record.Segment.Id, record.Version + 1));
        var delete = store.DeleteSegment(memory, record.Segment.Id, record.Version, "admin")!;

        Assert.Null(delete.Record);
        Assert.True(delete.ChangeSequence > record.Version);
        Assert.Equal(store.ChangeSequence(), delete.ChangeSequence);
        Assert.True(store.GetVersion(memory).Generation > generation);
        Assert.Empty(store.GetRecords([record.Segment.Id]));
        Assert.Null(store.DeleteSegment(memory, record.Segment.Id, record.Version));
        var again = store.AddSegments("m", ImportKind.Segments, "again", [new SegmentInput("휴전 협정", "the armistice", "test")]);
        Assert.NotEqual(record.Segment.Id, Assert.Single(again.Added).Id);
    }

    [Fact]
    public void Edits_overwrites_and_deletes_keep_the_previous_versions_newest_first()
    {
        var (store, memory, record) = OpenWithOnePair();
        var edit = store.UpdateSegment(memory, record.Segment.Id, null, "the Armistice Agreement", record.Version, "reviewer")!;
        store.AddSegments("m", new ImportOptions(ImportKind.Segments, "again", UpdatePolicy.Overwrite), [new SegmentInput("휴전 협정", "the armistice (1953)", "test")]);
        var current = store.GetRecords([record.Segment.Id]).Single();
        store.DeleteSegment(memory, record.Segment.Id, current.Version, "admin");

        var history = store.GetHistory(record.Segment.Id);

        Assert.Equal(["the armistice (1953)", "the Armistice Agreement", "the armistice"], history.Select(v => v.English));
        Assert.Equal([current.Version, edit.Record!.Version, record.Version], history.Select(v => v.Version));
        Assert.Equal((true, "admin"), (history[0].Deleted, history[0].ReplacedBy));
        Assert.Equal("reviewer", history[1].ChangedBy);
        Assert.Equal((false, "reviewer"), (history[2].Deleted, history[2].ReplacedBy));
        Assert.Equal([new FieldValue("domain", "war")], history[2].Fields);
        Assert.Equal(record.Changed, history[2].Changed);
        Assert.Empty(store.GetHistory(record.Segment.Id + 1000));
    }

    [Fact]
    public void A_confirmed_use_counts_without_moving_the_version_or_the_memorys_generation()
    {
        var (store, memory, record) = OpenWithOnePair();
        var generation = store.GetVersion(memory).Generation;
        var sequence = store.ChangeSequence();

        store.ConfirmUse(memory, record.Segment.Id);
        var used = store.ConfirmUse(memory, record.Segment.Id)!;

        Assert.Equal(2, used.UsageCount);
        Assert.InRange(used.LastUsed!.Value, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(5));
        Assert.Equal(record.Version, used.Version);
        Assert.Equal(generation, store.GetVersion(memory).Generation);
        Assert.Equal(sequence, store.ChangeSequence());
        Assert.Null(store.ConfirmUse(memory + 1, record.Segment.Id));
    }

    [Fact]
    public void A_segment_of_another_memory_or_none_is_not_found()
    {
        var (store, memory, record) = OpenWithOnePair();
        var other = store.AddSegments("other", ImportKind.Segments, "batch", [new SegmentInput("소련", "the Soviet Union", "test")]);

        Assert.Null(store.UpdateSegment(other.MemoryId, record.Segment.Id, null, "x", record.Version, ""));
        Assert.Null(store.DeleteSegment(other.MemoryId, record.Segment.Id, record.Version));
        Assert.Null(store.DeleteSegment(memory, 999_999, 0));
        Assert.Null(store.UpdateSegment(memory + 1000, record.Segment.Id, null, "x", record.Version, ""));
        Assert.Equal("the armistice", store.GetSegments([record.Segment.Id]).Single().English);
    }

    [Fact]
    public void An_added_segment_belongs_to_no_import_keeps_alternatives_and_a_repeat_is_a_duplicate()
    {
        var (store, memory, record) = OpenWithOnePair();

        var added = store.AddSegment(memory, new SegmentInput("휴전 협정", "the ceasefire", Note: "typed"), "translator");

        var stored = added.Record!;
        Assert.Equal(("the ceasefire", "typed", 0L, "translator", "translator"),
            (stored.Segment.English, stored.Segment.Note, stored.ImportId, stored.CreatedBy, stored.ChangedBy));
        Assert.Equal((added.ChangeSequence, memory), (stored.Version, stored.MemoryId));
        Assert.Equal(store.ChangeSequence(), added.ChangeSequence);
        Assert.Equal([("휴전 협정", "the armistice"), ("휴전 협정", "the ceasefire")], Pairs(store, "m"));
        Assert.Throws<DuplicateSegmentException>(() => store.AddSegment(memory, new SegmentInput("휴전 협정", "the armistice"), ""));
        Assert.Throws<ArgumentException>(() => store.AddSegment(memory, new SegmentInput("휴전", ""), ""));
        Assert.Equal(added.ChangeSequence, store.ChangeSequence());
        Assert.Equal(2, store.ReadAll(memory).Count());
        Assert.True(record.Version < added.ChangeSequence);
    }
}
