using System.CommandLine;
using Spectre.Console;
using TM.Client.Output;
using TM.Protos.V1;

namespace TM.Client.Commands;

/// <summary><c>tm stats</c>: the memories on the server and how much each holds.</summary>
internal sealed class StatsCommand : ServerCommand
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public StatsCommand(CliContext context, CommonOptions common)
        : base("stats", "Segment counts per translation memory (all memories unless --memory names one)", context, common, DefaultTimeout)
    {
    }

    protected override async Task<int> RunAsync(ParseResult parseResult, ServerConnection connection, CancellationToken cancellationToken)
    {
        // Unlike every other call, an empty memory here means "all memories": --memory narrows the table to one.
        var memory = MemoryOf(parseResult);
        var response = await connection.TranslationMemory.GetStatsAsync(new GetStatsRequest { Memory = memory }, deadline: connection.Deadline(), cancellationToken: cancellationToken);
        if (WantsJson(parseResult))
        {
            WriteJson(response);
            return ExitCodes.Success;
        }

        if (response.Memories.Count == 0)
        {
            Context.WriteLine("The server has no memories yet.");
            return ExitCodes.Success;
        }

        var table = Context.CreateTable();
        table.AddColumn(new TableColumn("Memory"));
        table.AddColumn(new TableColumn("Segments") { Alignment = Justify.Right });
        table.AddColumn(new TableColumn("Imports") { Alignment = Justify.Right });
        table.AddColumn(new TableColumn("Distinct ko") { Alignment = Justify.Right });
        table.AddColumn(new TableColumn("Distinct en") { Alignment = Justify.Right });
        foreach (var stats in response.Memories)
        {
            table.AddRow(
                stats.Memory.Length == 0 ? "[dim](default)[/]" : Markup.Escape(stats.Memory),
                Quantities.Count(stats.Segments),
                Quantities.Count(stats.Imports),
                Quantities.Count(stats.DistinctKo),
                Quantities.Count(stats.DistinctEn));
        }

        Context.WriteTable(table);
        foreach (var stats in response.Memories)
        {
            if (stats.ConcordancePending > 0)
            {
                Context.WriteLine($"Memory {(stats.Memory.Length == 0 ? "(default)" : Markup.Escape(stats.Memory))}: {Quantities.Count(stats.ConcordancePending)} segments not yet in the concordance index; " +
                    "the server is adding them in the background, and concordance finds them meanwhile, more slowly.");
            }
        }

        return ExitCodes.Success;
    }

    private void WriteJson(GetStatsResponse response) =>
        WriteJson(json =>
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
                json.WriteNumber("concordancePending", stats.ConcordancePending);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
}
