using BenchmarkDotNet.Attributes;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TM.Server.Hosting;
using TM.Server.Hosting.Telemetry;
using TM.Storage;

namespace TM.Benchmarks;

/// <summary>
/// What the per-call telemetry costs: <see cref="CallTelemetryInterceptor"/> taken from two real servers (TmServerApp,
/// one without and one with <c>--metrics-port</c>, so the second has the OpenTelemetry SDK and its Prometheus exporter
/// attached exactly as in production), called directly around a handler that answers at once; the instruments'
/// record calls alone; and the async frame grpc-dotnet wraps every interceptor in, rebuilt here because its pipeline
/// builder is internal.
/// </summary>
/// <remarks>Public and unsealed because BenchmarkDotNet generates a runner around it.</remarks>
[MemoryDiagnoser]
public class CallTelemetryBenchmarks
{
    private const string Method = "/tm.v1.TranslationMemory/Lookup";

    private static readonly Task<string> Answer = Task.FromResult("answer");
    private static readonly UnaryServerMethod<string, string> Handler = static (_, _) => Answer;

    private readonly List<(WebApplication App, string DataDirectory)> _servers = [];
    private CallTelemetryInterceptor _withoutListener = null!;
    private CallTelemetryInterceptor _withSdk = null!;
    private ServerMetrics _metrics = null!;
    private UnaryServerMethod<string, string> _layerWithSdk = null!;
    private UnaryServerMethod<string, string> _emptyLayer = null!;
    private ServerCallContext _context = null!;
    private ServiceProvider _requestServices = null!;
    private ILogger _serverLogger = null!;
    private ILoggerFactory _consoleOnly = null!;
    private ILogger _consoleOnlyLogger = null!;

    [GlobalSetup]
    public void Setup()
    {
        var plain = Start();
        var withMetrics = Start("--metrics-port", "0");
        _withoutListener = plain.GetRequiredService<CallTelemetryInterceptor>();
        _withSdk = withMetrics.GetRequiredService<CallTelemetryInterceptor>();
        _metrics = withMetrics.GetRequiredService<ServerMetrics>();
        // The frames resolve their interceptor from the request's services, where grpc-dotnet finds ours as singletons.
        _requestServices = new ServiceCollection().AddSingleton(_withSdk).AddSingleton(new PassThroughInterceptor()).BuildServiceProvider();
        _context = new BenchmarkCallContext(Method, new DefaultHttpContext { RequestServices = _requestServices });
        _layerWithSdk = GrpcLayer(typeof(CallTelemetryInterceptor), Handler);
        _emptyLayer = GrpcLayer(typeof(PassThroughInterceptor), Handler);
        CheckTheSdkCounts(withMetrics).GetAwaiter().GetResult();
        _serverLogger = withMetrics.GetRequiredService<ILoggerFactory>().CreateLogger("TM.Server.Hosting.Telemetry.CallTelemetryInterceptor");
        _consoleOnly = LoggerFactory.Create(logging => logging.AddConsole());
        _consoleOnlyLogger = _consoleOnly.CreateLogger("TM.Server.Hosting.Telemetry.CallTelemetryInterceptor");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _requestServices.Dispose();
        _consoleOnly.Dispose();
        foreach (var (app, dataDirectory) in _servers)
        {
            app.StopAsync().GetAwaiter().GetResult();
            app.DisposeAsync().AsTask().GetAwaiter().GetResult();
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    [Benchmark(Baseline = true, Description = "handler alone")]
    public Task<string> HandlerAlone() => Handler("q", _context);

    [Benchmark(Description = "interceptor, no listener (no --metrics-port)")]
    public Task<string> InterceptorWithoutListener() => _withoutListener.UnaryServerHandler("q", _context, Handler);

    [Benchmark(Description = "interceptor, OpenTelemetry SDK listening")]
    public Task<string> InterceptorWithSdk() => _withSdk.UnaryServerHandler("q", _context, Handler);

    [Benchmark(Description = "call duration record alone, SDK listening")]
    public void RecordCall() => _metrics.CallEnded("tm.v1.TranslationMemory/Lookup", StatusCode.OK, TimeSpan.FromMicroseconds(150));

    [Benchmark(Description = "lookup records alone (search duration, matches), SDK listening")]
    public void RecordLookup() => _metrics.IndexSearched("default", SegmentSide.Korean, TimeSpan.FromMicroseconds(150), 5);

    [Benchmark(Description = "a log scope opened and closed, the server's logger providers (console, debug, event source)")]
    public void LogScope()
    {
        using var scope = _serverLogger.BeginScope(new ScopeState("tm.v1.TranslationMemory/Lookup", "anonymous"));
    }

    [Benchmark(Description = "a log scope opened and closed, the console provider alone")]
    public void LogScopeConsoleOnly()
    {
        using var scope = _consoleOnlyLogger.BeginScope(new ScopeState("tm.v1.TranslationMemory/Lookup", "anonymous"));
    }

    [Benchmark(Description = "grpc-dotnet's frame around an interceptor that does nothing")]
    public Task<string> EmptyLayer() => _emptyLayer("q", _context);

    [Benchmark(Description = "grpc-dotnet's frame around the telemetry interceptor, SDK listening")]
    public Task<string> LayerWithSdk() => _layerWithSdk("q", _context);

    // Shared/Server/InterceptorPipelineBuilder.cs in grpc-dotnet: per call, resolve the interceptor from the request's
    // services, await it, release it (a no-op for one the container owns).
    private static UnaryServerMethod<string, string> GrpcLayer(Type interceptorType, UnaryServerMethod<string, string> next) =>
        async (request, context) =>
        {
            var interceptor = (Interceptor)context.GetHttpContext().RequestServices.GetRequiredService(interceptorType);
            return await interceptor.UnaryServerHandler(request, context, next);
        };

    // The size of CallLogScope (internal to the server): two references.
    private sealed record ScopeState(string Method, string Caller);

    private sealed class PassThroughInterceptor : Interceptor
    {
        public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
            TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation) => continuation(request, context);
    }

    private IServiceProvider Start(params string[] arguments)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("tm-bench-telemetry-").FullName;
        var app = TmServerApp.CreateAsync(["--port", "0", "--data-dir", dataDirectory, "--no-seeds", "true", .. arguments]).GetAwaiter().GetResult();
        app.StartAsync().GetAwaiter().GetResult();
        TmServerApp.WhenReadyAsync(app).GetAwaiter().GetResult();
        _servers.Add((app, dataDirectory));
        return app.Services;
    }

    // The benchmark means something only if the SDK really aggregates what the interceptor records.
    private async Task CheckTheSdkCounts(IServiceProvider services)
    {
        for (var i = 0; i < 10; i++)
            await _withSdk.UnaryServerHandler("q", _context, Handler);
        using var http = new HttpClient();
        var page = await http.GetStringAsync($"{MetricsEndpoint.Address(services)}/metrics");
        if (!page.Contains("rpc_method=\"tm.v1.TranslationMemory/Lookup\",rpc_response_status_code=\"OK\"} 10", StringComparison.Ordinal))
            throw new InvalidOperationException($"The SDK did not count the benchmark's calls:\n{page}");
    }
}
