using System.CommandLine;
using Spectre.Console;
using TM.Client.Output;
using TM.Protos.V1;

namespace TM.Client.Commands;

/// <summary><c>tm imports</c>: the imports recorded on the server (all memories unless <c>--memory</c> names one), oldest first.</summary>
internal sealed class ImportsCommand : Command
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    private readonly CliContext _context;
    private readonly CommonOptions _common;

    public ImportsCommand(CliContext context, CommonOptions common)
        : base("imports", "Lists past imports: documents, TSV streams and TMX batches, with what each stored")
    {
        _context = context;
        _common = common;
        common.AddTo(this, withMemory: true);
        SetAction((parseResult, cancellationToken) =>
            ServerConnection.RunAsync(context, parseResult, common, DefaultTimeout, connection => RunAsync(parseResult, connection, cancellationToken), cancellationToken));
    }

    private async Task<int> RunAsync(ParseResult parseResult, ServerConnection connection, CancellationToken cancellationToken)
    {
        // As with stats, an empty memory means "all memories" here.
        var memory = parseResult.GetValue(_common.Memory) ?? "";
        var response = await connection.TranslationMemory.ListImportsAsync(new ListImportsRequest { Memory = memory }, deadline: connection.Deadline(), cancellationToken: cancellationToken);
        if (parseResult.GetValue(_common.Json))
        {
            WriteJson(response);
            return ExitCodes.Success;
        }

        if (response.Imports.Count == 0)
        {
            _context.WriteLine("No imports yet.");
            return ExitCodes.Success;
        }

        var table = new Table { Border = _context.Ansi ? TableBorder.Rounded : TableBorder.Simple };
        table.AddColumn(new TableColumn("Id") { Alignment = Justify.Right });
        table.AddColumn(new TableColumn("Memory"));
        table.AddColumn(new TableColumn("Kind"));
        table.AddColumn(new TableColumn("Name"));
        table.AddColumn(new TableColumn("Stored") { Alignment = Justify.Right });
        table.AddColumn(new TableColumn("Skipped") { Alignment = Justify.Right });
        table.AddColumn(new TableColumn("Created (UTC)"));
        foreach (var record in response.Imports)
        {
            table.AddRow(
                record.ImportId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Markup.Escape(record.Memory),
                Markup.Escape(record.Kind),
                Markup.Escape(record.Name),
                record.PairsStored.ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
                record.PairsSkipped.ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
                Markup.Escape(record.Created));
        }

        _context.WriteTable(table);
        return ExitCodes.Success;
    }

    private void WriteJson(ListImportsResponse response) =>
        JsonOutput.Write(_context.StdOut, json =>
        {
            json.WriteStartObject();
            json.WriteStartArray("imports");
            foreach (var record in response.Imports)
            {
                json.WriteStartObject();
                json.WriteNumber("importId", record.ImportId);
                json.WriteString("memory", record.Memory);
                json.WriteString("kind", record.Kind);
                json.WriteString("name", record.Name);
                json.WriteNumber("pairsStored", record.PairsStored);
                json.WriteNumber("pairsSkipped", record.PairsSkipped);
                json.WriteString("created", record.Created);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
}
