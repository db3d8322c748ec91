using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;
using TM.Server.Concordance;
using TM.Server.Hosting;
using TM.Server.Hosting.Health;
using TM.Server.Memory;
using TM.Storage;

namespace TM.Server.Tests.Hosting;

public sealed class IndexHealthCheckTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("tm-health-").FullName;

    [Fact]
    public async Task Indexes_are_unhealthy_while_the_memories_load_and_healthy_once_ready()
    {
        var options = new ServerOptions { DataDirectory = _directory, IndexSnapshots = false };
        using var store = SegmentStore.Open(options.DatabasePath);
        using var search = new SearchIndexFollower(store, options, NullLogger<SearchIndexFollower>.Instance);
        var catalog = new TranslationMemoryCatalog(store, options, search, NullLogger<TranslationMemoryCatalog>.Instance);
        var readiness = new ServerReadiness();
        var check = new IndexHealthCheck(catalog, readiness);

        readiness.Report("loading memory 'default' (1 of 1)");
        var loading = await check.CheckHealthAsync(new HealthCheckContext());
        catalog.Load();
        readiness.SetReady();
        var ready = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, loading.Status);
        Assert.Contains("loading memory 'default'", loading.Description);
        Assert.Equal(HealthStatus.Healthy, ready.Status);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
