using System.Diagnostics.Metrics;
using TM.Server.Memory;

namespace TM.Server.Hosting.Telemetry;

/// <summary>
/// The gauges read off the catalog when metrics are collected (once per scrape, not per call): segments in each
/// memory's index, memories loaded, file imports running, and whether the server is ready.
/// </summary>
internal sealed class CatalogGauges
{
    public CatalogGauges(ServerMetrics metrics, TranslationMemoryCatalog catalog, ServerReadiness readiness)
    {
        var meter = metrics.Meter;
        meter.CreateObservableGauge("tm.memory.segments", () => Segments(catalog), "{segment}",
            "Segments in each memory's in-memory index, by memory.");
        meter.CreateObservableGauge("tm.memory.loaded", () => catalog.Indexes.Count(), "{memory}",
            "Memories whose index is loaded.");
        meter.CreateObservableGauge("tm.import.running", () => catalog.RunningImports, "{import}",
            "File imports (ImportFile, ImportTmx) running now.");
        meter.CreateObservableGauge("tm.server.ready", () => readiness.IsReady ? 1 : 0, "",
            "1 once every memory is loaded and the seeds are in, 0 while the server starts.");
    }

    private static IEnumerable<Measurement<long>> Segments(TranslationMemoryCatalog catalog)
    {
        foreach (var memory in catalog.Indexes)
            yield return new Measurement<long>(memory.Korean.Count, new KeyValuePair<string, object?>("memory", memory.Info.Name));
    }
}
