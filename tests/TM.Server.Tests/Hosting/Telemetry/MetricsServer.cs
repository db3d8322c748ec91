using System.Globalization;
using TM.Server.Hosting.Telemetry;

namespace TM.Server.Tests.Hosting.Telemetry;

/// <summary>
/// The real server with all three ports: gRPC, the HTTP/1.1 JSON port and the Prometheus metrics port; file imports
/// commit every <see cref="BatchSize"/> units.
/// </summary>
public sealed class MetricsServer : ServerFixture
{
    public const int BatchSize = 100;

    /// <summary>The metrics port's address (<c>http://127.0.0.1:N</c>).</summary>
    public string MetricsAddress => MetricsEndpoint.Address(Services) ?? throw new InvalidOperationException("The server has no metrics port.");

    protected override IEnumerable<string> ExtraArguments =>
        ["--metrics-port", "0", "--http-port", "0", "--import-batch-size", BatchSize.ToString(CultureInfo.InvariantCulture)];

    /// <summary>Reads <c>/metrics</c> once, over HTTP/1.1 as Prometheus does.</summary>
    public async Task<PrometheusScrape> ScrapeAsync()
    {
        using var http = new HttpClient();
        using var response = await http.GetAsync($"{MetricsAddress}/metrics");
        response.EnsureSuccessStatusCode();
        return PrometheusScrape.Parse(await response.Content.ReadAsStringAsync());
    }
}
