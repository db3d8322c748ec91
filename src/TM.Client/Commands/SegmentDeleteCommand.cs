using System.CommandLine;
using Spectre.Console;
using TM.Protos.V1;

namespace TM.Client.Commands;

/// <summary><c>tm segment delete ID</c>: removes one pair from the memory.</summary>
internal sealed class SegmentDeleteCommand : ServerCommand
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    private readonly Argument<string> _id = SegmentCommand.IdArgument();
    private readonly Option<long?> _version = SegmentCommand.VersionOption();

    public SegmentDeleteCommand(CliContext context, CommonOptions common)
        : base("delete", "Delete one pair from the memory", context, common, DefaultTimeout)
    {
        Add(_id);
        Add(_version);
    }

    protected override async Task<int> RunAsync(ParseResult parseResult, ServerConnection connection, CancellationToken cancellationToken)
    {
        var memory = MemoryOf(parseResult);
        var id = parseResult.GetValue(_id) ?? "";
        var version = await SegmentCommand.VersionAsync(connection, memory, id, parseResult.GetValue(_version), cancellationToken);
        await connection.TranslationMemory.DeleteSegmentAsync(new DeleteSegmentRequest { Memory = memory, SegmentId = id, Version = version },
            deadline: connection.Deadline(), cancellationToken: cancellationToken);
        if (WantsJson(parseResult))
        {
            WriteJson(json =>
            {
                json.WriteStartObject();
                json.WriteString("deleted", id);
                json.WriteEndObject();
            });
        }
        else
        {
            Context.WriteLine($"Segment {Markup.Escape(id)} is deleted.");
        }

        return ExitCodes.Success;
    }
}
