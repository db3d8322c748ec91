using TM.Protos.V1;

namespace TM.Benchmarks;

/// <summary>The LibreOffice catalogs imported into their own memory on the running server, and lookups of edited catalog sentences.</summary>
/// <param name="Corpus">The catalogs and their pairs.</param>
/// <param name="Response">ImportSegments' answer.</param>
/// <param name="ImportElapsed">From the first message sent to the answer (one transaction for the whole stream).</param>
/// <param name="Queries">Edited catalog sentences, both languages.</param>
/// <param name="OriginalRanks">Per query: the rank (1-based) at which the sentence it was edited from came back in a single Lookup; 0 when it did not.</param>
/// <param name="Run">The timed lookups: each query once, one caller, after a warm-up pass.</param>
internal sealed record CatalogMeasurement(
    LibreOfficeCorpus Corpus, ImportSegmentsResponse Response, TimeSpan ImportElapsed, IReadOnlyList<BenchmarkQuery> Queries, IReadOnlyList<int> OriginalRanks, LookupRun Run)
{
    public double PairsPerSecond => Response.MessagesReceived / ImportElapsed.TotalSeconds;
}
