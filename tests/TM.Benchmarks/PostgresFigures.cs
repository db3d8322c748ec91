namespace TM.Benchmarks;

/// <summary>Everything <c>perf --store postgres</c> measured on PostgreSQL.</summary>
/// <param name="Version">PostgreSQL's <c>server_version</c>.</param>
/// <param name="Throwaway">Whether the benchmark ran its own cluster (tests/postgres-cluster: fsync off, loopback) rather than a database it was given.</param>
/// <param name="ReplicaA">Replica A alone: the import through it, its restart, lookups with it as the only replica.</param>
/// <param name="NewReplica">Replica B started over an empty data directory after the import.</param>
/// <param name="TwoReplicas">Lookups with the callers split over A and B.</param>
/// <param name="Singles">Single pairs through A, found on B.</param>
/// <param name="BatchPairs">Pairs meant to go through A in batches (all of them unless B found nothing of a batch).</param>
/// <param name="Batches">Batches through A, found on B.</param>
internal sealed record PostgresFigures(
    string Version, bool Throwaway, StoreFigures ReplicaA, ReplicaStart NewReplica, IReadOnlyList<ThroughputRow> TwoReplicas, ReplicationDelays Singles,
    int BatchPairs, IReadOnlyList<BatchReplication> Batches);
