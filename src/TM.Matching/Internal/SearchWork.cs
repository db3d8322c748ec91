namespace TM.Matching.Internal;

/// <summary>What one search did, for the benchmark's diagnostics: where its time goes without a profiler.</summary>
/// <param name="BitmapKeys">Query keys stored as bitmaps (streamed page by page).</param>
/// <param name="PostingsKeys">Query keys stored as postings lists (scattered into counters).</param>
/// <param name="PagesInRange">Pages of 256 slots whose length class can reach the threshold.</param>
/// <param name="BitmapLoads">32-byte bitmap loads the count made after pruning.</param>
/// <param name="Candidates">Segments whose overlap could reach the threshold, verified or ruled out by score.</param>
internal readonly record struct SearchWork(int BitmapKeys, int PostingsKeys, int PagesInRange, long BitmapLoads, int Candidates);
