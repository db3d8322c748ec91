using Microsoft.AspNetCore.Builder;
using Grpc.Core;
using Grpc.Net.Client;
using TM.Protos.V1;
using TM.Server.Hosting;

namespace TM.Server.Tests;

/// <summary>
/// The real server — Kestrel on a random loopback port, a SQLite file in a temporary folder, the
/// seeds imported — and a Grpc.Net.Client channel pointed at it.
/// </summary>
public class ServerFixture : IAsyncLifetime
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("tm-server-").FullName;
    private WebApplication? _app;

    /// <summary>The gRPC port's address (HTTP/2; also the HTTP/JSON routes over h2c).</summary>
    public string Address { get; private set; } = "";

    /// <summary>The HTTP/1.1 port's address when <see cref="ExtraArguments"/> ask for one (<c>--http-port</c>), else null.</summary>
    public string? HttpAddress { get; private set; }

    public string DataDirectory => _dataDirectory;

    public GrpcChannel Channel { get; private set; } = null!;

    /// <summary>The server's services, for checking state a client cannot see.</summary>
    public IServiceProvider Services => _app!.Services;

    public TranslationMemory.TranslationMemoryClient Client { get; private set; } = null!;

    protected virtual IEnumerable<string> ExtraArguments => [];

    public virtual async Task InitializeAsync()
    {
        _app = await TmServerApp.CreateAsync(
            ["--port", "0", "--data-dir", _dataDirectory, "--seeds-dir", RepositoryPaths.Seeds, .. ExtraArguments]);
        await _app.StartAsync();
        await TmServerApp.WhenReadyAsync(_app);
        var addresses = TmServerApp.ListeningAddresses(_app);
        Address = addresses[0];
        HttpAddress = addresses.Count > 1 ? addresses[1] : null;
        Channel = GrpcChannel.ForAddress(Address, new GrpcChannelOptions { MaxSendMessageSize = 64 * 1024 * 1024 });
        Client = new TranslationMemory.TranslationMemoryClient(Channel);
    }

    public virtual async Task DisposeAsync()
    {
        Channel?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        try { Directory.Delete(_dataDirectory, recursive: true); }
        catch (IOException) { }
    }
}
