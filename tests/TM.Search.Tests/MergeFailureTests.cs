using System.Collections.Concurrent;
using System.Diagnostics;
using TM.Search;

namespace TM.Search.Tests;

/// <summary>What a background merge that fails (a full disk) does to the index, and who hears of it.</summary>
public sealed class MergeFailureTests : IDisposable
{
    // LogByteSizeMergePolicy merges ten segments of one size into one: twelve flushes make a merge due.
    private const int Flushes = 12;
    private const int PairsPerFlush = 10;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly string _path = Path.Combine(Path.GetTempPath(), "tm-search-tests", Guid.NewGuid().ToString("N"));
    private readonly ConcurrentQueue<Exception> _failures = new();
    private readonly FaultyDirectory _directory;
    private readonly SegmentSearchIndex _index;

    public MergeFailureTests()
    {
        System.IO.Directory.CreateDirectory(_path);
        _directory = new FaultyDirectory(_path);
        _index = SegmentSearchIndex.Open(_directory, _path, _failures.Enqueue);
    }

    [Fact]
    public void A_merge_that_fails_is_reported_and_every_pair_stays_searchable_and_the_merge_succeeds_once_there_is_room()
    {
        _directory.FailMerges = true;
        var id = 0L;
        for (var flush = 0; flush < Flushes; flush++)
        {
            AddFlushedSegment(ref id);
        }

        // With Lucene's own scheduler nobody hears of it: the merge thread keeps the exception to itself.
        Assert.True(SpinWait.SpinUntil(() => !_failures.IsEmpty, Patience), "no merge was attempted");
        var failure = Assert.IsAssignableFrom<IOException>(_failures.First());
        Assert.Contains("No space left on device", failure.Message);
        Assert.Equal(id, _index.Count());
        Assert.Equal(id, _index.Search(new ConcordanceQuery(1, "휴전", ConcordanceSides.Korean)).Total);
        Assert.True(SegmentFiles() >= Flushes);

        // Room again: the merge is tried after the next flush, and the writes and searches go on.
        _directory.FailMerges = false;
        AddFlushedSegment(ref id);
        var merged = Stopwatch.StartNew();
        while (SegmentFiles() >= Flushes && merged.Elapsed < Patience)
        {
            Thread.Sleep(50);
            _index.Refresh();
            _index.Commit(new Dictionary<string, string>());
        }

        Assert.True(SegmentFiles() < Flushes, $"{SegmentFiles()} segments after the merges could write again");
        Assert.Equal(id, _index.Count());
        Assert.Equal(id, _index.Search(new ConcordanceQuery(1, "armistice", ConcordanceSides.English)).Total);
    }

    public void Dispose()
    {
        _index.Dispose();
        try
        {
            System.IO.Directory.Delete(_path, recursive: true);
        }
        catch (IOException)
        {
            // A temporary directory left behind is not a test failure.
        }
    }

    private void AddFlushedSegment(ref long id)
    {
        var segments = new IndexedSegment[PairsPerFlush];
        for (var i = 0; i < segments.Length; i++)
        {
            segments[i] = TestIndex.Segment(++id, $"휴전협정 제{id}조", $"armistice article {id}");
        }

        _index.Upsert(segments);
        _index.Refresh();
    }

    // Segments in the directory: one .si file each, deleted with the segment once no reader or commit holds it.
    private int SegmentFiles() => System.IO.Directory.GetFiles(_path, "*.si").Length;
}
