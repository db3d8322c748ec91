using System.CommandLine;
using Spectre.Console;
using TM.Client.Fields;
using TM.Protos.V1;

namespace TM.Client.Commands;

/// <summary><c>tm memories create NAME</c>: an empty memory with a description, its own minimum score and its fields.</summary>
internal sealed class MemoriesCreateCommand : ServerCommand
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    private readonly Argument<string> _name = new("name") { Description = "The new memory's name" };

    private readonly Option<string?> _description = new("--description") { Description = "What the memory holds, for the people who use it", HelpName = "text" };

    private readonly Option<double?> _minScore = MemoriesCommand.MinScoreOption();

    private readonly Option<FieldDefinition[]> _fields = FieldDefinitions.Option(
        $"A field the memory's pairs may carry: {FieldDefinitions.Syntax}; repeatable, shown in this order");

    public MemoriesCreateCommand(CliContext context, CommonOptions common)
        : base("create", "Create an empty memory (imports also create the memory they name)", context, common, DefaultTimeout, MemoriesCommand.WithoutMemory)
    {
        Add(_name);
        Add(_description);
        Add(_minScore);
        Add(_fields);
    }

    protected override async Task<int> RunAsync(ParseResult parseResult, ServerConnection connection, CancellationToken cancellationToken)
    {
        var created = await connection.TranslationMemory.CreateMemoryAsync(new CreateMemoryRequest
        {
            Name = parseResult.GetValue(_name) ?? "",
            Settings = new MemorySettings
            {
                Description = parseResult.GetValue(_description) ?? "",
                MinScore = parseResult.GetValue(_minScore) ?? 0,
                Fields = { parseResult.GetValue(_fields) ?? [] },
            },
        }, deadline: connection.Deadline(), cancellationToken: cancellationToken);
        if (WantsJson(parseResult))
        {
            WriteJson(json => MemoriesCommand.Write(json, created));
            return ExitCodes.Success;
        }

        Context.WriteLine($"Memory '{Markup.Escape(created.Name)}' is created; import into it with tm import FILE --memory {Markup.Escape(created.Name)}.");
        return ExitCodes.Success;
    }
}
