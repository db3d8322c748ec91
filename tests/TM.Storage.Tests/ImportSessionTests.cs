using Microsoft.Data.Sqlite;

namespace TM.Storage.Tests;

public sealed class ImportSessionTests : IDisposable
{
    private readonly TemporaryDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private static readonly ImportOptions Tmx = new(ImportKind.Tmx, "big.tmx");

    private static SegmentInput[] Batch(int first, int count) =>
        Enumerable.Range(first, count).Select(i => new SegmentInput($"문장 {i}", $"sentence {i}")).ToArray();

    [Fact]
    public void One_import_record_spans_many_batches()
    {
        using var store = _database.Open();
        var session = store.BeginImport("m", Tmx);
        Assert.Equal(ImportStatus.Running, store.FindImport(session.ImportId)!.Status);

        store.CommitBatch(session, Batch(0, 3), 3);
        store.CommitBatch(session, [.. Batch(3, 2), .. Batch(0, 1)], 6);
        store.CompleteImport(session, ImportStatus.Completed, null);

        var record = Assert.Single(store.ListImports("m"));
        Assert.Equal((session.ImportId, "tmx", "big.tmx"), (record.Id, record.Kind, record.Name));
        Assert.Equal((5, 1, 2, 6L), (record.PairsStored, record.PairsSkipped, record.Batches, record.SourcePosition));
        Assert.Equal(ImportStatus.Completed, record.Status);
        Assert.NotNull(record.Completed);
        Assert.Equal((5, 1, 2, 6L), (session.PairsStored, session.PairsSkipped, session.Batches, session.SourcePosition));
        Assert.Equal(5, store.GetStatistics("m").Single().Segments);
    }

    [Fact]
    public void A_batch_with_a_null_text_commits_nothing_and_leaves_the_counters_as_they_were()
    {
        using var store = _database.Open();
        var session = store.BeginImport("", Tmx);
        store.CommitBatch(session, Batch(0, 2), 2);

        var error = Assert.Throws<ArgumentException>(() => store.CommitBatch(session, [.. Batch(2, 2), new SegmentInput("나", null!)], 5));

        Assert.Contains("pairs[2].English", error.Message);
        AssertCommitted(store, session, stored: 2, batches: 1, position: 2);
    }

    [Fact]
    public void A_batch_that_fails_inside_SQLite_commits_nothing_and_does_not_count_its_pairs_as_stored()
    {
        using var store = _database.Open();
        var session = store.BeginImport("", Tmx);
        store.CommitBatch(session, Batch(0, 2), 2);
        RefuseInsertsOf("실패");

        Assert.Throws<SqliteException>(() => store.CommitBatch(session, [.. Batch(2, 2), new SegmentInput("실패", "fail")], 5));
        AssertCommitted(store, session, stored: 2, batches: 1, position: 2);

        // The pairs before the failing one were rolled back, so they are new again, not duplicates.
        var retry = store.CommitBatch(session, Batch(2, 2), 4);
        Assert.Equal(2, retry.Added.Count);
        AssertCommitted(store, session, stored: 4, batches: 2, position: 4);
    }

    [Fact]
    public void An_overwrite_rolled_back_with_its_batch_leaves_the_alternatives_it_removed_visible()
    {
        using var store = _database.Open();
        var overwrite = new ImportOptions(ImportKind.Tmx, "o.tmx", UpdatePolicy.Overwrite);
        store.AddSegments("", ImportKind.Tmx, "a.tmx", [new("휴전", "armistice"), new("휴전", "truce")]);
        RefuseInsertsOf("실패");

        Assert.Throws<SqliteException>(() => store.AddSegments("", overwrite, [new("휴전", "ceasefire"), new("실패", "fail")]));
        var retry = store.AddSegments("", overwrite, [new("휴전", "ceasefire")]);

        Assert.Single(retry.Removed);
        Assert.Equal(["ceasefire"], store.ReadAll(store.FindMemory("")!.Id).Select(s => s.English));
    }

    [Fact]
    public void Resume_carries_on_from_the_last_committed_position_after_a_crash()
    {
        long importId;
        using (var store = _database.Open())
        {
            var session = store.BeginImport("", Tmx);
            importId = session.ImportId;
            store.CommitBatch(session, Batch(0, 3), 100);
            store.CommitBatch(session, Batch(3, 3), 200, sourceFingerprint: -42);
            // The process dies here: no CompleteImport.
        }

        using var reopened = _database.Open();
        Assert.Equal(ImportStatus.Interrupted, reopened.FindImport(importId)!.Status);
        var resumed = reopened.ResumeImport(importId);

        Assert.Equal((6, 2, 200L, -42L), (resumed.PairsStored, resumed.Batches, resumed.SourcePosition, resumed.SourceFingerprint));
        Assert.Equal(Tmx, resumed.Options);
        Assert.Equal(ImportStatus.Running, reopened.FindImport(importId)!.Status);
        reopened.CommitBatch(resumed, Batch(6, 3), 300);
        reopened.CompleteImport(resumed, ImportStatus.Completed, null);
        var record = reopened.FindImport(importId)!;
        Assert.Equal((9, 3, 300L, ImportStatus.Completed), (record.PairsStored, record.Batches, record.SourcePosition, record.Status));
        Assert.Single(reopened.ListImports(""));
    }

