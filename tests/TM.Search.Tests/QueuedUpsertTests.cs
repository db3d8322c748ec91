using TM.Search;

namespace TM.Search.Tests;

/// <summary>
/// <see cref="SegmentSearchIndex.UpsertAsync"/>: new documents are added by the index's own threads while the caller
/// goes on, in blocks; every other write, and a commit, first waits for what is queued.
/// </summary>
public sealed class QueuedUpsertTests : IDisposable
{
    private readonly TestIndex _index = new();

    [Fact]
    public async Task Queued_batches_are_all_searchable_once_their_tasks_complete_and_the_index_refreshes()
    {
        // 12 batches of 2,500: more blocks than the queue holds, so later calls wait for room.
        var tasks = new List<Task>();
        for (var batch = 0; batch < 12; batch++)
        {
            tasks.Add(_index.Index.UpsertAsync(Batch(batch * 2_500 + 1, 2_500, "휴전협정")));
        }

        await Task.WhenAll(tasks);
        _index.Index.Refresh();

        Assert.Equal(30_000, _index.Search("휴전", ConcordanceSides.Korean, maxHits: 10).Total);
        Assert.Equal(30_000, _index.Index.Count());
    }

    [Fact]
    public void A_replacement_after_queued_new_documents_leaves_one_document_per_id()
    {
        var queued = _index.Index.UpsertAsync(Batch(1, 5_000, "휴전협정"));
        // Id 4,999 is still queued or just added: its replacement must not leave the first version behind.
        _index.Index.Upsert([TestIndex.Segment(4_999, "정전협정")]);
        Assert.True(queued.IsCompleted);
        _index.Index.Refresh();

        Assert.Equal(4_999, _index.Search("휴전", ConcordanceSides.Korean, maxHits: 10).Total);
        Assert.Equal([4_999L], _index.Ids("정전", ConcordanceSides.Korean));
        Assert.Equal(5_000, _index.Index.Count());
    }

    [Fact]
    public void A_delete_after_queued_new_documents_removes_them()
    {
        _ = _index.Index.UpsertAsync(Batch(1, 3_000, "휴전협정"));
        _index.Index.Delete([.. Enumerable.Range(1, 1_000).Select(i => (long)i)]);
        _index.Index.Refresh();

        Assert.Equal(2_000, _index.Search("휴전", ConcordanceSides.Korean, maxHits: 10).Total);
    }

    [Fact]
    public void A_commit_holds_the_queued_documents()
    {
        _ = _index.Index.UpsertAsync(Batch(1, 4_000, "휴전협정"));
        _index.Index.Commit(new Dictionary<string, string> { ["through"] = "4000" });
        _index.Reopen();

        Assert.Equal(4_000, _index.Search("휴전", ConcordanceSides.Korean, maxHits: 10).Total);
        Assert.Equal("4000", _index.Index.CommitData["through"]);
    }

    public void Dispose() => _index.Dispose();

    private static IndexedSegment[] Batch(long firstId, int count, string korean) =>
        [.. Enumerable.Range(0, count).Select(i => TestIndex.Segment(firstId + i, $"{korean} 제{i}조"))];
}
