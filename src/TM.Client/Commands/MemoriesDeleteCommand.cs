using System.CommandLine;
using Spectre.Console;
using TM.Client.Output;
using TM.Protos.V1;

namespace TM.Client.Commands;

/// <summary><c>tm memories delete NAME --yes</c>: a memory and all its pairs, gone (needs an admin key).</summary>
internal sealed class MemoriesDeleteCommand : ServerCommand
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(10);

    private readonly Argument<string> _name = new("name") { Description = "The memory to delete" };

    private readonly Option<bool> _yes = new("--yes") { Description = "Confirm: the memory's pairs and import records are deleted for good" };

    public MemoriesDeleteCommand(CliContext context, CommonOptions common)
        : base("delete", "Delete a memory with all its pairs (needs an admin key; the default memory cannot be deleted)", context, common, DefaultTimeout, MemoriesCommand.WithoutMemory)
    {
        Add(_name);
        Add(_yes);
        Validators.Add(result =>
        {
            if (!result.GetValue(_yes))
            {
                result.AddError("Deleting a memory deletes its pairs for good: add --yes to confirm (tm export --memory NAME keeps a copy first).");
            }
        });
    }

    protected override async Task<int> RunAsync(ParseResult parseResult, ServerConnection connection, CancellationToken cancellationToken)
    {
        var name = parseResult.GetValue(_name) ?? "";
        var deleted = await connection.TranslationMemory.DeleteMemoryAsync(new DeleteMemoryRequest { Name = name },
            deadline: connection.Deadline(), cancellationToken: cancellationToken);
        if (WantsJson(parseResult))
        {
            WriteJson(json =>
            {
                json.WriteStartObject();
                json.WriteString("deleted", name);
                json.WriteNumber("segmentsDeleted", deleted.SegmentsDeleted);
                json.WriteEndObject();
            });
            return ExitCodes.Success;
        }

        Context.WriteLine($"Memory '{Markup.Escape(name)}' is deleted, with {Quantities.Count(deleted.SegmentsDeleted)} segments.");
        return ExitCodes.Success;
    }
}
