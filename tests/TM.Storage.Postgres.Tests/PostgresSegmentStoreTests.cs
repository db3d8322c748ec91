using Npgsql;

namespace TM.Storage.Postgres.Tests;

/// <summary>What only the PostgreSQL store has: a shared database several servers open at once, and the change log they follow.</summary>
public sealed class PostgresSegmentStoreTests : IDisposable
{
    private readonly TemporaryPostgresDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private static List<SegmentInput> Numbered(int from, int count) =>
        Enumerable.Range(from, count).Select(i => new SegmentInput($"문장 {i}번", $"Sentence number {i}.")).ToList();

    [Fact]
    public void An_import_runs_on_the_server_that_began_it_until_that_server_is_gone()
    {
        using var a = _database.Open();
        using var b = _database.Open();
        var session = a.BeginImport("", new ImportOptions(ImportKind.Tmx, "a.tmx", UpdatePolicy.AddAlternative));
        a.CommitBatch(session, Numbered(0, 3), sourcePosition: 3);

        // Another server starting, or looking, neither interrupts it nor may take it over.
        using (var c = _database.Open())
            Assert.Equal(ImportStatus.Running, c.FindImport(session.ImportId)!.Status);
        Assert.Equal(ImportStatus.Running, b.FindImport(session.ImportId)!.Status);
        var refused = Assert.Throws<InvalidOperationException>(() => b.ResumeImport(session.ImportId));
        Assert.Contains("running on another server", refused.Message);

        // Gone (its session ended): interrupted for everyone, and resumable where it stopped.
        a.Dispose();
        Assert.Equal(ImportStatus.Interrupted, b.FindImport(session.ImportId)!.Status);
        var resumed = b.ResumeImport(session.ImportId);
        Assert.Equal(3, resumed.SourcePosition);
        Assert.Equal(ImportStatus.Running, b.ListImports(null).Single().Status);
    }

