using System.CommandLine;
using Spectre.Console;
using TM.Protos.Health.V1;

namespace TM.Client.Commands;

/// <summary><c>tm health</c>: asks the standard gRPC health service whether the server is serving.</summary>
internal sealed class HealthCommand : ServerCommand
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    private readonly Option<string> _service = new("--service")
    {
        Description = "Service to ask about, e.g. tm.v1.TranslationMemory [default: the whole server]",
        HelpName = "name",
        DefaultValueFactory = _ => "",
    };

    public HealthCommand(CliContext context, CommonOptions common)
        : base("health", "Checks that the server is up and serving (grpc.health.v1.Health/Check)", context, common, DefaultTimeout, withMemory: false)
    {
        Add(_service);
    }

    protected override async Task<int> RunAsync(ParseResult parseResult, ServerConnection connection, CancellationToken cancellationToken)
    {
        var service = parseResult.GetValue(_service) ?? "";
        var response = await connection.Health.CheckAsync(new HealthCheckRequest { Service = service }, deadline: connection.Deadline(), cancellationToken: cancellationToken);
        var serving = response.Status == HealthCheckResponse.Types.ServingStatus.Serving;
        var status = StatusName(response.Status);
        if (WantsJson(parseResult))
        {
            WriteJson(json =>
            {
                json.WriteStartObject();
                json.WriteString("server", connection.DisplayAddress);
                json.WriteString("service", service);
                json.WriteString("status", status);
                json.WriteEndObject();
            });
        }
        else
        {
            var what = service.Length == 0 ? "The TM server" : $"Service {service}";
            Context.WriteLine($"{Markup.Escape(what)} at {Markup.Escape(connection.DisplayAddress)}: {(serving ? "[green]" : "[red]")}{status}[/]");
        }

        return serving ? ExitCodes.Success : ExitCodes.ServerError;
    }

    private static string StatusName(HealthCheckResponse.Types.ServingStatus status) => status switch
    {
        HealthCheckResponse.Types.ServingStatus.Serving => "SERVING",
        HealthCheckResponse.Types.ServingStatus.NotServing => "NOT_SERVING",
        HealthCheckResponse.Types.ServingStatus.ServiceUnknown => "SERVICE_UNKNOWN",
        _ => "UNKNOWN",
    };
}
