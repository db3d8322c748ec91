namespace TM.Benchmarks;

/// <summary>One closed-loop Lookup run of <c>perf --store postgres</c>, with what it cost the database.</summary>
/// <param name="Setup">What served it: "SQLite", "PostgreSQL, 1 replica", "PostgreSQL, 2 replicas".</param>
/// <param name="Run">The run; its server CPU is the sum over the replicas that served it.</param>
/// <param name="DatabaseCpu">CPU time PostgreSQL's processes used meanwhile; null for SQLite (inside the server) or a database not started here.</param>
internal sealed record ThroughputRow(string Setup, LookupRun Run, TimeSpan? DatabaseCpu);