    [Fact]
    public async Task Servers_opening_a_new_database_at_once_migrate_it_once()
    {
        using var gate = new Barrier(4);
        var opens = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            gate.SignalAndWait();
            return _database.Open();
        })).ToList();

        var stores = await Task.WhenAll(opens);

        // One row per script: a second run of any would have broken schema_version's primary key.
        Assert.Equal((long)Internal.PostgresSchemaMigrator.LatestVersion, _database.Scalar("SELECT count(*) FROM schema_version;"));
        stores[0].AddSegments("", ImportKind.Segments, "a.tsv", Numbered(0, 2));
        Assert.All(stores, s => Assert.Equal(2, s.ReadAll(s.FindMemory("")!.Id).Count()));
        foreach (var store in stores)
            store.Dispose();
    }

    [Fact]
    public async Task Servers_creating_one_memory_at_once_get_the_same_memory()
    {
        using var first = _database.Open();
        using var second = _database.Open();
        using var gate = new Barrier(8);

        var memories = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() =>
        {
            gate.SignalAndWait();
            return (i % 2 == 0 ? first : second).GetOrCreateMemory("shared");
        })));

        Assert.Single(memories.Distinct());
        Assert.Single(first.ListMemories());
    }

    [Fact]
    public async Task Servers_adding_one_term_at_once_store_it_once_and_the_others_hear_it_is_a_duplicate()
    {
        using var first = _database.Open();
        using var second = _database.Open();
        var memory = first.GetOrCreateMemory("history").Id;
        using var gate = new Barrier(6);

        var attempts = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() =>
        {
            gate.SignalAndWait();
            try
            {
                (i % 2 == 0 ? first : second).AddTerm(memory, new TermContent("스탈린", "Stalin"), $"server{i}");
                return "added";
            }
            catch (DuplicateTermException)
            {
                return "duplicate";
            }
        })));

        Assert.Equal(1, attempts.Count(a => a == "added"));
        Assert.Equal(5, attempts.Count(a => a == "duplicate"));
        Assert.Equal(1, second.CountTerms(memory));
    }

    [Fact]
    public void A_term_for_a_memory_that_is_gone_is_refused_with_a_clear_error()
    {
        using var store = _database.Open();

        var error = Assert.Throws<InvalidOperationException>(() => store.AddTerm(12345, new TermContent("스탈린", "Stalin"), ""));

        Assert.Contains("no memory with id 12345", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_batch_the_database_refuses_half_way_leaves_nothing_of_it()
    {
        using var store = _database.Open();
        var session = store.BeginImport("", new ImportOptions(ImportKind.Segments, "a.tsv"));
        store.CommitBatch(session, Numbered(0, 5), sourcePosition: 5);
        var changesBefore = store.ChangeSequence();
        // A constraint the last pair breaks: the batch has been decided, logged and partly written when COPY fails.
        _database.Scalar("ALTER TABLE segments ADD CONSTRAINT no_poison CHECK (ko <> '독') NOT VALID;");
        var batch = Numbered(5, 100);
        batch.Add(new SegmentInput("독", "poison"));

        Assert.Throws<PostgresException>(() => store.CommitBatch(session, batch, sourcePosition: 106));

        Assert.Equal(5, store.ReadAll(session.Memory.Id).Count());
        Assert.Equal(changesBefore, store.ChangeSequence());
        var record = store.FindImport(session.ImportId)!;
        Assert.Equal((5, 1, 5L), (record.PairsStored, record.Batches, record.SourcePosition));
        Assert.Equal((5, 1, 5L), (session.PairsStored, session.Batches, session.SourcePosition));
        store.CommitBatch(session, Numbered(5, 100), sourcePosition: 105);
        Assert.Equal(105, store.ReadAll(session.Memory.Id).Count());
    }

    [Fact]
    public void A_batch_into_a_memory_another_server_deleted_is_refused_and_stores_nothing()
    {
        using var importer = _database.Open();
        using var other = _database.Open();
        var session = importer.BeginImport("doomed", new ImportOptions(ImportKind.Segments, "a.tsv"));
        importer.CommitBatch(session, Numbered(0, 3), sourcePosition: 3);
        var changes = importer.ChangeSequence();

        other.DeleteMemory(session.Memory.Id);

        var error = Assert.Throws<InvalidOperationException>(() => importer.CommitBatch(session, Numbered(3, 3), sourcePosition: 6));
        Assert.Contains("deleted", error.Message, StringComparison.Ordinal);
        Assert.Equal(0L, _database.Scalar("SELECT count(*) FROM segments;"));
        Assert.Equal(changes + 3, importer.ChangeSequence());
    }

    [Fact]
    public void A_text_with_a_NUL_character_is_refused_by_index_before_anything_is_written()
    {
        using var store = _database.Open();

        var error = Assert.Throws<ArgumentException>(() => store.AddSegments("", ImportKind.Segments, "a.tsv", [new("휴전", "armistice"), new("소\0련", "USSR")]));

        Assert.Contains("pairs[1].Korean", error.Message, StringComparison.Ordinal);
        Assert.Null(store.FindMemory(""));
    }

    [Fact]
    public async Task A_commit_notifies_listeners_with_its_last_change_id()
    {
        using var store = _database.Open();
        await using var listener = new NpgsqlConnection(_database.ConnectionString);
        await listener.OpenAsync();
        var received = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        listener.Notification += (_, e) => received.TrySetResult(e.Payload);
        await using (var listen = new NpgsqlCommand($"LISTEN {PostgresSegmentStore.ChangeChannel};", listener))
            await listen.ExecuteNonQueryAsync();

        var outcome = store.AddSegments("", ImportKind.Segments, "a.tsv", Numbered(0, 3));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await listener.WaitAsync(timeout.Token);

        Assert.Equal(outcome.ChangeSequence.ToString(System.Globalization.CultureInfo.InvariantCulture), await received.Task);
        Assert.Equal(store.ChangeSequence(), outcome.ChangeSequence);
    }

    [Fact]
    public async Task An_edit_and_a_delete_each_append_their_entry_and_notify_it_at_commit()
    {
        using var store = _database.Open();
        var imported = store.AddSegments("", ImportKind.Segments, "a.tsv", Numbered(0, 2));
        await using var listener = new NpgsqlConnection(_database.ConnectionString);
        await listener.OpenAsync();
        var payloads = new List<string>();
        listener.Notification += (_, e) => payloads.Add(e.Payload);
        await using (var listen = new NpgsqlCommand($"LISTEN {PostgresSegmentStore.ChangeChannel};", listener))
            await listen.ExecuteNonQueryAsync();

        var edit = store.UpdateSegment(imported.MemoryId, imported.Added[0].Id, null, "Edited.", imported.ChangeSequence, "reviewer")!;
        var delete = store.DeleteSegment(imported.MemoryId, imported.Added[1].Id, imported.ChangeSequence)!;
        Assert.Throws<SegmentConflictException>(() => store.DeleteSegment(imported.MemoryId, imported.Added[0].Id, imported.ChangeSequence));
        store.ConfirmUse(imported.MemoryId, imported.Added[0].Id);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (payloads.Count < 2)
            await listener.WaitAsync(timeout.Token);

        Assert.Equal(
            [new ChangeLogEntry(edit.ChangeSequence, imported.MemoryId, imported.Added[0].Id, ChangeKind.Update),
             new ChangeLogEntry(delete.ChangeSequence, imported.MemoryId, imported.Added[1].Id, ChangeKind.Delete)],
            store.ReadChanges(imported.ChangeSequence, 10));
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        Assert.Equal([edit.ChangeSequence.ToString(invariant), delete.ChangeSequence.ToString(invariant)], payloads);
    }

    [Fact]
    public async Task Change_log_read_in_pages_is_ordered_and_holds_every_change_of_concurrent_writers()
    {
        using var store = _database.Open();
        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(() =>
            Enumerable.Range(0, 5).Select(b => store.AddSegments(w % 2 == 0 ? "even" : $"odd{w}", ImportKind.Segments, $"{w}.{b}", Numbered(w * 1000 + b * 10, 10))).ToList()));
        var outcomes = (await Task.WhenAll(writers)).SelectMany(o => o).ToList();
        var overwrite = store.AddSegments("even", new ImportOptions(ImportKind.Tmx, "fix.tmx", UpdatePolicy.Overwrite), [new("문장 0번", "Fixed.")]);
        var odd = store.FindMemory("odd1")!;
        store.DeleteMemory(odd.Id);

        var entries = new List<ChangeLogEntry>();
        for (var page = store.ReadChanges(0, 7); page.Count > 0; page = store.ReadChanges(page[^1].Id, 7))
            entries.AddRange(page);

        Assert.Equal(entries.OrderBy(e => e.Id), entries);
        Assert.Equal(entries.Count, entries.Select(e => e.Id).Distinct().Count());
        var added = outcomes.SelectMany(o => o.Added.Select(s => (o.MemoryId, s.Id))).Order().ToList();
        Assert.Equal(added, entries.Where(e => e.Kind == ChangeKind.Add).Select(e => (e.MemoryId, e.SegmentId)).Order());
        Assert.Equal((ChangeKind.Update, overwrite.Updated.Single().Id), (entries[^51].Kind, entries[^51].SegmentId));
        var deleted = outcomes.Where(o => o.MemoryId == odd.Id).SelectMany(o => o.Added.Select(s => s.Id)).Order().ToList();
        Assert.Equal(deleted, entries.TakeLast(50).Select(e => e.SegmentId));
        Assert.All(entries.TakeLast(50), e => Assert.Equal((ChangeKind.Delete, odd.Id), (e.Kind, e.MemoryId)));
        Assert.Equal(store.ChangeSequence(), entries[^1].Id);
        Assert.All(outcomes, o => Assert.Contains(entries, e => e.Id == o.ChangeSequence));
    }
}
