using System.IO.Compression;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using TM.Protos.V1;
using TM.Server.Concordance;
using TM.Server.Hosting.CommandLine;
using TM.Server.Hosting.Health;
using TM.Server.Hosting.Telemetry;
using TM.Server.Memory;
using TM.Server.Security;
using TM.Server.Services;
using TM.Server.Terminology;
using TM.Server.Web;
using TM.Storage;

namespace TM.Server.Hosting;

/// <summary>
/// Builds the server: Kestrel, grpc-dotnet with its error boundary and readiness gate, the TranslationMemory service
/// (also as HTTP/JSON), the standard health and reflection services, the store and its indexes.
/// </summary>
public static class TmServerApp
{
    /// <summary>
    /// Creates a server ready to start from its command line (and environment variables), as <c>TM.Server</c> does:
    /// <see cref="ServerCommandLine.Parse"/>, then <see cref="CreateAsync(ServerOptions)"/>.
    /// </summary>
    /// <param name="args">Command-line arguments, e.g. <c>["--port", "0", "--data-dir", dir, "--no-seeds"]</c>; see README.</param>
    /// <exception cref="ArgumentException">An unknown option, an option with a value the server cannot use, or <c>--help</c>; the message names it.</exception>
    public static Task<WebApplication> CreateAsync(string[] args) =>
        CreateAsync(ServerCommandLine.Parse(args, Environment.GetEnvironmentVariable, TextWriter.Null)
            ?? throw new ArgumentException("--help and --version print and exit (TM.Server does that); they create no server."));

    /// <summary>
    /// Creates a server ready to start: the database is open and migrated. Once started, it listens at once and loads
    /// every memory's index (and seeds an empty default memory) in the background; <see cref="WhenReadyAsync"/> says when.
    /// </summary>
    /// <param name="options">The server's settings.</param>
    /// <exception cref="ArgumentException">A setting the server cannot use (a host that is no address, a TLS certificate that does not load); the message names it.</exception>
    /// <exception cref="DataDirectoryInUseException">Another server holds the data directory; the message names it.</exception>
    public static Task<WebApplication> CreateAsync(ServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var address = ParseHost(options.Host);
        if (!options.IsLoopback && options.TlsCertificatePath is null && !options.AllowInsecure)
        {
            throw new ArgumentException(
                $"Serving {options.Host} in cleartext would send API keys and translations over the network unencrypted. Give --tls-certificate, " +
                "bind 127.0.0.1, or, behind a proxy that terminates TLS, --allow-insecure.");
        }
        if (options.Store is not null && options.RestoreFrom is not null)
            throw new ArgumentException("--restore puts a SQLite backup in place of tm.db; with --store, restore the PostgreSQL database with pg_restore instead.");
        var certificate = TlsCertificateLoader.Load(options);
        // Before the database is touched, and held until the app is disposed (after the store: see Build).
        var directoryLock = DataDirectoryLock.Acquire(Path.GetDirectoryName(options.DatabasePath)!);
        try
        {
            return Task.FromResult(Build(options, address, certificate, directoryLock));
        }
        catch
        {
            directoryLock.Dispose();
            throw;
        }
    }

