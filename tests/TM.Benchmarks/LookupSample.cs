namespace TM.Benchmarks;

/// <summary>One answered Lookup: which query, how long the client waited (in <see cref="System.Diagnostics.Stopwatch"/> ticks), how many matches came back.</summary>
internal readonly record struct LookupSample(int Query, long Ticks, int Matches);
