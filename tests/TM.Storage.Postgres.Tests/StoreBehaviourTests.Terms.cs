namespace TM.Storage.Postgres.Tests;

/// <content>The termbase of a memory: entries added, merged on import, paged, filtered, edited under their version and deleted with the memory.</content>
public abstract partial class StoreBehaviourTests
{
    private static TermContent Stalin() => new("스탈린", "Stalin") { ForbiddenEnglish = ["Staline"], PartOfSpeech = "properNoun" };

    private (ISegmentStore Store, long Memory) OpenWithTermbase()
    {
        var store = Open();
        return (store, store.CreateMemory("history", MemorySettings.None).Id);
    }

    [Fact]
    public void An_added_term_reads_back_with_its_lists_author_and_version_one()
    {
        var (store, memory) = OpenWithTermbase();

        var added = store.AddTerm(memory, Stalin() with { EnglishVariants = ["J. V. Stalin"], Note = "소련 지도자", Source = "ref" }, "editor");

        var read = store.GetTerm(memory, added.Id)!;
        // The lists are compared on their own: a record's equality compares them by reference.
        var content = Stalin();
        Assert.Equal(added with { Content = content }, read with { Content = content });
        Assert.Equal(("스탈린", "Stalin", "properNoun", "소련 지도자", "ref"),
            (read.Content.Korean, read.Content.English, read.Content.PartOfSpeech, read.Content.Note, read.Content.Source));
        Assert.Equal(["Staline"], read.Content.ForbiddenEnglish);
        Assert.Equal(["J. V. Stalin"], read.Content.EnglishVariants);
        Assert.Empty(read.Content.KoreanVariants);
        Assert.Empty(read.Content.ForbiddenKorean);
        Assert.Equal(("editor", "editor", 1L, memory), (read.CreatedBy, read.ChangedBy, read.Version, read.MemoryId));
        Assert.Equal(read.Created, read.Changed);
        Assert.InRange(read.Created, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(5));
        Assert.Null(store.GetTerm(memory + 1, added.Id));
    }

    [Fact]
    public void Adding_the_same_Korean_and_English_term_again_is_a_duplicate_and_an_entry_needs_one_side()
    {
        var (store, memory) = OpenWithTermbase();
        store.AddTerm(memory, Stalin(), "");

        Assert.Throws<DuplicateTermException>(() => store.AddTerm(memory, new TermContent("스탈린", "Stalin"), ""));
        Assert.Throws<ArgumentException>(() => store.AddTerm(memory, new TermContent("", ""), ""));
        // One-sided entries are fine, and the same pair in another memory is another entry.
        store.AddTerm(memory, new TermContent("", "Panmunjom"), "");
        store.AddTerm(store.CreateMemory("other", MemorySettings.None).Id, Stalin(), "");
        Assert.Equal(2, store.CountTerms(memory));
    }

    [Fact]
    public void A_term_import_adds_new_entries_merges_what_is_new_into_stored_ones_and_skips_the_rest()
    {
        var (store, memory) = OpenWithTermbase();
        store.AddTerm(memory, Stalin() with { Note = "kept note" }, "");

        var counts = store.AddTerms(memory,
        [
            new TermContent("김일성", "Kim Il-sung"),
            Stalin() with { ForbiddenEnglish = ["Staline", "Stalinn"], Note = "imported note", Source = "file.tbx" },
            new TermContent("김일성", "Kim Il-sung"),
            new TermContent("마오쩌둥", "Mao Zedong") { EnglishVariants = ["Mao Tse-tung"] },
        ], "importer");

        Assert.Equal(new TermImportCounts(2, 1, 1), counts);
        var terms = store.ReadTerms(memory).ToList();
        Assert.Equal(["Stalin", "Kim Il-sung", "Mao Zedong"], terms.Select(t => t.Content.English));
        var stalin = terms[0];
        Assert.Equal(["Staline", "Stalinn"], stalin.Content.ForbiddenEnglish);
        Assert.Equal(("kept note", "file.tbx", 2L, "importer"), (stalin.Content.Note, stalin.Content.Source, stalin.Version, stalin.ChangedBy));
        Assert.Equal(["Mao Tse-tung"], terms[2].Content.EnglishVariants);
    }

    [Fact]
    public void A_term_import_with_a_bad_entry_stores_nothing_and_names_its_position()
    {
        var (store, memory) = OpenWithTermbase();
        var stored = store.AddTerm(memory, Stalin(), "");

        var error = Assert.Throws<ArgumentException>(() => store.AddTerms(memory,
            [new TermContent("김일성", "Kim Il-sung"), Stalin() with { Note = "merged" }, new TermContent("", "")], ""));

        Assert.Contains("Entry 3", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, store.CountTerms(memory));
        Assert.Equal(("", 1L), (store.GetTerm(memory, stored.Id)!.Content.Note, store.GetTerm(memory, stored.Id)!.Version));
    }

