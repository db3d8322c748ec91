using System.CommandLine;
using TM.Protos.V1;

namespace TM.Client.Commands;

/// <summary><c>tm segment edit ID --en TEXT</c>: corrects one pair in place.</summary>
internal sealed class SegmentEditCommand : ServerCommand
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    private readonly Argument<string> _id = SegmentCommand.IdArgument();
    private readonly Option<string?> _korean = new("--ko") { Description = "The corrected Korean side", HelpName = "text" };
    private readonly Option<string?> _english = new("--en") { Description = "The corrected English side", HelpName = "text" };
    private readonly Option<long?> _version = SegmentCommand.VersionOption();

    public SegmentEditCommand(CliContext context, CommonOptions common)
        : base("edit", "Correct one pair in place (either side or both); lookups and concordance see it at once", context, common, DefaultTimeout)
    {
        Add(_id);
        Add(_korean);
        Add(_english);
        Add(_version);
        Validators.Add(result =>
        {
            if (result.GetResult(_korean) is null && result.GetResult(_english) is null)
            {
                result.AddError("Give the corrected text with --ko, --en or both.");
            }
        });
    }

    protected override async Task<int> RunAsync(ParseResult parseResult, ServerConnection connection, CancellationToken cancellationToken)
    {
        var memory = MemoryOf(parseResult);
        var id = parseResult.GetValue(_id) ?? "";
        var version = await SegmentCommand.VersionAsync(connection, memory, id, parseResult.GetValue(_version), cancellationToken);
        var segment = await connection.TranslationMemory.UpdateSegmentAsync(new UpdateSegmentRequest
        {
            Memory = memory,
            SegmentId = id,
            Ko = parseResult.GetValue(_korean) ?? "",
            En = parseResult.GetValue(_english) ?? "",
            Version = version,
        }, deadline: connection.Deadline(), cancellationToken: cancellationToken);
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
