using System.CommandLine;
using Grpc.Core;
using Grpc.Health.V1;
using Spectre.Console;
using TM.Protos.V1;

namespace TM.Client.Commands;

/// <summary>
/// <c>tm health</c>: asks the standard gRPC health service about the server as a whole and about each of its checks
/// (the server answers for each under its own service name), or about one service with <c>--service</c>.
/// </summary>
internal sealed class HealthCommand : ServerCommand
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    // The names the server's health service answers for, with what each says (see the server's HealthCheckNames).
    private static readonly (string Service, string Meaning)[] Checks =
    [
        (TranslationMemory.Descriptor.FullName, "lookups and imports can be served"),
        ("tm.store", "the database answers a query"),
        ("tm.index", "every memory's index is loaded and current"),
        ("tm.search", "the search index has taken every change (concordance)"),
        ("tm.data-directory", "the data directory takes new files"),
    ];

    private readonly Option<string?> _service = new("--service")
    {
        Description = "Ask about one service only, e.g. tm.v1.TranslationMemory or tm.store [default: the server and each of its checks]",
        HelpName = "name",
    };

    public HealthCommand(CliContext context, CommonOptions common)
        : base("health", "Shows whether the server is serving, and each of its health checks (grpc.health.v1.Health)", context, common, DefaultTimeout,
            withoutMemory: "it asks about the whole server, which serves every memory.")
    {
        Add(_service);
    }

    protected override async Task<int> RunAsync(ParseResult parseResult, ServerConnection connection, CancellationToken cancellationToken)
    {
        var only = parseResult.GetValue(_service);
        var overall = await CheckAsync(connection, only ?? "", cancellationToken);
        var checks = new List<(string Service, string Meaning, string Status)>();
        if (only is null)
        {
            foreach (var (service, meaning) in Checks)
                checks.Add((service, meaning, await CheckAsync(connection, service, cancellationToken)));
        }

        if (WantsJson(parseResult))
        {
            WriteJson(json =>
            {
                json.WriteStartObject();
                json.WriteString("server", connection.DisplayAddress);
                json.WriteString("service", only ?? "");
                json.WriteString("status", overall);
                json.WriteStartArray("checks");
                foreach (var (service, meaning, status) in checks)
                {
                    json.WriteStartObject();
                    json.WriteString("service", service);
                    json.WriteString("status", status);
                    json.WriteString("meaning", meaning);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteEndObject();
            });
        }
        else
        {
            var what = string.IsNullOrEmpty(only) ? "The TM server" : $"Service {only}";
            Context.WriteLine($"{Markup.Escape(what)} at {Markup.Escape(connection.DisplayAddress)}: {Colored(overall)}");
            var width = checks.Count == 0 ? 0 : checks.Max(c => c.Service.Length);
            foreach (var (service, meaning, status) in checks)
                Context.WriteLine($"  {Markup.Escape(service.PadRight(width))}  {Colored(status.PadRight(15))}  {Markup.Escape(meaning)}");
        }

        return overall == "SERVING" ? ExitCodes.Success : ExitCodes.ServerError;
    }

    // The status's protocol name; NOT_FOUND (a service this server does not report on) as SERVICE_UNKNOWN.
    private static async Task<string> CheckAsync(ServerConnection connection, string service, CancellationToken cancellationToken)
    {
        try
        {
            var response = await connection.Health.CheckAsync(new HealthCheckRequest { Service = service }, deadline: connection.Deadline(), cancellationToken: cancellationToken);
            return StatusName(response.Status);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound && service.Length > 0)
        {
            return "SERVICE_UNKNOWN";
        }
    }

    private static string Colored(string status) =>
        (status.TrimEnd() == "SERVING" ? "[green]" : "[red]") + Markup.Escape(status) + "[/]";

    private static string StatusName(HealthCheckResponse.Types.ServingStatus status) => status switch
    {
        HealthCheckResponse.Types.ServingStatus.Serving => "SERVING",
        HealthCheckResponse.Types.ServingStatus.NotServing => "NOT_SERVING",
        HealthCheckResponse.Types.ServingStatus.ServiceUnknown => "SERVICE_UNKNOWN",
        _ => "UNKNOWN",
    };
}
