using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics;
using Microsoft.Extensions.Logging.Console;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace TM.Server.Hosting.Telemetry;

/// <summary>
/// Wires the server's telemetry: its instruments and call interceptor always, the OpenTelemetry SDK with the
/// Prometheus exporter and the runtime's metrics only with <c>--metrics-port</c>, and log scopes on the console.
/// </summary>
public static class ServerTelemetry
{
    /// <summary>Registers the telemetry services; <see cref="CallTelemetryInterceptor"/> still has to be added to gRPC, first.</summary>
    public static void AddServerTelemetry(this WebApplicationBuilder builder, ServerOptions options)
    {
        builder.Services.AddSingleton<ServerMetrics>();
        builder.Services.AddSingleton<CallTelemetryInterceptor>();
        // Each line logged during a call then shows the call's method and caller (CallLogScope). Without a formatter
        // name the console logger would replace the simple formatter's options with its own obsolete ones (no scopes).
        builder.Services.Configure<ConsoleLoggerOptions>(console => console.FormatterName ??= ConsoleFormatterNames.Simple);
        builder.Services.Configure<SimpleConsoleFormatterOptions>(console => console.IncludeScopes = true);
        builder.Services.Configure<JsonConsoleFormatterOptions>(console => console.IncludeScopes = true);
        if (options.MetricsPort is null)
            return;

        builder.Services.AddSingleton<MetricsEndpoint>();
        builder.Services.AddSingleton<CatalogGauges>();
        // This server's meter only, not one of the same name in another server of the process (the tests run several):
        // the SDK's own AddMeter subscribes by name to every meter in the process, the host's rules can say Local.
        builder.Metrics.EnableMetrics(ServerMetrics.MeterName, instrumentName: null, listenerName: null, MeterScope.Local);
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("tm-server"))
            .WithMetrics(metrics => metrics
                // GC, JIT, thread pool, exceptions, and the process's CPU time and working set (.NET's System.Runtime meter).
                .AddRuntimeInstrumentation()
                // Collected on every scrape: the exporter's default 300 ms cache spares bursts of scrapes, which Prometheus'
                // 15-60 s intervals never make, and hands a stale page to a scrape made right after a call (as tests do).
                .AddPrometheusExporter(prometheus => prometheus.ScrapeResponseCacheDurationMilliseconds = 0));
    }

    /// <summary>
    /// With a metrics port, answers every request that arrives on it here (the metrics page, or 404), before routing
    /// reaches the gRPC and HTTP/JSON endpoints; call it first. Without one, does nothing.
    /// </summary>
    public static void UseMetricsEndpoint(this WebApplication app)
    {
        if (app.Services.GetService<MetricsEndpoint>() is not { } endpoint)
            return;
        app.Services.GetRequiredService<CatalogGauges>();
        app.MapWhen(endpoint.Serves, metricsPort =>
        {
            metricsPort.UseOpenTelemetryPrometheusScrapingEndpoint(MetricsEndpoint.Path);
            metricsPort.Run(context =>
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            });
        });
    }
}
