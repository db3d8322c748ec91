using Microsoft.AspNetCore.Builder;
using Grpc.Core;
using Grpc.Net.Client;
using TM.Protos.V1;
using TM.Server.Hosting;

namespace TM.Server.Tests.Functional;

public sealed class TlsTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("tm-tls-").FullName;
    private WebApplication? _app;

    public async Task InitializeAsync()
    {
        var certificatePath = Path.Combine(_directory, "server.pfx");
        TestCertificate.WritePfx(certificatePath, "secret");
        _app = await TmServerApp.CreateAsync(["--port", "0", "--data-dir", _directory, "--seeds-dir", RepositoryPaths.Seeds,
            "--tls-certificate", certificatePath, "--tls-password", "secret"]);
        await _app.StartAsync();
        await TmServerApp.WhenReadyAsync(_app);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Server_with_a_certificate_serves_lookups_over_TLS()
    {
        var address = TmServerApp.ListeningAddresses(_app!).Single();
        Assert.StartsWith("https://", address);
        using var handler = new SocketsHttpHandler
        {
            // The test's own self-signed certificate; a real deployment uses a trusted one.
            SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true },
        };
        using var channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions { HttpHandler = handler });
        var client = new TranslationMemory.TranslationMemoryClient(channel);

        var response = await client.LookupAsync(new LookupRequest { Text = "따라서 휴전 협정은 7월 26일 체결될 수 있었다." });

        Assert.Equal(100, response.Matches[0].Score);
    }
}
