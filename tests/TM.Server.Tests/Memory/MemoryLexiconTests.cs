using TM.Server.Memory;
using TM.Storage;

namespace TM.Server.Tests.Memory;

public sealed class MemoryLexiconTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("tm-lexicon-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Learner_stops_growing_at_its_limit_however_many_pairs_are_committed()
    {
        using var store = SegmentStore.Open(Path.Combine(_directory, "tm.db"));
        var memory = store.GetOrCreateMemory("m");
        store.AddSegments("m", ImportKind.Segments, "first", [new SegmentInput("휴전 협정", "the armistice agreement")]);
        var lexicon = new MemoryLexicon(maxPairsLearned: 10);
        lexicon.Current(store, memory.Id);
        Assert.Equal(1, lexicon.PairsLearned);

        var batch = Enumerable.Range(0, 25)
            .Select(i => new StoredSegment(100 + i, $"포로 {i}명 송환", $"{i} prisoners repatriated", "", "", 1.0, false))
            .ToList();
        lexicon.Learn(batch);
        lexicon.Learn([new StoredSegment(200, "판문점 회담", "the Panmunjom talks", "", "", 1.0, false)]);

        Assert.Equal(10, lexicon.PairsLearned);
    }
}