    [Fact]
    public void A_term_update_moves_the_version_on_and_an_update_or_delete_of_the_old_version_is_refused()
    {
        var (store, memory) = OpenWithTermbase();
        var added = store.AddTerm(memory, Stalin(), "");

        var updated = store.UpdateTerm(memory, added.Id, Stalin() with { Note = "Soviet leader" }, added.Version, "reviewer")!;

        Assert.Equal((2L, "Soviet leader", "reviewer", ""), (updated.Version, updated.Content.Note, updated.ChangedBy, updated.CreatedBy));
        var conflict = Assert.Throws<TermConflictException>(() => store.UpdateTerm(memory, added.Id, Stalin(), added.Version, ""));
        Assert.Equal(2, conflict.CurrentVersion);
        Assert.Equal(2, Assert.Throws<TermConflictException>(() => store.DeleteTerm(memory, added.Id, added.Version)).CurrentVersion);
        Assert.Null(store.UpdateTerm(memory + 1, added.Id, Stalin(), updated.Version, ""));
        Assert.False(store.DeleteTerm(memory + 1, added.Id, updated.Version));
        Assert.True(store.DeleteTerm(memory, added.Id, updated.Version));
        Assert.False(store.DeleteTerm(memory, added.Id, updated.Version));
        Assert.Null(store.UpdateTerm(memory, added.Id, Stalin(), updated.Version, ""));
        // A deleted entry's id is not given to another.
        Assert.True(store.AddTerm(memory, Stalin(), "").Id > added.Id);
    }

    [Fact]
    public void A_term_update_onto_the_terms_of_another_entry_is_a_duplicate()
    {
        var (store, memory) = OpenWithTermbase();
        store.AddTerm(memory, Stalin(), "");
        var other = store.AddTerm(memory, new TermContent("스탈린", "Stalin (Joseph)"), "");

        Assert.Throws<DuplicateTermException>(() => store.UpdateTerm(memory, other.Id, new TermContent("스탈린", "Stalin"), other.Version, ""));
        Assert.Equal(1, store.GetTerm(memory, other.Id)!.Version);
    }

    [Fact]
    public void Term_pages_follow_the_id_cursor_and_the_filter_finds_either_side_and_variants_taking_wildcards_literally()
    {
        var (store, memory) = OpenWithTermbase();
        store.AddTerms(memory,
        [
            new TermContent("김일성", "Kim Il-sung"),
            new TermContent("마오쩌둥", "Mao Zedong") { EnglishVariants = ["Mao Tse-tung"] },
            new TermContent("정전협정", "Armistice Agreement"),
            new TermContent("백분율", "100% rate"),
        ], "");

        var first = store.ListTerms(memory, "", 0, 2);
        var second = store.ListTerms(memory, "", first[^1].Id, 2);

        Assert.Equal(["김일성", "마오쩌둥"], first.Select(t => t.Content.Korean));
        Assert.Equal(["정전협정", "백분율"], second.Select(t => t.Content.Korean));
        Assert.Empty(store.ListTerms(memory, "", second[^1].Id, 2));
        Assert.Equal(["마오쩌둥"], store.ListTerms(memory, "tse", 0, 10).Select(t => t.Content.Korean));
        Assert.Equal(["정전협정"], store.ListTerms(memory, "협정", 0, 10).Select(t => t.Content.Korean));
        Assert.Equal(["백분율"], store.ListTerms(memory, "0%", 0, 10).Select(t => t.Content.Korean));
        Assert.Equal(0, store.CountTerms(memory, "_"));
        Assert.Equal(0, store.CountTerms(memory, "\\"));
        Assert.Equal(1, store.CountTerms(memory, "ARMISTICE"));
        Assert.Equal(4, store.CountTerms(memory));
        Assert.Throws<ArgumentOutOfRangeException>(() => store.ListTerms(memory, "", 0, 0));
    }

    [Fact]
    public void Deleting_a_memory_deletes_its_termbase_and_leaves_the_others()
    {
        var (store, memory) = OpenWithTermbase();
        var other = store.CreateMemory("other", MemorySettings.None).Id;
        store.AddTerm(memory, Stalin(), "");
        store.AddTerm(other, Stalin(), "");

        store.DeleteMemory(memory);

        Assert.Empty(store.ReadTerms(memory));
        Assert.Equal(0, store.CountTerms(memory));
        Assert.Single(store.ReadTerms(other));
    }
}
