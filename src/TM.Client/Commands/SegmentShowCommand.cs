using System.CommandLine;
using TM.Protos.V1;

namespace TM.Client.Commands;

/// <summary><c>tm segment show ID</c>: one pair with its origin, dates and version.</summary>
internal sealed class SegmentShowCommand : ServerCommand
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    private readonly Argument<string> _id = SegmentCommand.IdArgument();

    public SegmentShowCommand(CliContext context, CommonOptions common)
        : base("show", "Show one pair with its origin, dates and version", context, common, DefaultTimeout)
    {
        Add(_id);
    }

    protected override async Task<int> RunAsync(ParseResult parseResult, ServerConnection connection, CancellationToken cancellationToken)
    {
        var segment = await connection.TranslationMemory.GetSegmentAsync(
            new GetSegmentRequest { Memory = MemoryOf(parseResult), SegmentId = parseResult.GetValue(_id) ?? "" },
            deadline: connection.Deadline(), cancellationToken: cancellationToken);
        if (WantsJson(parseResult))
        {
            WriteJson(json => SegmentCommand.Write(json, segment));
        }
        else
        {
            SegmentCommand.Write(Context, segment);
        }

        return ExitCodes.Success;
    }
}
