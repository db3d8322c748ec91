using Microsoft.Data.Sqlite;

namespace TM.Storage.Tests;

public sealed class ChangeLogTests : IDisposable
{
    private readonly TemporaryDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private static ImportOptions Options(UpdatePolicy policy = UpdatePolicy.AddAlternative) => new(ImportKind.Segments, "log", policy);

    [Fact]
    public void Reading_from_the_start_returns_every_segment_once_with_its_record()
    {
        using var store = _database.Open();
        store.AddSegments("", Options() with { CreatedBy = "editor" }, [new("휴전", "armistice"), new("소련", "USSR")]);
        store.AddSegments("other", Options(), [new("포로", "prisoners")]);

        var changes = store.ReadChanges(ChangeCursor.Start, 100);

        Assert.True(changes.Complete);
        Assert.Equal(["휴전", "소련", "포로"], changes.Written.Select(r => r.Segment.Korean));
        Assert.Empty(changes.Deleted);
        Assert.Equal(2, changes.AppliedThrough);
        Assert.Equal(store.ChangeSequence(), changes.AppliedThrough);
        var first = changes.Written[0];
        Assert.Equal(("editor", "editor"), (first.CreatedBy, first.ChangedBy));
        Assert.Equal(store.FindMemory("")!.Id, first.MemoryId);
        Assert.NotEqual(0, first.ImportId);
        Assert.Equal(first.Created, first.Changed);
    }

    [Fact]
    public void A_batch_that_changes_nothing_takes_no_change_sequence()
    {
        using var store = _database.Open();
        var first = store.AddSegments("", Options(), [new("휴전", "armistice")]);
        var again = store.AddSegments("", Options(), [new("휴전", "armistice")]);

        Assert.Equal(1, first.ChangeSequence);
        Assert.Equal(0, again.ChangeSequence);
        Assert.Equal(1, store.ChangeSequence());
    }

    [Fact]
    public void An_overwrite_moves_the_segment_to_its_batch_and_its_deleted_alternatives_come_back_as_ids()
    {
        using var store = _database.Open();
        store.AddSegments("", Options(), [new("휴전", "armistice"), new("휴전", "truce"), new("소련", "USSR")]);
        var after = store.ReadChanges(ChangeCursor.Start, 100).Next;
        var ids = store.ReadAll(store.FindMemory("")!.Id).ToDictionary(s => s.English, s => s.Id);

        var outcome = store.AddSegments("", Options(UpdatePolicy.Overwrite), [new("휴전", "ceasefire")]);
        var changes = store.ReadChanges(after, 100);

        Assert.Equal(2, outcome.ChangeSequence);
        Assert.Equal([(ids["armistice"], "ceasefire")], changes.Written.Select(r => (r.Segment.Id, r.Segment.English)));
        Assert.Equal([ids["truce"]], changes.Deleted);
        Assert.Equal(2, changes.AppliedThrough);
        Assert.Empty(store.ReadChanges(changes.Next, 100).Written);
    }

    [Fact]
    public void Small_reads_reach_the_same_segments_as_one_and_stop_inside_a_batch_without_claiming_it()
    {
        using var store = _database.Open();
        store.AddSegments("", Options(), Enumerable.Range(0, 7).Select(i => new SegmentInput($"문장 {i}", $"sentence {i}")).ToList());
        store.AddSegments("", Options(), Enumerable.Range(7, 5).Select(i => new SegmentInput($"문장 {i}", $"sentence {i}")).ToList());

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
        // 3, 6 (batch 1 not finished), 9 (batch 1 done), 12 (batch 2 read to its end), then the empty read that ends the log.
        Assert.Equal([0L, 0, 1, 1, 2], through);
    }

    [Fact]
    public void A_segment_overwritten_between_reads_is_read_again_at_its_new_change()
    {
        using var store = _database.Open();
        store.AddSegments("", Options(), [new("휴전", "armistice"), new("소련", "USSR"), new("포로", "prisoners")]);
        var first = store.ReadChanges(ChangeCursor.Start, 1);

        store.AddSegments("", Options(UpdatePolicy.Overwrite), [new("소련", "Soviet Union")]);
        var rest = store.ReadChanges(first.Next, 100);

        Assert.Equal(["armistice"], first.Written.Select(r => r.Segment.English));
        Assert.Equal(["prisoners", "Soviet Union"], rest.Written.Select(r => r.Segment.English));
    }

    [Fact]
    public void Pruned_deletions_are_no_longer_read()
    {
        using var store = _database.Open();
        store.AddSegments("", Options(), [new("휴전", "armistice"), new("휴전", "truce")]);
        store.AddSegments("", Options(UpdatePolicy.Overwrite), [new("휴전", "ceasefire")]);
        Assert.Single(store.ReadChanges(ChangeCursor.Start, 100).Deleted);

        store.PruneDeletions(2);

        Assert.Empty(store.ReadChanges(ChangeCursor.Start, 100).Deleted);
    }

    [Fact]
    public void Statistics_count_the_segments_changed_after_a_cursor_as_pending()
    {
        using var store = _database.Open();
        store.AddSegments("", Options(), [new("휴전", "armistice")]);
        var indexed = store.ReadChanges(ChangeCursor.Start, 100).Next;
        store.AddSegments("", Options(), [new("소련", "USSR"), new("포로", "prisoners")]);

        Assert.Equal(2, store.GetStatistics("", indexed).Single().ConcordancePending);
        Assert.Equal(0, store.GetStatistics("", ChangeCursor.After(store.ChangeSequence())).Single().ConcordancePending);
        Assert.Equal(0, store.GetStatistics("").Single().ConcordancePending);
    }

    [Fact]
    public void The_schema_has_no_FTS5_left()
    {
        using (_database.Open())
        {
        }
        using var connection = new SqliteConnection($"Data Source={_database.Path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE name LIKE '%fts%' OR sql LIKE '%fts5%';";
        Assert.Equal(0L, command.ExecuteScalar());
        command.CommandText = "SELECT count(*) FROM store_state WHERE name = 'fts_watermark';";
        Assert.Equal(0L, command.ExecuteScalar());
    }
}
