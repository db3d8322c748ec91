using Lucene.Net.Store;
using TM.Search;

namespace TM.Search.Tests;

/// <summary>Writes, refreshes, commits, reopening and damaged directories.</summary>
public sealed class IndexLifecycleTests : IDisposable
{
    private readonly TestIndex _index = new();

    [Fact]
    public void A_new_index_is_empty_with_empty_commit_data()
    {
        Assert.Equal(0, _index.Index.Count());
        Assert.Empty(_index.Index.CommitData);
        Assert.Equal(0, _index.Search("휴전").Total);
    }

    [Fact]
    public void Writes_become_searchable_at_refresh()
    {
        _index.Index.Upsert([TestIndex.Segment(1, "휴전협정", "armistice")]);
        Assert.Equal(0, _index.Search("휴전").Total);
        _index.Index.Refresh();
        Assert.Equal([1], _index.Ids("휴전"));
        Assert.Equal(1, _index.Index.Count(1));
    }

    [Fact]
    public void Upsert_replaces_the_document_of_the_same_id()
    {
        _index.Add(TestIndex.Segment(1, "휴전협정", "armistice"), TestIndex.Segment(2, "휴전회담", "truce talks"));
        _index.Add(TestIndex.Segment(1, "정전협정", "ceasefire", origin: "b.tmx"));
        Assert.Equal([2], _index.Ids("휴전"));
        Assert.Equal([1], _index.Ids("정전"));
        Assert.Empty(_index.Ids("armistice"));
        Assert.Equal([1], _index.Index.Search(new ConcordanceQuery(1, "협정", ConcordanceSides.Korean) { Origin = "b.tmx" }).Ids);
        Assert.Equal(2, _index.Index.Count());

        // The same id twice in one batch: the last one wins.
        _index.Add(TestIndex.Segment(3, "첫째"), TestIndex.Segment(3, "둘째"));
        Assert.Empty(_index.Ids("첫째"));
        Assert.Equal([3], _index.Ids("둘째"));
    }

    [Fact]
    public void Upsert_can_move_a_segment_to_another_memory()
    {
        _index.Add(TestIndex.Segment(1, "휴전", memory: 1));
        _index.Add(TestIndex.Segment(1, "휴전", memory: 2));
        Assert.Empty(_index.Ids("휴전", memory: 1));
        Assert.Equal([1], _index.Ids("휴전", memory: 2));
    }

    [Fact]
    public void Delete_DeleteMemory_and_DeleteAll_remove_documents()
    {
        _index.Add(Enumerable.Range(1, 10).Select(i => TestIndex.Segment(i, "휴전", memory: i <= 6 ? 1 : 2)).ToArray());
        _index.Index.Delete([2, 3, 99]);
        _index.Index.Refresh();
        Assert.Equal([1, 4, 5, 6], _index.Ids("휴전"));
        Assert.Equal(8, _index.Index.Count());

        _index.Index.DeleteMemory(1);
        _index.Index.Refresh();
        Assert.Empty(_index.Ids("휴전", memory: 1));
        Assert.Equal([7, 8, 9, 10], _index.Ids("휴전", memory: 2));
        Assert.Equal(0, _index.Index.Count(1));
        Assert.Equal(4, _index.Index.Count(2));

        _index.Index.DeleteAll();
        _index.Index.Refresh();
        Assert.Equal(0, _index.Index.Count());
        _index.Add(TestIndex.Segment(11, "휴전"));
        Assert.Equal([11], _index.Ids("휴전"));
    }

    [Fact]
    public void A_deleted_memory_sharing_a_segment_with_another_leaves_the_disk_at_the_next_commit()
    {
        // One segment holding both memories: Lucene does not drop it by itself when one memory goes.
        _index.Add(Enumerable.Range(1, 2_000).Select(i => TestIndex.Segment(i, $"휴전협정 제{i}조 {new string('가', 200)}", memory: i % 100 == 0 ? 2 : 1)).ToArray());
        _index.Index.Commit(new Dictionary<string, string>());
        var before = DirectoryBytes();

        _index.Index.DeleteMemory(1);
        _index.Index.Refresh();
        var merged = _index.Index.MergeAwayDeletions();
        _index.Index.Commit(new Dictionary<string, string>());

        Assert.True(merged);
        Assert.True(DirectoryBytes() * 5 < before, $"{DirectoryBytes():N0} bytes after, {before:N0} before");
        Assert.Equal(20, _index.Index.Count(2));
        Assert.Equal(20, _index.Search("휴전협정", memory: 2).Total);
        Assert.False(_index.Index.MergeAwayDeletions());
    }

    [Fact]
    public void A_few_deletions_are_left_to_ordinary_merges()
    {
        _index.Add(Enumerable.Range(1, 100).Select(i => TestIndex.Segment(i, "휴전")).ToArray());
        _index.Index.Delete([1, 2, 3]);
        _index.Index.Refresh();

        Assert.False(_index.Index.MergeAwayDeletions());
        Assert.Equal(97, _index.Index.Count());
    }

