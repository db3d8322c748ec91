using System.CommandLine;
using TM.Client.Fields;
using TM.Protos.V1;

namespace TM.Client.Commands;

/// <summary><c>tm segment add --ko TEXT --en TEXT [--field name=value …]</c>: one pair typed in, with its fields.</summary>
internal sealed class SegmentAddCommand : ServerCommand
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    private readonly Option<string> _korean = new("--ko") { Description = "The Korean side", HelpName = "text", Required = true };
    private readonly Option<string> _english = new("--en") { Description = "The English side", HelpName = "text", Required = true };
    private readonly Option<string?> _origin = new("--origin") { Description = "Where the pair comes from (a document's name)", HelpName = "name" };
    private readonly Option<string?> _note = new("--note") { Description = "A note kept with the pair", HelpName = "text" };

    private readonly Option<FieldValue[]> _fields = FieldValues.Option("--field",
        "A field value of the pair (one of the memory's fields, tm memories list); repeatable, a name twice for two values");

    public SegmentAddCommand(CliContext context, CommonOptions common)
        : base("add", "Add one pair, with its fields; lookups and concordance see it at once", context, common, DefaultTimeout)
    {
        Add(_korean);
        Add(_english);
        Add(_origin);
        Add(_note);
        Add(_fields);
    }

    protected override async Task<int> RunAsync(ParseResult parseResult, ServerConnection connection, CancellationToken cancellationToken)
    {
        var segment = await connection.TranslationMemory.AddSegmentAsync(new AddSegmentRequest
        {
            Memory = MemoryOf(parseResult),
            Ko = parseResult.GetValue(_korean) ?? "",
            En = parseResult.GetValue(_english) ?? "",
            Origin = parseResult.GetValue(_origin) ?? "",
            Note = parseResult.GetValue(_note) ?? "",
            Fields = { parseResult.GetValue(_fields) ?? [] },
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
