using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using TM.Client.Output;
using TM.Protos.V1;

namespace TM.Client.Commands;

/// <summary><c>tm stats</c>: the memories on the server and how much each holds.</summary>
internal sealed class StatsCommand : Command
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    private readonly CliContext _context;
    private readonly CommonOptions _common;

    public StatsCommand(CliContext context, CommonOptions common)
        : base("stats", "Segment counts per translation memory (all memories unless --memory names one)")
    {
        _context = context;
        _common = common;
        common.AddTo(this, withMemory: true);
        SetAction((parseResult, cancellationToken) =>
            ServerConnection.RunAsync(context, parseResult, common, DefaultTimeout, connection => RunAsync(parseResult, connection, cancellationToken), cancellationToken));
    }

    private async Task<int> RunAsync(ParseResult parseResult, ServerConnection connection, CancellationToken cancellationToken)
    {
        // Unlike every other call, an empty memory here means "all memories": --memory narrows the table to one.
        var memory = parseResult.GetValue(_common.Memory) ?? "";
        var response = await connection.TranslationMemory.GetStatsAsync(new GetStatsRequest { Memory = memory }, deadline: connection.Deadline(), cancellationToken: cancellationToken);
        if (parseResult.GetValue(_common.Json))
        {
            WriteJson(response);
            return ExitCodes.Success;
        }

        if (response.Memories.Count == 0)
        {
            _context.WriteLine("The server has no memories yet.");
            return ExitCodes.Success;
        }

        var table = new Table { Border = _context.Ansi ? TableBorder.Rounded : TableBorder.Simple };
        table.AddColumn(new TableColumn("Memory"));
        table.AddColumn(new TableColumn("Segments") { Alignment = Justify.Right });
        table.AddColumn(new TableColumn("Imports") { Alignment = Justify.Right });
        table.AddColumn(new TableColumn("Distinct ko") { Alignment = Justify.Right });
        table.AddColumn(new TableColumn("Distinct en") { Alignment = Justify.Right });
        foreach (var stats in response.Memories)
        {
            table.AddRow(
                stats.Memory.Length == 0 ? "[dim](default)[/]" : Markup.Escape(stats.Memory),
                Count(stats.Segments),
                Count(stats.Imports),
                Count(stats.DistinctKo),
                Count(stats.DistinctEn));
        }

        _context.WriteTable(table);
        return ExitCodes.Success;
    }

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private void WriteJson(GetStatsResponse response) =>
        JsonOutput.Write(_context.StdOut, json =>
        {
            json.WriteStartObject();
            json.WriteStartArray("memories");
            foreach (var stats in response.Memories)
            {
                json.WriteStartObject();
                json.WriteString("memory", stats.Memory);
                json.WriteNumber("segments", stats.Segments);
                json.WriteNumber("imports", stats.Imports);
                json.WriteNumber("distinctKo", stats.DistinctKo);
                json.WriteNumber("distinctEn", stats.DistinctEn);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
}
