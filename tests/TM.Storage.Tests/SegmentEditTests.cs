namespace TM.Storage.Tests;

/// <summary>One segment edited or deleted: guarded by its version, recorded in the change log, and the duplicate checks of later imports follow it.</summary>
public sealed class SegmentEditTests : IDisposable
{
    private readonly TemporaryDatabase _database = new();
    private readonly SegmentStore _store;
    private readonly long _memory;
    private readonly SegmentRecord _record;

    public SegmentEditTests()
    {
        _store = _database.Open();
        var outcome = _store.AddSegments("m", ImportKind.Segments, "batch", [new SegmentInput("휴전 협정", "the armistice", "test")]);
        _memory = outcome.MemoryId;
        _record = _store.GetRecords([outcome.Added[0].Id]).Single();
    }

    public void Dispose()
    {
        _store.Dispose();
        _database.Dispose();
    }

    [Fact]
    public void An_edit_moves_the_version_on_and_an_edit_of_the_old_version_is_refused()
    {
        var edit = _store.UpdateSegment(_memory, _record.Segment.Id, null, "the Armistice Agreement", _record.Version, "reviewer")!;

        Assert.Equal("the Armistice Agreement", edit.Record!.Segment.English);
        Assert.Equal("휴전 협정", edit.Record.Segment.Korean);
        Assert.Equal("reviewer", edit.Record.ChangedBy);
        Assert.Equal(edit.ChangeSequence, edit.Record.Version);
        var conflict = Assert.Throws<SegmentConflictException>(() => _store.UpdateSegment(_memory, _record.Segment.Id, null, "x", _record.Version, ""));
        Assert.Equal(edit.Record.Version, conflict.CurrentVersion);
    }

    [Fact]
    public void After_an_edit_importing_the_old_pair_stores_it_again_and_the_new_pair_is_a_duplicate()
    {
        _store.UpdateSegment(_memory, _record.Segment.Id, null, "the Armistice Agreement", _record.Version, "");

        var again = _store.AddSegments("m", ImportKind.Segments, "again",
            [new SegmentInput("휴전 협정", "the armistice", "test"), new SegmentInput("휴전 협정", "the Armistice Agreement", "test")]);

        Assert.Single(again.Added);
        Assert.Equal("the armistice", again.Added[0].English);
        Assert.Equal(1, again.SkippedDuplicates);
    }

    [Fact]
    public void A_delete_leaves_a_tombstone_in_the_change_log_and_the_pair_can_be_imported_again()
    {
        var delete = _store.DeleteSegment(_memory, _record.Segment.Id, _record.Version)!;

        Assert.Empty(_store.GetRecords([_record.Segment.Id]));
        var changes = _store.ReadChanges(new ChangeCursor(_record.Version, _record.Segment.Id), 100);
        Assert.Contains(_record.Segment.Id, changes.Deleted);
        Assert.True(delete.ChangeSequence > _record.Version);
        Assert.Single(_store.AddSegments("m", ImportKind.Segments, "again", [new SegmentInput("휴전 협정", "the armistice", "test")]).Added);
    }

    [Fact]
    public void Edits_overwrites_and_deletes_keep_the_previous_versions_newest_first()
    {
        var edit = _store.UpdateSegment(_memory, _record.Segment.Id, null, "the Armistice Agreement", _record.Version, "reviewer")!;
        _store.AddSegments("m", new ImportOptions(ImportKind.Segments, "again", UpdatePolicy.Overwrite), [new SegmentInput("휴전 협정", "the armistice (1953)", "test")]);
        var current = _store.GetRecords([_record.Segment.Id]).Single();
        _store.DeleteSegment(_memory, _record.Segment.Id, current.Version, "admin");

        var history = _store.GetHistory(_record.Segment.Id);

        Assert.Equal(["the armistice (1953)", "the Armistice Agreement", "the armistice"], history.Select(v => v.English));
        Assert.Equal([current.Version, edit.Record!.Version, _record.Version], history.Select(v => v.Version));
        Assert.True(history[0].Deleted);
        Assert.Equal("admin", history[0].ReplacedBy);
        Assert.Equal("reviewer", history[1].ChangedBy);
        Assert.False(history[2].Deleted);
        Assert.Equal("reviewer", history[2].ReplacedBy);
    }

    [Fact]
    public void A_confirmed_use_counts_without_moving_the_version_or_the_memorys_generation()
    {
        var generation = _store.GetVersion(_memory).Generation;

        _store.ConfirmUse(_memory, _record.Segment.Id);
        var used = _store.ConfirmUse(_memory, _record.Segment.Id)!;

        Assert.Equal(2, used.UsageCount);
        Assert.NotNull(used.LastUsed);
        Assert.Equal(_record.Version, used.Version);
        Assert.Equal(generation, _store.GetVersion(_memory).Generation);
        Assert.Null(_store.ConfirmUse(_memory + 1, _record.Segment.Id));
    }

    [Fact]
    public void A_segment_of_another_memory_or_none_is_not_found()
    {
        var other = _store.AddSegments("other", ImportKind.Segments, "batch", [new SegmentInput("소련", "the Soviet Union", "test")]);

        Assert.Null(_store.UpdateSegment(other.MemoryId, _record.Segment.Id, null, "x", _record.Version, ""));
        Assert.Null(_store.DeleteSegment(_memory, 999_999, 0));
    }
}
