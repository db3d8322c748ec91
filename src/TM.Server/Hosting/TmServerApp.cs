using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TM.Server.Memory;
using TM.Server.Services;
using TM.Storage;

namespace TM.Server.Hosting;

/// <summary>Builds the server: Kestrel on HTTP/2, the gRPC services, the store and its indexes, the seeds.</summary>
public static class TmServerApp
{
    /// <summary>
    /// Creates a server ready to start: the database is open, every memory is indexed and an empty
    /// default memory has been filled from the seeds.
    /// </summary>
    /// <param name="args">Command-line arguments (<c>--port</c>, <c>--data-dir</c>, <c>--host</c>, <c>--seeds-dir</c>, <c>--no-seeds true</c>, <c>--tls-certificate</c>).</param>
    public static async Task<WebApplication> CreateAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        var options = ServerOptions.From(builder.Configuration, Environment.GetEnvironmentVariable);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        // This category only logs each request's start and end (Information); leaving it enabled at any level makes
        // the host create an Activity per request, ~850 bytes per Lookup for nothing.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            Listen(kestrel, options);
        });

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(_ => SegmentStore.Open(options.DatabasePath));
        builder.Services.AddSingleton<TranslationMemoryCatalog>();
        builder.Services.AddHostedService<ConcordanceIndexer>();
        builder.Services.AddHostedService<IndexSnapshotService>();
        builder.Services.AddGrpc(grpc =>
        {
            grpc.MaxReceiveMessageSize = RequestLimits.MaxReceiveMessageSize;
            grpc.ResponseCompressionAlgorithm = null;
        });

        var app = builder.Build();
        app.MapGrpcService<TranslationMemoryService>();
        app.MapGrpcService<HealthService>();

        var catalog = app.Services.GetRequiredService<TranslationMemoryCatalog>();
        catalog.Load();
        await SeedImporter.ImportIfEmptyAsync(catalog, options, app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("TM.Server.Seeds"));

        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("TM.Server");
            foreach (var address in ListeningAddresses(app))
                ServerLog.Listening(logger, address, Path.GetDirectoryName(options.DatabasePath)!);
        });
        return app;
    }

    /// <summary>The addresses the started server listens on, with the real port when 0 was asked for.</summary>
    public static IReadOnlyList<string> ListeningAddresses(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];

    private static void Listen(KestrelServerOptions kestrel, ServerOptions options)
    {
        var address = options.Host switch
        {
            "localhost" => IPAddress.Loopback,
            "*" or "+" => IPAddress.IPv6Any,
            _ => IPAddress.TryParse(options.Host, out var parsed)
                ? parsed
                : throw new ArgumentException($"The host '{options.Host}' is not an IP address (--host or TM_HOST); use 127.0.0.1, ::1, 0.0.0.0 or *."),
        };
        kestrel.Listen(address, options.Port, listen =>
        {
            if (options.TlsCertificatePath is null)
            {
                // Cleartext HTTP/2 has no ALPN to negotiate with, so clients must speak HTTP/2 from the first byte.
                listen.Protocols = HttpProtocols.Http2;
                return;
            }
            listen.Protocols = HttpProtocols.Http1AndHttp2;
            listen.UseHttps(X509CertificateLoader.LoadPkcs12FromFile(options.TlsCertificatePath, options.TlsCertificatePassword));
        });
    }
}
