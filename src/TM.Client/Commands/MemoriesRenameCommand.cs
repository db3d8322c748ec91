using System.CommandLine;
using Spectre.Console;
using TM.Protos.V1;

namespace TM.Client.Commands;

/// <summary><c>tm memories rename NAME NEW-NAME</c>: a memory under a new name, its pairs and the keys scoped to it following.</summary>
internal sealed class MemoriesRenameCommand : ServerCommand
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    private readonly Argument<string> _name = new("name") { Description = "The memory to rename" };
    private readonly Argument<string> _newName = new("new-name") { Description = "Its new name" };

    public MemoriesRenameCommand(CliContext context, CommonOptions common)
        : base("rename", "Rename a memory; its pairs and settings stay, and keys scoped to it follow (needs an admin key)", context, common, DefaultTimeout, MemoriesCommand.WithoutMemory)
    {
        Add(_name);
        Add(_newName);
    }

    protected override async Task<int> RunAsync(ParseResult parseResult, ServerConnection connection, CancellationToken cancellationToken)
    {
        var renamed = await connection.TranslationMemory.RenameMemoryAsync(
            new RenameMemoryRequest { Name = parseResult.GetValue(_name) ?? "", NewName = parseResult.GetValue(_newName) ?? "" },
            deadline: connection.Deadline(), cancellationToken: cancellationToken);
        if (WantsJson(parseResult))
        {
            WriteJson(json => MemoriesCommand.Write(json, renamed));
            return ExitCodes.Success;
        }

        Context.WriteLine($"Memory '{Markup.Escape(parseResult.GetValue(_name) ?? "")}' is now '{Markup.Escape(renamed.Name)}'.");
        return ExitCodes.Success;
    }
}
