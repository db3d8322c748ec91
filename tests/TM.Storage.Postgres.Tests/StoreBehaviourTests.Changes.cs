namespace TM.Storage.Postgres.Tests;

/// <content>
/// What a follower of the store (the search index) reads: every change after a cursor, in order. The stores number
/// their commits differently (SQLite one number per commit, PostgreSQL a commit's last change-log id), so the tests
/// compare sequences with each other, never with fixed numbers.
/// </content>
public abstract partial class StoreBehaviourTests
{
    private static ImportOptions LogOptions(UpdatePolicy policy = UpdatePolicy.AddAlternative) => new(ImportKind.Segments, "log", policy);

    [Fact]
    public void Reading_changes_from_the_start_returns_every_segment_once_with_its_record()
    {
        var store = Open();
        store.AddSegments("", LogOptions() with { CreatedBy = "editor" }, [new("휴전", "armistice"), new("소련", "USSR")]);
        store.AddSegments("other", LogOptions(), [new("포로", "prisoners")]);

        var changes = store.ReadChanges(ChangeCursor.Start, 100);

        Assert.True(changes.Complete);
        Assert.Equal(["휴전", "소련", "포로"], changes.Written.Select(r => r.Segment.Korean));
        Assert.Empty(changes.Deleted);
        Assert.Equal(store.ChangeSequence(), changes.AppliedThrough);
        var first = changes.Written[0];
        Assert.Equal(("editor", "editor"), (first.CreatedBy, first.ChangedBy));
        Assert.Equal(store.FindMemory("")!.Id, first.MemoryId);
        Assert.NotEqual(0, first.ImportId);
        Assert.Equal(first.Created, first.Changed);
        Assert.Equal(store.GetRecords(changes.Written.Select(r => r.Segment.Id).ToList()).Select(r => WithoutFields(r.Segment)),
            changes.Written.Select(r => WithoutFields(r.Segment)));
        var again = store.ReadChanges(changes.Next, 100);
        Assert.Equal((0, 0, true, changes.Next), (again.Written.Count, again.Deleted.Count, again.Complete, again.Next));
    }

    [Fact]
    public void A_batch_that_changes_nothing_takes_no_change_sequence()
    {
        var store = Open();
        var first = store.AddSegments("", LogOptions(), [new("휴전", "armistice")]);
        var again = store.AddSegments("", LogOptions(), [new("휴전", "armistice")]);

        Assert.True(first.ChangeSequence > 0);
        Assert.Equal(0, again.ChangeSequence);
        Assert.Equal(first.ChangeSequence, store.ChangeSequence());
    }

    [Fact]
    public void An_overwrite_moves_the_segment_to_its_batch_and_its_deleted_alternatives_come_back_as_ids()
    {
        var store = Open();
        store.AddSegments("", LogOptions(), [new("휴전", "armistice"), new("휴전", "truce"), new("소련", "USSR")]);
        var after = store.ReadChanges(ChangeCursor.Start, 100).Next;
        var ids = store.ReadAll(store.FindMemory("")!.Id).ToDictionary(s => s.English, s => s.Id);

        var outcome = store.AddSegments("", LogOptions(UpdatePolicy.Overwrite), [new("휴전", "ceasefire")]);
        var changes = store.ReadChanges(after, 100);

        Assert.Equal([(ids["armistice"], "ceasefire", outcome.ChangeSequence)], changes.Written.Select(r => (r.Segment.Id, r.Segment.English, r.Version)));
        Assert.Equal([ids["truce"]], changes.Deleted);
        Assert.Equal(outcome.ChangeSequence, changes.AppliedThrough);
        Assert.Empty(store.ReadChanges(changes.Next, 100).Written);
    }

    [Fact]
    public void Small_reads_reach_the_same_segments_as_one_and_stop_inside_a_batch_without_claiming_it()
    {
        var store = Open();
        var first = store.AddSegments("", LogOptions(), Enumerable.Range(0, 7).Select(i => new SegmentInput($"문장 {i}", $"sentence {i}")).ToList());
        var second = store.AddSegments("", LogOptions(), Enumerable.Range(7, 5).Select(i => new SegmentInput($"문장 {i}", $"sentence {i}")).ToList());

        var cursor = ChangeCursor.Start;
        var read = new List<string>();
        var through = new List<long>();
        SegmentChanges changes;
        do
        {
            changes = store.ReadChanges(cursor, 3);
            read.AddRange(changes.Written.Select(r => r.Segment.English));
            through.Add(changes.AppliedThrough);
            cursor = changes.Next;
        }
        while (!changes.Complete);

        Assert.Equal(store.ReadChanges(ChangeCursor.Start, 100).Written.Select(r => r.Segment.English), read);
        // Reads of 3, 6 (the first batch not finished), 9 (the first done), 12 (the second read to its end), then the
        // empty read that ends the log.
        Assert.Equal(5, through.Count);
        Assert.All(through.Take(2), t => Assert.True(t < first.ChangeSequence));
        Assert.All(through.Skip(2).Take(2), t => Assert.InRange(t, first.ChangeSequence, second.ChangeSequence - 1));
        Assert.Equal(second.ChangeSequence, through[^1]);
    }

