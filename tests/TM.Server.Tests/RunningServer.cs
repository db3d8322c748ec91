using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Grpc.Core;
using Grpc.Net.Client;
using TM.Protos.V1;
using TM.Server.Hosting;
using TM.Server.Memory;

namespace TM.Server.Tests;

/// <summary>The real server on a data directory the test keeps, so it can be stopped and started again on the same file.</summary>
internal sealed class RunningServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly GrpcChannel _channel;

    private RunningServer(WebApplication app)
    {
        _app = app;
        _channel = GrpcChannel.ForAddress(TmServerApp.ListeningAddresses(app).Single());
    }

    public TranslationMemory.TranslationMemoryClient Client => new(_channel);

    /// <summary>The channel, for clients of the other services.</summary>
    public GrpcChannel Channel => _channel;

    public Administration.AdministrationClient Administration => new(_channel);

    /// <summary>The gRPC address, for <c>tm --server</c>.</summary>
    public string Address => TmServerApp.ListeningAddresses(_app).First();

    /// <summary>The server's memories, for state a client cannot see.</summary>
    public TranslationMemoryCatalog Catalog => _app.Services.GetRequiredService<TranslationMemoryCatalog>();

    /// <summary>The server's services, for what a test checks inside it (its health checks, say).</summary>
    public IServiceProvider Services => _app.Services;

    public static async Task<RunningServer> StartAsync(string dataDirectory, params string[] extraArguments)
    {
        var app = await TmServerApp.CreateAsync(["--port", "0", "--data-dir", dataDirectory, "--seeds-dir", RepositoryPaths.Seeds, .. extraArguments]);
        await app.StartAsync();
        await TmServerApp.WhenReadyAsync(app);
        return new RunningServer(app);
    }

    public async ValueTask DisposeAsync()
    {
        _channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
