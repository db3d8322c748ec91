using System.Globalization;
using TM.Server.Memory;
using TM.Storage;

namespace TM.Server.Terminology;

/// <summary>
/// The termbases of the memories: the one door the service calls for terms. Validates entries
/// (<see cref="TermEntryRules"/>), writes them to the store, and keeps what recognises them in texts up to date.
/// </summary>
public sealed partial class TermbaseCatalog
{
    private readonly ISegmentStore _store;

    /// <summary>Creates the catalog over the server's store.</summary>
    /// <param name="memories">The memories, whose store holds the termbases.</param>
    public TermbaseCatalog(TranslationMemoryCatalog memories)
    {
        ArgumentNullException.ThrowIfNull(memories);
        _store = memories.Store;
    }

    /// <summary>Adds one entry to <paramref name="memory"/>'s termbase.</summary>
    /// <exception cref="ArgumentException">The entry breaks <see cref="TermEntryRules"/>.</exception>
    /// <exception cref="DuplicateTermException">The termbase holds its Korean and English terms already.</exception>
    public TermRecord Add(MemoryIndex memory, TermContent term, string author)
    {
        ArgumentNullException.ThrowIfNull(memory);
        var record = _store.AddTerm(memory.Info.Id, TermEntryRules.Normalize(term), author);
        Changed(memory);
        return record;
    }

    /// <summary>Adds many entries in one transaction, merging those the termbase holds already (<see cref="SegmentStore.AddTerms"/>).</summary>
    /// <param name="memory">The memory.</param>
    /// <param name="terms">The entries, checked by <see cref="TermEntryRules.Normalize"/> already (an import names each by its line).</param>
    /// <param name="author">The API key's name; empty on a server without keys.</param>
    public TermImportCounts Import(MemoryIndex memory, IReadOnlyList<TermContent> terms, string author)
    {
        ArgumentNullException.ThrowIfNull(memory);
        var counts = _store.AddTerms(memory.Info.Id, terms, author);
        if (counts.Added + counts.Updated > 0)
            Changed(memory);
        return counts;
    }

    /// <summary>One entry of <paramref name="memory"/>'s termbase.</summary>
    /// <exception cref="UnknownTermException">It holds no entry <paramref name="id"/>.</exception>
    public TermRecord Get(MemoryIndex memory, long id)
    {
        ArgumentNullException.ThrowIfNull(memory);
        return _store.GetTerm(memory.Info.Id, id) ?? throw Unknown(memory, id);
    }

    /// <summary>Replaces what entry <paramref name="id"/> says, if it is still at <paramref name="version"/>.</summary>
    /// <exception cref="UnknownTermException">The termbase holds no entry <paramref name="id"/>.</exception>
    /// <exception cref="TermConflictException">The entry changed since that version.</exception>
    /// <exception cref="DuplicateTermException">Another entry holds the new Korean and English terms.</exception>
    public TermRecord Update(MemoryIndex memory, long id, TermContent term, long version, string author)
    {
        ArgumentNullException.ThrowIfNull(memory);
        var record = _store.UpdateTerm(memory.Info.Id, id, TermEntryRules.Normalize(term), version, author) ?? throw Unknown(memory, id);
        Changed(memory);
        return record;
    }

    /// <summary>Deletes entry <paramref name="id"/>, if it is still at <paramref name="version"/>.</summary>
    /// <exception cref="UnknownTermException">The termbase holds no entry <paramref name="id"/>.</exception>
    /// <exception cref="TermConflictException">The entry changed since that version.</exception>
    public void Delete(MemoryIndex memory, long id, long version)
    {
        ArgumentNullException.ThrowIfNull(memory);
        if (!_store.DeleteTerm(memory.Info.Id, id, version))
            throw Unknown(memory, id);
        Changed(memory);
    }

    /// <summary>
    /// A page of <paramref name="memory"/>'s termbase, oldest entry first: at most <paramref name="pageSize"/> entries
    /// after entry <paramref name="afterId"/> that contain <paramref name="filter"/> (empty for all), the number of
    /// entries passing the filter, and whether more follow.
    /// </summary>
    public (IReadOnlyList<TermRecord> Page, long Total, bool More) List(MemoryIndex memory, string filter, long afterId, int pageSize)
    {
        ArgumentNullException.ThrowIfNull(memory);
        ArgumentNullException.ThrowIfNull(filter);
        // One more than the page says whether another page follows without a second query.
        var page = _store.ListTerms(memory.Info.Id, filter.Trim(), afterId, pageSize + 1);
        var total = _store.CountTerms(memory.Info.Id, filter.Trim());
        return page.Count > pageSize ? (page.Take(pageSize).ToList(), total, true) : (page, total, false);
    }

    /// <summary>Every entry of <paramref name="memory"/>'s termbase, oldest first, streamed from the store.</summary>
    public IEnumerable<TermRecord> ReadAll(MemoryIndex memory)
    {
        ArgumentNullException.ThrowIfNull(memory);
        return _store.ReadTerms(memory.Info.Id);
    }

    private static UnknownTermException Unknown(MemoryIndex memory, long id) =>
        new($"Memory '{memory.Info.Name}' has no term entry {id.ToString(CultureInfo.InvariantCulture)}; ListTerms shows the entries it has.");
}
