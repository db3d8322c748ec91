using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TM.Client.Tests;

/// <summary>Kestrel on a random loopback port, h2c, serving <see cref="FakeTranslationMemory"/> and <see cref="FakeHealth"/> through TM.Grpc.</summary>
internal sealed class FakeServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeServer(WebApplication app, FakeTranslationMemory service, string address)
    {
        _app = app;
        Service = service;
        Address = address;
    }

    public FakeTranslationMemory Service { get; }

    public string Address { get; }

    public static async Task<FakeServer> StartAsync()
    {
        var service = new FakeTranslationMemory();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(service);
        builder.Services.AddSingleton<FakeHealth>();
        var app = builder.Build();
        app.MapGrpcService<FakeTranslationMemory>();
        app.MapGrpcService<FakeHealth>();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new FakeServer(app, service, address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal));
    }

    /// <summary>Runs <c>tm</c> against this server.</summary>
    public Task<CliRun> RunAsync(params string[] args) => CliRun.RunAsync([.. args, "--server", Address]);

    /// <summary>Runs <c>tm</c> against this server with <paramref name="environment"/> on top of the process's variables.</summary>
    public Task<CliRun> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args) =>
        CliRun.RunAsync(environment, [.. args, "--server", Address]);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
