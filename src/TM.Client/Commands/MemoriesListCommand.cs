using System.CommandLine;
using Spectre.Console;
using TM.Client.Fields;
using TM.Client.Output;
using TM.Protos.V1;

namespace TM.Client.Commands;

/// <summary><c>tm memories list</c>: every memory the key may use, with its description, minimum score and size.</summary>
internal sealed class MemoriesListCommand : ServerCommand
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public MemoriesListCommand(CliContext context, CommonOptions common)
        : base("list", "The memories, oldest first, with their description, minimum score, size and fields", context, common, DefaultTimeout, MemoriesCommand.WithoutMemory)
    {
    }

    protected override async Task<int> RunAsync(ParseResult parseResult, ServerConnection connection, CancellationToken cancellationToken)
    {
        var response = await connection.TranslationMemory.ListMemoriesAsync(new ListMemoriesRequest(), deadline: connection.Deadline(), cancellationToken: cancellationToken);
        if (WantsJson(parseResult))
        {
            WriteJson(json =>
            {
                json.WriteStartArray();
                foreach (var memory in response.Memories)
                {
                    MemoriesCommand.Write(json, memory);
                }

                json.WriteEndArray();
            });
            return ExitCodes.Success;
        }

        var table = Context.CreateTable();
        table.AddColumn(new TableColumn("Memory"));
        table.AddColumn(new TableColumn("Segments") { Alignment = Justify.Right });
        table.AddColumn(new TableColumn("Min score") { Alignment = Justify.Right });
        table.AddColumn(new TableColumn("Created"));
        table.AddColumn(new TableColumn("Description"));
        // A column for fields only when a memory defines some, one field a line in the syntax --field takes.
        var anyFields = response.Memories.Any(memory => memory.Settings?.Fields.Count > 0);
        if (anyFields)
        {
            table.AddColumn(new TableColumn("Fields"));
        }

        foreach (var memory in response.Memories)
        {
            string[] cells =
            [
                Markup.Escape(memory.Name),
                Quantities.Count(memory.Segments),
                memory.Settings?.MinScore is > 0 and var minScore ? Percent.Threshold(minScore) : "[dim]default[/]",
                Markup.Escape(memory.Created.Length >= 10 ? memory.Created[..10] : memory.Created),
                Markup.Escape(memory.Settings?.Description ?? ""),
            ];
            var fields = string.Join('\n', (memory.Settings?.Fields ?? []).Select(definition => FieldDefinitions.Format(definition, brief: true)));
            table.AddRow(anyFields ? [.. cells, Markup.Escape(fields)] : cells);
        }

        Context.WriteTable(table);
        return ExitCodes.Success;
    }
}
