namespace TM.Benchmarks;

/// <summary>What <c>perf --store postgres</c> measured of one store with one server: the import, the restart over it, lookups.</summary>
/// <param name="Import">ImportTmx of the synthetic file into the empty server.</param>
/// <param name="DatabaseCpu">CPU time PostgreSQL's processes used during the import; null for SQLite or a database not started here.</param>
/// <param name="DatabaseBytes">The database on disk after the import: <c>pg_database_size</c>, or SQLite's tm.db with its WAL and shared-memory files.</param>
/// <param name="Restart">The importing server stopped (saving its index snapshot) and started again over its data directory.</param>
/// <param name="Runs">Lookups at 1 to 64 callers against this one server.</param>
internal sealed record StoreFigures(ImportMeasurement Import, TimeSpan? DatabaseCpu, long DatabaseBytes, ReplicaStart Restart, IReadOnlyList<ThroughputRow> Runs);
