using TM.Search;
using TM.Storage;

namespace TM.Server.Memory;

/// <content>One segment at a time: read, corrected or deleted by a reviewer, each change in the indexes before the call returns.</content>
public sealed partial class TranslationMemoryCatalog
{
    /// <summary>The segment <paramref name="id"/> of <paramref name="memory"/>.</summary>
    /// <exception cref="UnknownSegmentException">The memory holds no such segment.</exception>
    public SegmentRecord GetSegment(MemoryIndex memory, long id) =>
        _store.GetRecords([id]) is [var record] && record.MemoryId == memory.Info.Id
            ? record
            : throw Unknown(memory, id);

    /// <summary>
    /// One page of <paramref name="memory"/>'s pairs that pass <paramref name="filter"/> (its memory id is set here),
    /// oldest first, after <paramref name="afterId"/>; the ids come from the search index like a filtered Lookup's.
    /// </summary>
    /// <param name="memory">The memory.</param>
    /// <param name="filter">The conditions; null for none.</param>
    /// <param name="afterId">The last id of the previous page; 0 for the first.</param>
    /// <param name="pageSize">Pairs per page.</param>
    /// <param name="cancellationToken">The call's cancellation.</param>
    /// <returns>The page, the number of pairs passing in all, and whether a page follows.</returns>
    public async Task<(IReadOnlyList<SegmentRecord> Page, long Total, bool More)> ListSegmentsAsync(MemoryIndex memory, SegmentFilter? filter,
        long afterId, int pageSize, CancellationToken cancellationToken)
    {
        var ids = await MatchingIdsAsync(memory, filter ?? new SegmentFilter(memory.Info.Id), cancellationToken);
        var page = new List<long>(pageSize + 1);
        // Ascending ids: skipping to the page is a walk over a bitmap, about a millisecond per million pairs.
        foreach (var id in ids)
        {
            if (id <= afterId)
                continue;
            page.Add(id);
            if (page.Count > pageSize)
                break;
        }
        var more = page.Count > pageSize;
        if (more)
            page.RemoveAt(page.Count - 1);
        return (_store.GetRecords(page), ids.Count, more);
    }

    /// <summary>
    /// Corrects one segment if it is still at <paramref name="version"/>, then waits until the fuzzy, fragment and
    /// search indexes hold the correction, so the next Lookup or Concordance sees it.
    /// </summary>
    /// <param name="memory">The memory holding the segment.</param>
    /// <param name="id">The segment.</param>
    /// <param name="korean">The new Korean side; null to keep it.</param>
    /// <param name="english">The new English side; null to keep it.</param>
    /// <param name="fields">The pair's new field values, replacing its old ones; null to keep them.</param>
    /// <param name="version">The version the caller read.</param>
    /// <param name="author">The API key's name; empty without keys.</param>
    /// <param name="cancellationToken">Stops the wait for the indexes; the change is committed by then.</param>
    /// <exception cref="UnknownSegmentException">The memory holds no such segment.</exception>
    /// <exception cref="SegmentConflictException">The segment changed since <paramref name="version"/>.</exception>
    /// <exception cref="DuplicateSegmentException">The memory holds the corrected pair already.</exception>
    public async Task<SegmentRecord> UpdateSegmentAsync(MemoryIndex memory, long id, string? korean, string? english, IReadOnlyList<FieldValue>? fields,
        long version, string author, CancellationToken cancellationToken)
    {
        var edit = await WriteAsync(memory, id, () => _store.UpdateSegment(memory.Info.Id, id, korean, english, version, author, fields),
            edit => new IndexChange([], [edit.Record!.Segment], []), cancellationToken);
        return edit.Record!;
    }

    /// <summary>
    /// Adds one pair outside any import, then waits until the fuzzy, fragment and search indexes hold it, so the next
    /// Lookup or Concordance finds it.
    /// </summary>
    /// <param name="memory">The memory.</param>
    /// <param name="pair">The pair, its fields checked against the memory's.</param>
    /// <param name="author">The API key's name; empty without keys.</param>
    /// <param name="cancellationToken">Stops the wait for the indexes; the pair is committed by then.</param>
    /// <exception cref="DuplicateSegmentException">The memory holds the pair already.</exception>
    public async Task<SegmentRecord> AddSegmentAsync(MemoryIndex memory, SegmentInput pair, string author, CancellationToken cancellationToken)
    {
        var edit = await WriteAsync(memory, 0, () => _store.AddSegment(memory.Info.Id, pair, author),
            edit => new IndexChange([edit.Record!.Segment], [], []), cancellationToken);
        return edit.Record!;
    }

    /// <summary>Deletes one segment if it is still at <paramref name="version"/>, then waits until every index has let it go.</summary>
    /// <exception cref="UnknownSegmentException">The memory holds no such segment.</exception>
    /// <exception cref="SegmentConflictException">The segment changed since <paramref name="version"/>.</exception>
    public Task DeleteSegmentAsync(MemoryIndex memory, long id, long version, string author, CancellationToken cancellationToken) =>
        WriteAsync(memory, id, () => _store.DeleteSegment(memory.Info.Id, id, version, author), _ => new IndexChange([], [], [id]), cancellationToken);

    /// <summary>Records that a translator used segment <paramref name="id"/> of <paramref name="memory"/>; nothing to index.</summary>
    /// <exception cref="UnknownSegmentException">The memory holds no such segment.</exception>
    public SegmentRecord ConfirmUse(MemoryIndex memory, long id) =>
        _store.ConfirmUse(memory.Info.Id, id) ?? throw Unknown(memory, id);

    /// <summary>The previous versions of segment <paramref name="id"/>, newest first (the caller has checked the memory holds it).</summary>
    public IReadOnlyList<SegmentVersion> History(long id) => _store.GetHistory(id);

    // Under the memory's gate, so the index worker receives the change in the store's commit order (as import batches).
    private async Task<SegmentEdit> WriteAsync(MemoryIndex memory, long id, Func<SegmentEdit?> write, Func<SegmentEdit, IndexChange> change,
        CancellationToken cancellationToken)
    {
        SegmentEdit edit;
        Task indexed;
        await memory.WriteGate.WaitAsync(CancellationToken.None);
        try
        {
            edit = write() ?? throw Unknown(memory, id);
            _search.Notify();
            indexed = await IndexLaterAsync(memory, change(edit), edit.ChangeSequence);
        }
        finally
        {
            memory.WriteGate.Release();
        }
        await Task.WhenAll(indexed, _search.WhenSearchable(edit.ChangeSequence)).WaitAsync(cancellationToken);
        return edit;
    }

    private static UnknownSegmentException Unknown(MemoryIndex memory, long id) =>
        new($"Memory '{memory.Info.Name}' has no segment {id}: it was deleted, or belongs to another memory. Find it again with Lookup or Concordance.");
}