    [Fact]
    public void Imports_left_running_are_marked_interrupted_at_open_and_others_are_not()
    {
        long running, completed;
        using (var store = _database.Open())
        {
            running = store.BeginImport("", Tmx).ImportId;
            var session = store.BeginImport("", Tmx);
            store.CommitBatch(session, Batch(0, 1), 1);
            store.CompleteImport(session, ImportStatus.Completed, null);
            completed = session.ImportId;
        }

        using var reopened = _database.Open();

        Assert.Equal(ImportStatus.Interrupted, reopened.FindImport(running)!.Status);
        Assert.Null(reopened.FindImport(running)!.Completed);
        Assert.Equal(ImportStatus.Completed, reopened.FindImport(completed)!.Status);
    }

    [Fact]
    public void A_failed_import_keeps_its_message_and_can_be_resumed_but_a_completed_one_cannot()
    {
        using var store = _database.Open();
        var failed = store.BeginImport("", Tmx);
        store.CommitBatch(failed, Batch(0, 2), 2);
        store.CompleteImport(failed, ImportStatus.Failed, "line 42: tuv without seg");
        var completed = store.BeginImport("", Tmx);
        store.CompleteImport(completed, ImportStatus.Completed, null);

        var record = store.FindImport(failed.ImportId)!;
        Assert.Equal((ImportStatus.Failed, "line 42: tuv without seg"), (record.Status, record.Message));
        Assert.Throws<InvalidOperationException>(() => store.CommitBatch(failed, Batch(2, 1), 3));
        Assert.Equal(2, store.ResumeImport(failed.ImportId).PairsStored);
        Assert.Throws<InvalidOperationException>(() => store.ResumeImport(completed.ImportId));
        Assert.Throws<InvalidOperationException>(() => store.CommitBatch(completed, Batch(5, 1), 1));
        Assert.Throws<InvalidOperationException>(() => store.CompleteImport(completed, ImportStatus.Failed, "again"));
        Assert.Throws<KeyNotFoundException>(() => store.ResumeImport(999));
        Assert.Null(store.FindImport(999));
    }

    [Fact]
    public void AddSegments_records_one_completed_import_of_one_batch()
    {
        using var store = _database.Open();

        var outcome = store.AddSegments("", ImportKind.Segments, "terms.tsv", Batch(0, 2));

        var record = store.FindImport(outcome.ImportId)!;
        Assert.Equal((ImportStatus.Completed, 1, 2, UpdatePolicy.AddAlternative), (record.Status, record.Batches, record.PairsStored, record.Policy));
    }

    [Fact]
    public void Ids_are_never_reused_even_after_the_newest_segment_is_removed()
    {
        using var store = _database.Open();
        store.AddSegments("", new ImportOptions(ImportKind.Tmx, "a"), [new("가", "a")]);
        var newest = store.AddSegments("", new ImportOptions(ImportKind.Tmx, "b"), [new("가", "b")]).Added.Single().Id;
        var overwrite = store.AddSegments("", new ImportOptions(ImportKind.Tmx, "c", UpdatePolicy.Overwrite), [new("가", "c")]);
        Assert.Equal([newest], overwrite.Removed);

        using var reopened = _database.Open();
        var next = reopened.AddSegments("", ImportKind.Tmx, "d", [new("나", "d")]).Added.Single().Id;

        Assert.True(next > newest, $"id {next} reuses the removed segment's id {newest}");
    }

    // A trigger added behind the store's back makes SQLite itself fail half-way through a batch.
    private void RefuseInsertsOf(string korean)
    {
        using var connection = new SqliteConnection($"Data Source={_database.Path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        // Triggers take no parameters; the text is the test's own constant.
        command.CommandText = $"CREATE TRIGGER refuse BEFORE INSERT ON segments WHEN new.ko = '{korean}' BEGIN SELECT RAISE(ABORT, 'refused'); END;";
        command.ExecuteNonQuery();
    }

    private static void AssertCommitted(SegmentStore store, ImportSession session, int stored, int batches, long position)
    {
        Assert.Equal((stored, batches, position), (session.PairsStored, session.Batches, session.SourcePosition));
        var record = store.FindImport(session.ImportId)!;
        Assert.Equal((stored, batches, position), (record.PairsStored, record.Batches, record.SourcePosition));
        Assert.Equal(stored, store.GetStatistics("").Single().Segments);
    }
}
