namespace TM.Storage.Tests;

/// <summary>The termbase of a memory: entries added, merged on import, paged, filtered, edited under their version and deleted with the memory.</summary>
public sealed class TermStoreTests : IDisposable
{
    private readonly TemporaryDatabase _database = new();
    private readonly SegmentStore _store;
    private readonly long _memory;

    public TermStoreTests()
    {
        _store = _database.Open();
        _memory = _store.CreateMemory("history", MemorySettings.None).Id;
    }

    public void Dispose()
    {
        _store.Dispose();
        _database.Dispose();
    }

    private static TermContent Stalin() => new("스탈린", "Stalin") { ForbiddenEnglish = ["Staline"], PartOfSpeech = "properNoun" };

    [Fact]
    public void An_added_entry_reads_back_with_its_lists_author_and_version_one()
    {
        var added = _store.AddTerm(_memory, Stalin() with { EnglishVariants = ["J. V. Stalin"], Note = "소련 지도자" }, "editor");

        var read = _store.GetTerm(_memory, added.Id)!;

        Assert.Equal("스탈린", read.Content.Korean);
        Assert.Equal(["Staline"], read.Content.ForbiddenEnglish);
        Assert.Equal(["J. V. Stalin"], read.Content.EnglishVariants);
        Assert.Empty(read.Content.KoreanVariants);
        Assert.Equal("properNoun", read.Content.PartOfSpeech);
        Assert.Equal("소련 지도자", read.Content.Note);
        Assert.Equal("editor", read.CreatedBy);
        Assert.Equal(1, read.Version);
        Assert.Null(_store.GetTerm(_memory + 1, added.Id));
    }

    [Fact]
    public void Adding_the_same_Korean_and_English_again_is_a_duplicate_and_an_entry_needs_one_side()
    {
        _store.AddTerm(_memory, Stalin(), "");

        Assert.Throws<DuplicateTermException>(() => _store.AddTerm(_memory, new TermContent("스탈린", "Stalin"), ""));
        Assert.Throws<ArgumentException>(() => _store.AddTerm(_memory, new TermContent("", ""), ""));
        // One-sided entries are fine, and the same pair in another memory is another entry.
        _store.AddTerm(_memory, new TermContent("", "Panmunjom"), "");
        _store.AddTerm(_store.CreateMemory("other", MemorySettings.None).Id, Stalin(), "");
        Assert.Equal(2, _store.CountTerms(_memory));
    }

    [Fact]
    public void An_import_adds_new_entries_merges_what_is_new_into_stored_ones_and_skips_the_rest()
    {
        _store.AddTerm(_memory, Stalin() with { Note = "kept note" }, "");

        var counts = _store.AddTerms(_memory,
        [
            new TermContent("김일성", "Kim Il-sung"),
            Stalin() with { ForbiddenEnglish = ["Staline", "Stalinn"], Note = "imported note", Source = "file.tbx" },
            new TermContent("김일성", "Kim Il-sung"),
            new TermContent("마오쩌둥", "Mao Zedong") { EnglishVariants = ["Mao Tse-tung"] },
        ], "importer");

        Assert.Equal(new TermImportCounts(2, 1, 1), counts);
        var stalin = _store.ReadTerms(_memory).Single(t => t.Content.English == "Stalin");
        Assert.Equal(["Staline", "Stalinn"], stalin.Content.ForbiddenEnglish);
        Assert.Equal("kept note", stalin.Content.Note);
        Assert.Equal("file.tbx", stalin.Content.Source);
        Assert.Equal(2, stalin.Version);
        Assert.Equal("importer", stalin.ChangedBy);
    }

    [Fact]
    public void An_import_with_a_bad_entry_stores_nothing_and_names_its_position()
    {
        var error = Assert.Throws<ArgumentException>(() => _store.AddTerms(_memory,
            [new TermContent("김일성", "Kim Il-sung"), new TermContent("판문점", "Panmunjom"), new TermContent("", "")], ""));

        Assert.Contains("Entry 3", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _store.CountTerms(_memory));
    }

    [Fact]
    public void An_update_moves_the_version_on_and_an_update_or_delete_of_the_old_version_is_refused()
    {
        var added = _store.AddTerm(_memory, Stalin(), "");

        var updated = _store.UpdateTerm(_memory, added.Id, Stalin() with { Note = "Soviet leader" }, added.Version, "reviewer")!;

        Assert.Equal(2, updated.Version);
        Assert.Equal("Soviet leader", updated.Content.Note);
        Assert.Equal("reviewer", updated.ChangedBy);
        var conflict = Assert.Throws<TermConflictException>(() => _store.UpdateTerm(_memory, added.Id, Stalin(), added.Version, ""));
        Assert.Equal(2, conflict.CurrentVersion);
        Assert.Throws<TermConflictException>(() => _store.DeleteTerm(_memory, added.Id, added.Version));
        Assert.True(_store.DeleteTerm(_memory, added.Id, updated.Version));
        Assert.False(_store.DeleteTerm(_memory, added.Id, updated.Version));
        Assert.Null(_store.UpdateTerm(_memory, added.Id, Stalin(), updated.Version, ""));
    }

    [Fact]
    public void An_update_onto_the_terms_of_another_entry_is_a_duplicate()
    {
        _store.AddTerm(_memory, Stalin(), "");
        var other = _store.AddTerm(_memory, new TermContent("스탈린", "Stalin (Joseph)"), "");

        Assert.Throws<DuplicateTermException>(() => _store.UpdateTerm(_memory, other.Id, new TermContent("스탈린", "Stalin"), other.Version, ""));
    }

    [Fact]
    public void Pages_follow_the_id_cursor_and_the_filter_finds_either_side_and_variants_taking_wildcards_literally()
    {
        _store.AddTerms(_memory,
        [
            new TermContent("김일성", "Kim Il-sung"),
            new TermContent("마오쩌둥", "Mao Zedong") { EnglishVariants = ["Mao Tse-tung"] },
            new TermContent("정전협정", "Armistice Agreement"),
            new TermContent("백분율", "100% rate"),
        ], "");

        var first = _store.ListTerms(_memory, "", 0, 2);
        var second = _store.ListTerms(_memory, "", first[^1].Id, 2);

        Assert.Equal(["김일성", "마오쩌둥"], first.Select(t => t.Content.Korean));
        Assert.Equal(["정전협정", "백분율"], second.Select(t => t.Content.Korean));
        Assert.Empty(_store.ListTerms(_memory, "", second[^1].Id, 2));
        Assert.Equal(["마오쩌둥"], _store.ListTerms(_memory, "tse", 0, 10).Select(t => t.Content.Korean));
        Assert.Equal(["정전협정"], _store.ListTerms(_memory, "협정", 0, 10).Select(t => t.Content.Korean));
        Assert.Equal(["백분율"], _store.ListTerms(_memory, "0%", 0, 10).Select(t => t.Content.Korean));
        Assert.Equal(0, _store.CountTerms(_memory, "_"));
        Assert.Equal(1, _store.CountTerms(_memory, "armistice"));
    }

    [Fact]
    public void Deleting_a_memory_deletes_its_termbase_and_leaves_the_others()
    {
        var other = _store.CreateMemory("other", MemorySettings.None).Id;
        _store.AddTerm(_memory, Stalin(), "");
        _store.AddTerm(other, Stalin(), "");

        _store.DeleteMemory(_memory);

        Assert.Empty(_store.ReadTerms(_memory));
        Assert.Single(_store.ReadTerms(other));
    }
}
