using System.Net;
using Grpc.Core;
using Grpc.Net.Client;
using TM.Protos.V1;
using TM.Server.Tests.Imports;

namespace TM.Server.Tests.Hosting.Telemetry;

/// <summary>The real server with <c>--metrics-port 0</c>, read the way Prometheus reads it.</summary>
public sealed class MetricsEndpointTests(MetricsServer server) : IClassFixture<MetricsServer>
{
    private const string CallDuration = "rpc_server_call_duration_seconds";
    private const string Lookup = "rpc_method=tm.v1.TranslationMemory/Lookup";

    // ServerMetrics' call buckets, as the exporter writes them.
    private static readonly string[] CallBuckets =
        ["0.0001", "0.00025", "0.0005", "0.001", "0.0025", "0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "5", "10", "30", "60", "300", "+Inf"];

    private TranslationMemory.TranslationMemoryClient Client => server.Client;

    [Fact]
    public async Task Calls_are_counted_by_method_and_final_status_with_a_latency_histogram()
    {
        await ImportPairsAsync("metrics-lookups", 2);
        var before = await server.ScrapeAsync();

        for (var i = 0; i < 3; i++)
            await Client.LookupAsync(new LookupRequest { Memory = "metrics-lookups", Text = TestFiles.Korean(i % 2) });
        var invalid = await Assert.ThrowsAsync<RpcException>(() =>
            Client.LookupAsync(new LookupRequest { Memory = "metrics-lookups", Text = TestFiles.Korean(0), MaxResults = -1 }).ResponseAsync);
        var after = await server.ScrapeAsync();

        Assert.Equal(StatusCode.InvalidArgument, invalid.StatusCode);
        double Delta(string name, params string[] labels) => after.Value(name, labels) - before.Value(name, labels);
        Assert.Equal(3, Delta($"{CallDuration}_count", Lookup, "rpc_response_status_code=OK"));
        Assert.Equal(1, Delta($"{CallDuration}_count", Lookup, "rpc_response_status_code=INVALID_ARGUMENT"));
        // Buckets are cumulative, end in +Inf with the count, and the sum is the calls' total time.
        var buckets = after.All($"{CallDuration}_bucket", Lookup, "rpc_response_status_code=OK");
        Assert.Equal(CallBuckets, buckets.Select(b => b.Labels["le"]));
        Assert.True(buckets.Zip(buckets.Skip(1)).All(pair => pair.First.Value <= pair.Second.Value), after.Text);
        Assert.Equal(after.Value($"{CallDuration}_count", Lookup, "rpc_response_status_code=OK"), buckets[^1].Value);
        Assert.InRange(Delta($"{CallDuration}_sum", Lookup, "rpc_response_status_code=OK"), 1e-6, 30);
        // The index search runs for the three good lookups only, and each finds the stored sentence.
        Assert.Equal(3, after.Value("tm_lookup_duration_seconds_count", "memory=metrics-lookups", "lang=ko"));
        Assert.Equal(3, after.Value("tm_lookup_matches_count", "memory=metrics-lookups", "lang=ko"));
        Assert.True(after.Value("tm_lookup_matches_sum", "memory=metrics-lookups", "lang=ko") >= 3, after.Text);
        Assert.Equal(0, after.Value("tm_lookup_matches_bucket", "memory=metrics-lookups", "lang=ko", "le=0"));
    }

    [Fact]
    public async Task Concordance_searches_are_counted_per_memory()
    {
        await ImportPairsAsync("metrics-concordance", 3);

        await Client.ConcordanceAsync(new ConcordanceRequest { Memory = "metrics-concordance", Term = "armistice" });
        await Client.ConcordanceAsync(new ConcordanceRequest { Memory = "metrics-concordance", Term = "휴전" });
        var scrape = await server.ScrapeAsync();

        Assert.Equal(2, scrape.Value("tm_concordance_duration_seconds_count", "memory=metrics-concordance"));
    }

    [Fact]
    public async Task Imports_are_counted_by_memory_and_kind_and_each_memory_size_is_a_gauge()
    {
        var file = await FileUploads.ImportFileAsync(Client, new ImportFileRequest { Memory = "metrics-tmx", FileName = "units.tmx" }, TestFiles.Tmx(250));
        await ImportPairsAsync("metrics-segments", 3);
        await ImportPairsAsync("metrics-segments", 3);
        var scrape = await server.ScrapeAsync();

        Assert.Null(file.Error);
        Assert.Equal(250, scrape.Value("tm_import_units_total", "memory=metrics-tmx", "kind=tmx"));
        Assert.Equal(250, scrape.Value("tm_import_pairs_total", "memory=metrics-tmx", "kind=tmx", "outcome=stored"));
        Assert.Equal(3, scrape.Value("tm_import_batches_total", "memory=metrics-tmx", "kind=tmx"));
        Assert.Equal(6, scrape.Value("tm_import_units_total", "memory=metrics-segments", "kind=segments"));
        Assert.Equal(3, scrape.Value("tm_import_pairs_total", "memory=metrics-segments", "kind=segments", "outcome=stored"));
        Assert.Equal(3, scrape.Value("tm_import_pairs_total", "memory=metrics-segments", "kind=segments", "outcome=duplicate"));
        Assert.Equal(2, scrape.Value("tm_import_batches_total", "memory=metrics-segments", "kind=segments"));
        Assert.Equal(250, scrape.Value("tm_memory_segments", "memory=metrics-tmx"));
        Assert.Equal(3, scrape.Value("tm_memory_segments", "memory=metrics-segments"));
        Assert.True(scrape.Value("tm_memory_segments", "memory=default") > 0, "the seeds are in the default memory");
        Assert.True(scrape.Value("tm_memory_loaded") >= 3);
        Assert.Equal(0, scrape.Value("tm_import_running"));
        Assert.Equal(1, scrape.Value("tm_server_ready"));
    }

    [Fact]
    public async Task The_runtime_and_the_process_are_measured_too()
    {
        var scrape = await server.ScrapeAsync();

        Assert.True(scrape.Value("dotnet_process_memory_working_set_bytes") > 0, scrape.Text);
        Assert.True(scrape.Value("dotnet_process_cpu_time_seconds_total", "cpu_mode=user") > 0, scrape.Text);
        Assert.NotEmpty(scrape.All("dotnet_gc_heap_total_allocated_bytes_total"));
    }

    [Fact]
    public async Task Metrics_are_not_served_on_the_grpc_or_the_http_port()
    {
        using var http2 = new HttpClient { DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };
        using var http = new HttpClient();

        using var onGrpcPort = await http2.GetAsync($"{server.Address}/metrics");
        using var onHttpPort = await http.GetAsync($"{server.HttpAddress}/metrics");

        Assert.Equal(HttpStatusCode.NotFound, onGrpcPort.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, onHttpPort.StatusCode);
    }

    [Fact]
    public async Task The_metrics_port_serves_no_grpc_or_json_route()
    {
        using var http = new HttpClient();
        using var grpcOverHttp1 = new HttpRequestMessage(HttpMethod.Post, $"{server.MetricsAddress}/tm.v1.TranslationMemory/GetStats")
        {
            Content = new ByteArrayContent(new byte[5]) { Headers = { { "Content-Type", "application/grpc" } } },
        };

        using var stats = await http.GetAsync($"{server.MetricsAddress}/v1/stats");
        using var health = await http.GetAsync($"{server.MetricsAddress}/healthz");
        using var grpc = await http.SendAsync(grpcOverHttp1);
        using var statsOnHttpPort = await http.GetAsync($"{server.HttpAddress}/v1/stats");
        using var channel = GrpcChannel.ForAddress(server.MetricsAddress);
        var overHttp2 = await Assert.ThrowsAsync<RpcException>(() =>
            new TranslationMemory.TranslationMemoryClient(channel).GetStatsAsync(new GetStatsRequest(), deadline: DateTime.UtcNow.AddSeconds(30)).ResponseAsync);

        Assert.Equal(HttpStatusCode.NotFound, stats.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, health.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, grpc.StatusCode);
        Assert.Equal(HttpStatusCode.OK, statsOnHttpPort.StatusCode);
        Assert.NotEqual(StatusCode.OK, overHttp2.StatusCode);
    }

    [Fact]
    public async Task Another_server_in_the_same_process_does_not_show_in_these_metrics()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("tm-server-").FullName;
        var other = await RunningServer.StartAsync(dataDirectory, "--no-seeds", "true");
        try
        {
            var before = await server.ScrapeAsync();

            await other.Client.LookupAsync(new LookupRequest { Text = TestFiles.Korean(1) });
            await other.Client.GetStatsAsync(new GetStatsRequest());
            var after = await server.ScrapeAsync();

            Assert.Equal(before.All($"{CallDuration}_count").Sum(s => s.Value), after.All($"{CallDuration}_count").Sum(s => s.Value));
        }
        finally
        {
            await other.DisposeAsync();
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    private async Task ImportPairsAsync(string memory, int count)
    {
        using var call = Client.ImportSegments();
        for (var i = 0; i < count; i++)
            await call.RequestStream.WriteAsync(new ImportSegmentsRequest { Memory = memory, Ko = TestFiles.Korean(i), En = TestFiles.English(i) });
        await call.RequestStream.CompleteAsync();
        await call;
    }
}
