using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace TM.Server.Hosting.Telemetry;

/// <summary>
/// The separate port that serves <c>/metrics</c> for Prometheus (<c>--metrics-port</c>): cleartext HTTP/1.1, as
/// Prometheus scrapes, on the server's host address. It answers <c>/metrics</c> and 404 for anything else, and
/// <c>/metrics</c> is not served on the other ports.
/// </summary>
public sealed class MetricsEndpoint
{
    /// <summary>The path of the metrics page.</summary>
    public const string Path = "/metrics";

    private ListenOptions? _listen;

    /// <summary>
    /// The started server's metrics port as an address (<c>http://127.0.0.1:9464</c>; the page is at
    /// <see cref="Path"/> under it), with the real port when 0 was asked for; null when the server has no metrics port.
    /// </summary>
    /// <param name="services">The server's services (<c>app.Services</c>).</param>
    public static string? Address(IServiceProvider services)
    {
        if (services.GetService<MetricsEndpoint>()?._listen?.IPEndPoint is not { } bound)
            return null;
        var port = $":{bound.Port.ToString(CultureInfo.InvariantCulture)}";
        var addresses = services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        return addresses.FirstOrDefault(address => address.EndsWith(port, StringComparison.Ordinal));
    }

    /// <summary>Adds the metrics port to Kestrel's endpoints.</summary>
    internal static void Listen(KestrelServerOptions kestrel, IPAddress address, int port)
    {
        var endpoint = kestrel.ApplicationServices.GetRequiredService<MetricsEndpoint>();
        kestrel.Listen(address, port, listen =>
        {
            listen.Protocols = HttpProtocols.Http1;
            endpoint._listen = listen;
        });
    }

    /// <summary>True for a request that came in on the metrics port (Kestrel has put the bound port in its options by then).</summary>
    internal bool Serves(HttpContext context) => _listen?.IPEndPoint is { } bound && context.Connection.LocalPort == bound.Port;
}
