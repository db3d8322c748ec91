using System.CommandLine;
using TM.Client.Fields;
using TM.Protos.V1;

namespace TM.Client.Commands;

/// <summary><c>tm segment edit ID --en TEXT --field reviewed=yes</c>: corrects one pair in place, its text or its fields.</summary>
internal sealed class SegmentEditCommand : ServerCommand
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    private readonly Argument<string> _id = SegmentCommand.IdArgument();
    private readonly Option<string?> _korean = new("--ko") { Description = "The corrected Korean side", HelpName = "text" };
    private readonly Option<string?> _english = new("--en") { Description = "The corrected English side", HelpName = "text" };
    private readonly Option<long?> _version = SegmentCommand.VersionOption();

    private readonly Option<FieldValue[]> _fields = FieldValues.Option("--field",
        "Set a field: its values become those given (repeat the name for two), the other fields stay; name= removes it",
        allowEmptyValue: true);

    private readonly Option<bool> _clearFields = new("--clear-fields") { Description = "Remove every field value first (with --field: the pair has exactly those)" };

    public SegmentEditCommand(CliContext context, CommonOptions common)
        : base("edit", "Correct one pair in place (either side, both, or its fields); lookups and concordance see it at once", context, common, DefaultTimeout)
    {
        Add(_id);
        Add(_korean);
        Add(_english);
        Add(_fields);
        Add(_clearFields);
        Add(_version);
        Validators.Add(result =>
        {
            if (result.GetResult(_korean) is null && result.GetResult(_english) is null && result.GetResult(_fields) is null && result.GetResult(_clearFields) is null)
            {
                result.AddError("Give the corrected text with --ko, --en or both, or the fields with --field or --clear-fields.");
            }
        });
    }

    protected override async Task<int> RunAsync(ParseResult parseResult, ServerConnection connection, CancellationToken cancellationToken)
    {
        var memory = MemoryOf(parseResult);
        var id = parseResult.GetValue(_id) ?? "";
        var given = parseResult.GetValue(_fields) ?? [];
        var clear = parseResult.GetValue(_clearFields);
        var version = parseResult.GetValue(_version);
        var request = new UpdateSegmentRequest
        {
            Memory = memory,
            SegmentId = id,
            Ko = parseResult.GetValue(_korean) ?? "",
            En = parseResult.GetValue(_english) ?? "",
            ReplaceFields = clear || given.Length > 0,
        };

        // The server only replaces a pair's fields whole, so setting one means reading the others to send them again.
        // Read at the current version; with an older --version given, the update is refused anyway.
        var current = version is null || (given.Length > 0 && !clear)
            ? await connection.TranslationMemory.GetSegmentAsync(new GetSegmentRequest { Memory = memory, SegmentId = id },
                deadline: connection.Deadline(), cancellationToken: cancellationToken)
            : null;
        request.Version = version ?? current!.Version;
        if (request.ReplaceFields)
        {
            var named = given.Select(value => value.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            request.Fields.AddRange((clear ? Enumerable.Empty<FieldValue>() : current!.Fields.Where(value => !named.Contains(value.Name)))
                .Concat(given.Where(value => value.Value.Length > 0)));
        }

        var segment = await connection.TranslationMemory.UpdateSegmentAsync(request, deadline: connection.Deadline(), cancellationToken: cancellationToken);
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
