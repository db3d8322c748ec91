namespace TM.Benchmarks;

/// <summary>The options <c>perf</c> takes with either store: the memory's size and seed, the length of each lookup run, the servers' start timeout, whether to keep the data.</summary>
/// <param name="Segments">Pairs in the synthetic memory (<c>--segments</c>, default 1,000,000).</param>
/// <param name="Seed">The generator's seed (<c>--seed</c>).</param>
/// <param name="Seconds">Length of each throughput run (<c>--seconds</c>, default 10).</param>
/// <param name="StartTimeout">How long a server may take to answer after its start (<c>--start-timeout</c> in seconds, default 600).</param>
/// <param name="KeepData">Whether the servers' data directories are kept at the end (<c>--keep-data 1</c>).</param>
internal sealed record PerfOptions(int Segments, int Seed, int Seconds, TimeSpan StartTimeout, bool KeepData)
{
    public static PerfOptions Read(CommandArguments arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        return new PerfOptions(
            arguments.GetInt("segments", 1_000_000, min: 100, max: 5_000_000),
            arguments.GetInt("seed", 20240601, min: 0),
            arguments.GetInt("seconds", 10, min: 1, max: 600),
            TimeSpan.FromSeconds(arguments.GetInt("start-timeout", 600, min: 10)),
            arguments.GetInt("keep-data", 0, min: 0, max: 1) == 1);
    }
}
