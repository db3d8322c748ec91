namespace TM.Benchmarks;

/// <summary>A server started over a memory that is already stored, timed until it could serve a translator.</summary>
/// <param name="ColdStart">From process start until a Lookup of a stored sentence came back with a match.</param>
/// <param name="Rss">VmRSS right after that answer.</param>
/// <param name="LoadLog">The server's "… indexed in … ms" log line and when it was seen; null when absent.</param>
/// <param name="ConcordanceWait">Then, until its search index had no change left to take (GetStats), before any lookup was timed.</param>
internal sealed record ReplicaStart(TimeSpan ColdStart, long Rss, (TimeSpan At, string Line)? LoadLog, TimeSpan ConcordanceWait);
