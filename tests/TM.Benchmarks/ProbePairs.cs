namespace TM.Benchmarks;

/// <summary>
/// New pairs for the replication phase of <c>perf --store postgres</c>: sentences of the synthetic generator under
/// another seed, each side tagged with the run and its number, so that no pair is already in the memory (nor in a
/// database an earlier run left behind) and a Lookup on replica B can only find it once the pair got there.
/// </summary>
internal static class ProbePairs
{
    /// <summary><paramref name="count"/> pairs unique to this run.</summary>
    public static IReadOnlyList<CatalogPair> Make(int count, int seed, string run)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(run);
        var corpus = SyntheticCorpus.Generate(count, revisionShare: 0, seed);
        return [.. Enumerable.Range(0, count).Select(i => new CatalogPair($"{corpus.English[i]} [{run}-{i}]", $"{corpus.Korean[i]} [{run}-{i}]", "replication"))];
    }
}
