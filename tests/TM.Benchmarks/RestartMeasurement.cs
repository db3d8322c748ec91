namespace TM.Benchmarks;

/// <summary>Stopping the server that imported the memory and starting it again over the same data directory.</summary>
/// <param name="StopTime">From SIGTERM until the process had exited.</param>
/// <param name="ExitCode">The stopped server's exit code.</param>
/// <param name="Killed">Whether it ignored SIGTERM for a minute and had to be killed.</param>
/// <param name="DatabaseBytes">tm.db with its WAL and shared-memory files, after the stop.</param>
/// <param name="SnapshotBytes">The index snapshots the stop saved beside the database (tm.db-index/).</param>
/// <param name="SnapshotSaveLog">The importing server's "Index snapshot … saved" log line; null when absent.</param>
/// <param name="ColdStart">From process start until the first Lookup was answered, loading the index from its snapshot.</param>
/// <param name="LoadLog">The server's "loaded … indexed in … ms" log line and when it was seen; null when absent.</param>
/// <param name="ListeningAt">When the server's "listening" log line was seen; null when absent.</param>
/// <param name="RssAfterLoad">VmRSS right after the first answer.</param>
/// <param name="RebuildColdStart">The same cold start with snapshots turned off: the index analyzed from the database.</param>
/// <param name="RebuildLoadLog">That start's "indexed in" log line.</param>
internal sealed record RestartMeasurement(
    TimeSpan StopTime, int ExitCode, bool Killed, long DatabaseBytes, long SnapshotBytes, string? SnapshotSaveLog, TimeSpan ColdStart, (TimeSpan At, string Line)? LoadLog, TimeSpan? ListeningAt,
    long RssAfterLoad, TimeSpan RebuildColdStart, (TimeSpan At, string Line)? RebuildLoadLog);