    private static WebApplication Build(ServerOptions options, IPAddress address, X509Certificate2? certificate, DataDirectoryLock directoryLock)
    {
        // Without the command line: the options are parsed above, strictly, and the host must not read them again
        // (its configuration took any --name value in silence). Logging still reads Logging__* environment variables.
        var builder = WebApplication.CreateBuilder();
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        // grpc-dotnet logs every non-OK status at Information: a client's typo is not news for the operator.
        builder.Logging.AddFilter("Grpc", LogLevel.Warning);
        // Data protection encrypts the web UI's sign-in cookies and antiforgery tokens with keys kept in the data
        // directory (WebUi.AddWebUi). It warns that they lie there unencrypted at rest: so does the database beside them,
        // and whoever can read the directory has the memories already; errors (a key ring it cannot read) still show.
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
        // This category only logs each request's start and end (Information); leaving it enabled at any level makes
        // the host create an Activity per request, ~850 bytes per Lookup for nothing.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxConcurrentConnections = RequestLimits.MaxConnections;
            Listen(kestrel, address, options, certificate);
        });

        builder.Services.AddSingleton(options);
        // Resolved first (below), so the container, which disposes singletons in the reverse order of their creation,
        // releases the lock after the store has closed the database.
        builder.Services.AddSingleton(_ => directoryLock);
        builder.Services.AddSingleton(_ => StoreOpener.Open(options));
        builder.Services.AddSingleton<SearchIndexFollower>();
        builder.Services.AddSingleton<TranslationMemoryCatalog>();
        builder.Services.AddSingleton<TermbaseCatalog>();
        builder.Services.AddSingleton<ConcordanceSearcher>();
        builder.Services.AddSingleton<ServerReadiness>();
        builder.Services.AddSingleton<ApiKeyRegistry>();
        builder.Services.AddSingleton<ImportAdmission>();
        builder.Services
            .AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorization(AccessPolicies.Add);
        // Registered first: hosted services start in this order, and the others wait for the memories it loads.
        builder.Services.AddHostedService<MemoryLoader>();
        // The same instance the catalog notifies; stopped (and its index committed) before the store is disposed.
        builder.Services.AddHostedService(services => services.GetRequiredService<SearchIndexFollower>());
        builder.Services.AddHostedService<IndexSnapshotService>();

        // Singletons, so grpc-dotnet does not create them per call.
        builder.Services.AddSingleton<ErrorBoundaryInterceptor>();
        builder.Services.AddSingleton<ReadinessInterceptor>();
        builder.AddServerTelemetry(options);
        builder.AddWebUi(options);
        builder.Services
            .AddGrpc(grpc =>
            {
                grpc.MaxReceiveMessageSize = RequestLimits.MaxReceiveMessageSize;
                grpc.EnableDetailedErrors = false;
                // Only for clients that accept gzip (grpc-accept-encoding), and not for the small answers of lookups,
                // counts and acknowledgments (TranslationMemoryService.Uncompressed). Fastest: the large answers are
                // XML and sentences, which even the fastest level shrinks several times.
                grpc.ResponseCompressionAlgorithm = "gzip";
                grpc.ResponseCompressionLevel = CompressionLevel.Fastest;
                // In this order: telemetry sees the status the error boundary answers, which sees what the readiness gate throws.
                grpc.Interceptors.Add<CallTelemetryInterceptor>();
                grpc.Interceptors.Add<ErrorBoundaryInterceptor>();
                grpc.Interceptors.Add<ReadinessInterceptor>();
            })
            .AddJsonTranscoding();
        if (options.ServesReflection)
            builder.Services.AddGrpcReflection();
        builder.Services
            .AddGrpcHealthChecks(health =>
            {
                health.Services.Clear();
                health.Services.Map("", _ => true);
                health.Services.Map(TranslationMemory.Descriptor.FullName, check => check.Name is HealthCheckNames.Store or HealthCheckNames.Index);
                foreach (var name in (string[])[HealthCheckNames.Store, HealthCheckNames.Index, HealthCheckNames.Search, HealthCheckNames.DataDirectory])
                    health.Services.Map(name, check => check.Name == name);
            })
            .AddCheck<StoreHealthCheck>(HealthCheckNames.Store)
            .AddCheck<IndexHealthCheck>(HealthCheckNames.Index)
            .AddCheck<SearchIndexHealthCheck>(HealthCheckNames.Search)
            .AddCheck<DataDirectoryHealthCheck>(HealthCheckNames.DataDirectory);
        // Watch is fed by the periodic publisher: soon after start, then every 5 s (the default waits 5 s, then 30 s).
        builder.Services.Configure<HealthCheckPublisherOptions>(publisher =>
        {
            publisher.Delay = TimeSpan.FromSeconds(1);
            publisher.Period = TimeSpan.FromSeconds(5);
        });

        var app = builder.Build();
        try
        {
            app.Services.GetRequiredService<DataDirectoryLock>();
            if (options.RestoreFrom is { } backup)
                Restore(app, backup, options.DatabasePath);
            // Opens and migrates the database now: one that cannot be opened stops the start here, before the server listens.
            app.Services.GetRequiredService<TranslationMemoryCatalog>();
            if (app.Services.GetRequiredService<ApiKeyRegistry>().Bootstrap(options.AdminSecret, options.IsLoopback) is { } secret)
                AnnounceAdminKey(secret);
        }
        catch
        {
            ((IDisposable)app).Dispose();
            throw;
        }
        app.UseMetricsEndpoint();
        app.UseMiddleware<UnreadableRequestMiddleware>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGrpcService<TranslationMemoryService>();
        app.MapGrpcService<AdministrationService>();
        app.MapGrpcHealthChecksService();
        if (options.ServesReflection)
            app.MapGrpcReflectionService();
        app.MapHealthChecks("/healthz", new() { ResponseWriter = HealthReportJson.WriteAsync });
        app.MapWebUi();

        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("TM.Server");
            // Before the log says so: whoever waits for that line finds the addresses in the lock's owner file.
            directoryLock.Describe(ListeningAddresses(app));
            foreach (var listening in ListeningAddresses(app))
                ServerLog.Listening(logger, listening, Path.GetDirectoryName(options.DatabasePath)!);
            if (!options.IsLoopback && options.TlsCertificatePath is null)
                ServerLog.CleartextOnNetwork(logger, options.Host);
        });
        return app;
    }

    private static void Restore(WebApplication app, string backup, string databasePath)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("TM.Server");
        ServerLog.RestoreChecking(logger, Path.GetFullPath(backup));
        var previous = DatabaseRestore.Run(backup, databasePath, DateTimeOffset.UtcNow);
        if (previous is null)
            ServerLog.DatabaseRestoredIntoEmpty(logger, Path.GetFullPath(backup));
        else
            ServerLog.DatabaseRestored(logger, Path.GetFullPath(backup), previous);
    }

    // Once, on the console and not in the log (logs travel further than a terminal): the only copy of the secret.
    private static void AnnounceAdminKey(string secret)
    {
        Console.Error.WriteLine();
        Console.Error.WriteLine("tm server: this server had no API keys, so it made an admin key named 'admin'. It is shown this once:");
        Console.Error.WriteLine();
        Console.Error.WriteLine($"    {secret}");
        Console.Error.WriteLine();
        Console.Error.WriteLine("tm server: keep it where only administrators can read it; `TM_KEY=… tm keys create NAME --role read|write|admin` makes keys for others.");
        Console.Error.WriteLine();
    }

    /// <summary>Completes when the started server has loaded every memory and seeded the default one; faults when it could not.</summary>
    public static Task WhenReadyAsync(WebApplication app) => app.Services.GetRequiredService<ServerReadiness>().Ready;

    /// <summary>The addresses the started server listens on, with the real port when 0 was asked for: the gRPC port first.</summary>
    public static IReadOnlyList<string> ListeningAddresses(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];

    private static IPAddress ParseHost(string host) => host switch
    {
        "localhost" => IPAddress.Loopback,
        "*" or "+" => IPAddress.IPv6Any,
        _ => IPAddress.TryParse(host, out var parsed)
            ? parsed
            : throw new ArgumentException($"The host '{host}' is not an IP address (--host or TM_HOST); use 127.0.0.1, ::1, 0.0.0.0 or *."),
    };

    private static void Listen(KestrelServerOptions kestrel, IPAddress address, ServerOptions options, X509Certificate2? certificate)
    {
        kestrel.Listen(address, options.Port, listen =>
        {
            if (certificate is null)
            {
                // Cleartext HTTP/2 has no ALPN to negotiate with, so clients must speak HTTP/2 from the first byte
                // (gRPC clients do; curl needs --http2-prior-knowledge). HTTP/1.1 clients use --http-port.
                listen.Protocols = HttpProtocols.Http2;
                return;
            }
            // With TLS, ALPN serves gRPC and HTTP/2 JSON calls and HTTP/1.1 browsers on the one port.
            listen.Protocols = HttpProtocols.Http1AndHttp2;
            listen.UseHttps(certificate);
        });
        if (options.HttpPort is { } httpPort)
            kestrel.Listen(address, httpPort, listen => listen.Protocols = HttpProtocols.Http1);
        if (options.MetricsPort is { } metricsPort)
            MetricsEndpoint.Listen(kestrel, address, metricsPort);
    }
}