    [Fact]
    public void A_segment_overwritten_between_reads_is_read_again_at_its_new_change()
    {
        var store = Open();
        store.AddSegments("", LogOptions(), [new("휴전", "armistice"), new("소련", "USSR"), new("포로", "prisoners")]);
        var first = store.ReadChanges(ChangeCursor.Start, 1);

        store.AddSegments("", LogOptions(UpdatePolicy.Overwrite), [new("소련", "Soviet Union")]);
        var rest = store.ReadChanges(first.Next, 100);

        Assert.Equal(["armistice"], first.Written.Select(r => r.Segment.English));
        Assert.Equal(["prisoners", "Soviet Union"], rest.Written.Select(r => r.Segment.English));
    }

    [Fact]
    public void Edits_deletes_and_a_deleted_memory_reach_the_reader_in_order()
    {
        var store = Open();
        var kept = store.AddSegments("", LogOptions(), [new("휴전", "armistice"), new("소련", "USSR")]);
        var doomed = store.AddSegments("doomed", LogOptions(), [new("포로", "prisoners"), new("전쟁", "war")]);
        var cursor = store.ReadChanges(ChangeCursor.Start, 100).Next;

        var edit = store.UpdateSegment(kept.MemoryId, kept.Added[0].Id, null, "the armistice", kept.ChangeSequence, "reviewer")!;
        var delete = store.DeleteSegment(kept.MemoryId, kept.Added[1].Id, kept.ChangeSequence)!;
        var dropped = store.DeleteMemory(doomed.MemoryId)!.Value;
        var changes = store.ReadChanges(cursor, 100);

        Assert.Equal([(kept.Added[0].Id, "the armistice", edit.ChangeSequence)], changes.Written.Select(r => (r.Segment.Id, r.Segment.English, r.Version)));
        Assert.Equal([kept.Added[1].Id, .. doomed.Added.Select(s => s.Id)], changes.Deleted);
        Assert.True(edit.ChangeSequence < delete.ChangeSequence && delete.ChangeSequence < dropped);
        Assert.Equal((dropped, dropped), (changes.AppliedThrough, store.ChangeSequence()));
        Assert.Empty(store.ReadChanges(changes.Next, 100).Deleted);
    }

    [Fact]
    public void ReadAllRecords_streams_one_memorys_records_in_id_order()
    {
        var store = Open();
        var a = store.AddSegments("a", LogOptions() with { CreatedBy = "editor" }, Numbered(0, 5));
        store.AddSegments("b", LogOptions(), Numbered(100, 3));
        var added = store.AddSegment(a.MemoryId, new SegmentInput("휴전", "armistice"), "translator");

        var records = store.ReadAllRecords(a.MemoryId).ToList();

        Assert.Equal([.. a.Added.Select(s => s.Id), added.Record!.Segment.Id], records.Select(r => r.Segment.Id));
        Assert.Equal(store.GetRecords(records.Select(r => r.Segment.Id).ToList()), records, RecordComparer.Instance);
        Assert.All(records.Take(5), r => Assert.Equal((a.ImportId, "editor", a.ChangeSequence), (r.ImportId, r.CreatedBy, r.Version)));
        Assert.Equal((0L, "translator"), (records[^1].ImportId, records[^1].CreatedBy));
        Assert.Empty(store.ReadAllRecords(a.MemoryId + 1000));
    }

    // Records compared without the fields list, which a record's equality compares by reference.
    private sealed class RecordComparer : IEqualityComparer<SegmentRecord>
    {
        public static readonly RecordComparer Instance = new();

        public bool Equals(SegmentRecord? x, SegmentRecord? y) =>
            x is not null && y is not null && x with { Segment = WithoutFields(x.Segment) } == y with { Segment = WithoutFields(y.Segment) } &&
            x.Segment.Fields.SequenceEqual(y.Segment.Fields);

        public int GetHashCode(SegmentRecord obj) => obj.Segment.Id.GetHashCode();
    }
}
