using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TM.Grpc.Tests.Infrastructure;

/// <summary>
/// A real Kestrel server on 127.0.0.1 and a free port, serving <see cref="TesterService"/> over HTTP/2
/// (h2c, or TLS with a self-signed certificate). Subclasses choose the options.
/// </summary>
public abstract class GrpcTestServer : IAsyncLifetime
{
    private WebApplication? _app;

    public TesterState State { get; } = new();

    public LogSink Logs { get; } = new();

    public Uri Address { get; private set; } = null!;

    public X509Certificate2? Certificate { get; private set; }

    protected virtual bool UseTls => false;

    public async Task InitializeAsync()
    {
        if (UseTls)
        {
            Certificate = TestCertificate.Create();
        }

        var builder = WebApplication.CreateSlimBuilder();
        if (UseTls)
        {
            builder.WebHost.UseKestrelHttpsConfiguration();
        }

        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            if (Certificate is not null)
            {
                listen.Protocols = HttpProtocols.Http1AndHttp2;
                listen.UseHttps(Certificate);
            }
            else
            {
                listen.Protocols = HttpProtocols.Http2;
            }
        }));
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.Logging.AddProvider(Logs);
        builder.Services.AddSingleton(State);
        builder.Services.AddGrpc(ConfigureGrpc);

        _app = builder.Build();
        _app.MapGrpcService<TesterService>();
        _app.MapPost("/rest/items", () => "not gRPC");
        MapEndpoints(_app);
        await _app.StartAsync();

        var addresses = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        Address = new Uri(addresses.Single());
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        Certificate?.Dispose();
    }

    /// <summary>
    /// Like grpc-dotnet's VerifyNoErrorsScope: fails when the server logged a warning or error, since
    /// <paramref name="firstEntry"/>, that the tests did not provoke on purpose.
    /// </summary>
    public void AssertNoUnexpectedLogs(int firstEntry)
    {
        var unexpected = Logs.Snapshot().Skip(firstEntry).Where(e => e.Level >= LogLevel.Warning && !IsExpectedError(e)).ToList();
        Assert.True(
            unexpected.Count == 0,
            "Unexpected server log entries:" + Environment.NewLine
            + string.Join(Environment.NewLine, unexpected.Select(e => $"{e.Level} {e.Category} {e.EventId.Name}: {e.Message} {e.Exception}")));
    }

    /// <summary>A channel to this server; for TLS, one that trusts exactly the server's certificate.</summary>
    public GrpcChannel CreateChannel(GrpcChannelOptions? options = null)
    {
        options ??= new GrpcChannelOptions();
        if (Certificate is not null && options.HttpClient is null && options.HttpHandler is null)
        {
            var thumbprint = Certificate.GetCertHashString();
            options.HttpHandler = new SocketsHttpHandler
            {
                SslOptions = { RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate?.GetCertHashString() == thumbprint },
            };
            options.DisposeHttpClient = true;
        }

        return GrpcChannel.ForAddress(Address, options);
    }

    public Tester.TesterClient CreateClient(GrpcChannelOptions? options = null) => new(CreateChannel(options));

    /// <summary>Every error test ends with this: the server must keep serving.</summary>
    public async Task AssertStillServesAsync()
    {
        using var channel = CreateChannel();
        var client = new Tester.TesterClient(channel);
        Assert.Equal("still here", await client.EchoAsync("still here"));
    }

    protected virtual void ConfigureGrpc(GrpcServiceOptions options)
    {
    }

    /// <summary>Maps endpoints besides the tester service, before the server starts.</summary>
    protected virtual void MapEndpoints(WebApplication app)
    {
    }

    /// <summary>The handler exceptions that tests throw on purpose (see <see cref="TesterService.Fail"/>).</summary>
    private static bool IsExpectedError(LogSink.LogEntry entry)
        => entry.EventId.Name == "ErrorExecutingServiceMethod"
        && entry.Exception?.Message.StartsWith(TesterService.DeliberateFailure, StringComparison.Ordinal) == true;
}
