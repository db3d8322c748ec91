namespace TM.Storage.Tests;

/// <summary>Fields (TM attributes) in the store: a memory's definitions and penalties, a pair's values through import, edit, history and reopening.</summary>
public sealed class FieldStorageTests : IDisposable
{
    private static readonly FieldValue Journal = new("journal", "군사사연구");
    private static readonly FieldValue Armistice = new("domain", "armistice");
    private static readonly FieldValue War = new("domain", "war");

    private readonly TemporaryDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public void A_pairs_fields_are_stored_with_it_and_survive_reopening()
    {
        long id;
        using (var store = _database.Open())
        {
            var outcome = store.AddSegments("m", ImportKind.Segments, "batch",
            [
                new SegmentInput("휴전 협정", "the armistice") { Fields = [Journal, Armistice, War] },
                new SegmentInput("전쟁", "the war"),
            ]);
            id = outcome.Added[0].Id;
            Assert.Equal([Journal, Armistice, War], outcome.Added[0].Fields);
        }

        using var reopened = _database.Open();
        var record = reopened.GetRecords([id]).Single();
        Assert.Equal([Journal, Armistice, War], record.Segment.Fields);
        Assert.Empty(reopened.ReadAll(record.MemoryId).Single(s => s.Korean == "전쟁").Fields);
        Assert.Equal([Journal, Armistice, War], reopened.ReadChanges(ChangeCursor.Start, 10).Written.Single(r => r.Segment.Id == id).Segment.Fields);
    }

    [Fact]
    public void An_edit_replaces_the_fields_only_when_given_and_the_history_keeps_the_old_ones()
    {
        using var store = _database.Open();
        var outcome = store.AddSegments("m", ImportKind.Segments, "batch", [new SegmentInput("휴전 협정", "the armistice") { Fields = [Journal, War] }]);
        var original = store.GetRecords([outcome.Added[0].Id]).Single();

        var textOnly = store.UpdateSegment(outcome.MemoryId, original.Segment.Id, null, "the Armistice Agreement", original.Version, "reviewer")!;
        var fieldsOnly = store.UpdateSegment(outcome.MemoryId, original.Segment.Id, null, null, textOnly.Record!.Version, "reviewer", [Armistice])!;

        Assert.Equal([Journal, War], textOnly.Record.Segment.Fields);
        Assert.Equal([Armistice], fieldsOnly.Record!.Segment.Fields);
        Assert.Equal("the Armistice Agreement", fieldsOnly.Record.Segment.English);
        Assert.Equal([[Journal, War], [Journal, War]], store.GetHistory(original.Segment.Id).Select(v => v.Fields));
    }

    [Fact]
    public void A_pair_added_on_its_own_belongs_to_no_import_and_a_second_copy_is_refused()
    {
        using var store = _database.Open();
        var memory = store.CreateMemory("m", MemorySettings.None);

        var added = store.AddSegment(memory.Id, new SegmentInput("휴전선", "the armistice line") { Fields = [Armistice] }, "translator");

        Assert.Equal((0L, "translator"), (added.Record!.ImportId, added.Record.CreatedBy));
        Assert.Equal([Armistice], added.Record.Segment.Fields);
        Assert.Empty(store.ListImports("m"));
        Assert.Throws<DuplicateSegmentException>(() => store.AddSegment(memory.Id, new SegmentInput("휴전선", "the armistice line"), "translator"));
        Assert.Single(store.ReadAll(memory.Id));
    }

    [Fact]
    public void A_memorys_field_definitions_and_field_penalties_are_part_of_its_settings()
    {
        var settings = new MemorySettings
        {
            Description = "abstracts",
            Fields = [new FieldDefinition("journal", FieldType.Text), new FieldDefinition("domain", FieldType.Picklist, ["war", "armistice"]), new FieldDefinition("published", FieldType.Date)],
            FieldPenalties = [new FieldPenalty("journal", "군사사연구", 2.5)],
        };
        long id;
        using (var store = _database.Open())
            id = store.CreateMemory("m", settings).Id;

        using var reopened = _database.Open();
        var read = reopened.GetSettings(id);
        Assert.Equal(settings.Fields.Select(f => (f.Name, f.Type, string.Join(",", f.Choices))), read.Fields.Select(f => (f.Name, f.Type, string.Join(",", f.Choices))));
        Assert.Equal(settings.FieldPenalties, read.FieldPenalties);
        Assert.Equal("abstracts", read.Description);
    }
}
