using System.CommandLine;
using Spectre.Console;
using TM.Protos.V1;

namespace TM.Client.Commands;

/// <summary><c>tm memories create NAME</c>: an empty memory with a description and its own minimum score.</summary>
internal sealed class MemoriesCreateCommand : ServerCommand
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    private readonly Argument<string> _name = new("name") { Description = "The new memory's name" };

    private readonly Option<string?> _description = new("--description") { Description = "What the memory holds, for the people who use it", HelpName = "text" };

    private readonly Option<double?> _minScore = new("--min-score")
    {
        Description = "The lowest score a lookup into the memory returns when it does not say, 1-100 [default: the server's, 50]",
        HelpName = "score",
    };

    public MemoriesCreateCommand(CliContext context, CommonOptions common)
        : base("create", "Create an empty memory (imports also create the memory they name)", context, common, DefaultTimeout, MemoriesCommand.WithoutMemory)
    {
        _minScore.CustomParser = NumberParser.For<double>(score => score is > 0 and <= 100, "--min-score must be a number above 0 and at most 100;");
        Add(_name);
        Add(_description);
        Add(_minScore);
    }

    protected override async Task<int> RunAsync(ParseResult parseResult, ServerConnection connection, CancellationToken cancellationToken)
    {
        var created = await connection.TranslationMemory.CreateMemoryAsync(new CreateMemoryRequest
        {
            Name = parseResult.GetValue(_name) ?? "",
            Settings = new MemorySettings { Description = parseResult.GetValue(_description) ?? "", MinScore = parseResult.GetValue(_minScore) ?? 0 },
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