    [Fact]
    public void Commit_keeps_documents_and_user_data_across_a_reopen_and_dispose_discards_the_rest()
    {
        _index.Add(TestIndex.Segment(1, "휴전협정", "armistice"));
        _index.Index.Commit(new Dictionary<string, string> { ["sequence"] = "41" });
        Assert.Equal("41", _index.Index.CommitData["sequence"]);
        _index.Add(TestIndex.Segment(2, "휴전회담", "truce talks")); // searchable, never committed

        _index.Reopen();
        Assert.Equal([1], _index.Ids("휴전"));
        Assert.Equal(new Dictionary<string, string> { ["sequence"] = "41" }, _index.Index.CommitData);

        _index.Add(TestIndex.Segment(3, "휴전선"));
        _index.Index.Commit(new Dictionary<string, string> { ["sequence"] = "43" });
        _index.Reopen();
        Assert.Equal([1, 3], _index.Ids("휴전"));
        Assert.Equal("43", _index.Index.CommitData["sequence"]);
    }

    [Fact]
    public void Reserved_commit_data_keys_are_refused()
    {
        Assert.Throws<ArgumentException>(() => _index.Index.Commit(new Dictionary<string, string> { ["tm.search.format"] = "9" }));
    }

    [Fact]
    public void A_second_instance_on_the_same_directory_is_refused()
    {
        Assert.ThrowsAny<LockObtainFailedException>(() => SegmentSearchIndex.Open(_index.Directory));
    }

    [Theory]
    [InlineData("truncate")]
    [InlineData("garble")]
    [InlineData("empty")]
    public void A_damaged_segments_file_throws_SearchIndexDamagedException(string damage)
    {
        _index.Add(TestIndex.Segment(1, "휴전"));
        _index.Index.Commit(new Dictionary<string, string>());
        _index.Index.Dispose();
        string segments = System.IO.Directory.GetFiles(_index.Directory, "segments_*").Single();
        byte[] bytes = File.ReadAllBytes(segments);
        switch (damage)
        {
            case "truncate":
                File.WriteAllBytes(segments, bytes[..(bytes.Length / 2)]);
                break;
            case "garble":
                bytes[bytes.Length / 2] ^= 0x5A;
                File.WriteAllBytes(segments, bytes);
                break;
            default:
                File.WriteAllBytes(segments, []);
                break;
        }

        var error = Assert.Throws<SearchIndexDamagedException>(() => SegmentSearchIndex.Open(_index.Directory));
        Assert.Contains(_index.Directory, error.Message);
        // The lock was released: once the directory is cleared, the index opens again.
        foreach (string file in System.IO.Directory.GetFiles(_index.Directory))
        {
            File.Delete(file);
        }

        _index.Reopen();
        Assert.Equal(0, _index.Index.Count());
    }

    [Fact]
    public void A_missing_segment_file_throws_SearchIndexDamagedException()
    {
        _index.Add(TestIndex.Segment(1, "휴전"));
        _index.Index.Commit(new Dictionary<string, string>());
        _index.Index.Dispose();
        foreach (string file in System.IO.Directory.GetFiles(_index.Directory, "_*"))
        {
            File.Delete(file);
        }

        Assert.Throws<SearchIndexDamagedException>(() => SegmentSearchIndex.Open(_index.Directory));
        foreach (string file in System.IO.Directory.GetFiles(_index.Directory))
        {
            File.Delete(file);
        }

        _index.Reopen();
    }

    [Fact]
    public void An_index_of_another_analysis_format_throws_SearchIndexDamagedException()
    {
        _index.Index.Dispose();
        using (var directory = FSDirectory.Open(_index.Directory))
        using (var writer = new Lucene.Net.Index.IndexWriter(directory, new Lucene.Net.Index.IndexWriterConfig(
            Lucene.Net.Util.LuceneVersion.LUCENE_48, new Lucene.Net.Analysis.Core.KeywordAnalyzer()) { OpenMode = Lucene.Net.Index.OpenMode.CREATE }))
        {
            writer.SetCommitData(new Dictionary<string, string> { ["tm.search.format"] = "0" });
            writer.Commit();
        }

        var error = Assert.Throws<SearchIndexDamagedException>(() => SegmentSearchIndex.Open(_index.Directory));
        Assert.Contains("format 0", error.Message);
        System.IO.Directory.Delete(_index.Directory, recursive: true);
        _index.Reopen();
    }

    [Fact]
    public async Task Searches_run_while_another_thread_writes()
    {
        var writer = Task.Run(() =>
        {
            for (int batch = 0; batch < 20; batch++)
            {
                _index.Index.Upsert(Enumerable.Range(batch * 50 + 1, 50).Select(i => TestIndex.Segment(i, "휴전협정", "armistice")).ToArray());
                _index.Index.Refresh();
            }
        });
        int last = 0;
        while (!writer.IsCompleted)
        {
            ConcordanceHits hits = _index.Search("휴전", ConcordanceSides.Korean, maxHits: 10);
            Assert.True(hits.Total >= last && hits.Total % 50 == 0, $"total {hits.Total} after {last}");
            last = hits.Total;
        }

        await writer;
        Assert.Equal(1000, _index.Search("휴전", maxHits: 0).Total);
    }

    public void Dispose() => _index.Dispose();

    private long DirectoryBytes() => new DirectoryInfo(_index.Directory).GetFiles().Sum(f => f.Length);
}
