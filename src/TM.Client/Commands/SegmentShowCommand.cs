using System.CommandLine;
using Spectre.Console;
using TM.Protos.V1;

namespace TM.Client.Commands;

/// <summary><c>tm segment show ID</c>: one pair with its fields, origin, dates and version.</summary>
internal sealed class SegmentShowCommand : ServerCommand
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    private readonly Argument<string> _id = SegmentCommand.IdArgument();
    private readonly Option<bool> _history = new("--history") { Description = "Also show what the pair said before each edit or overwrite" };

    public SegmentShowCommand(CliContext context, CommonOptions common)
        : base("show", "Show one pair with its fields, origin, dates and version", context, common, DefaultTimeout)
    {
        Add(_id);
        Add(_history);
    }

    protected override async Task<int> RunAsync(ParseResult parseResult, ServerConnection connection, CancellationToken cancellationToken)
    {
        var segment = await connection.TranslationMemory.GetSegmentAsync(
            new GetSegmentRequest { Memory = MemoryOf(parseResult), SegmentId = parseResult.GetValue(_id) ?? "", IncludeHistory = parseResult.GetValue(_history) },
            deadline: connection.Deadline(), cancellationToken: cancellationToken);
        if (WantsJson(parseResult))
        {
            WriteJson(json => SegmentCommand.Write(json, segment));
        }
        else
        {
            SegmentCommand.Write(Context, segment);
            foreach (var version in segment.History)
            {
                var by = version.ReplacedBy.Length > 0 ? $" by {version.ReplacedBy}" : "";
                Context.WriteLine(Markup.Escape($"  version {version.Version}, {(version.Deleted ? "deleted" : "replaced")} {version.Replaced}{by}:"));
                Context.WriteLine($"    ko: {Markup.Escape(version.Ko)}");
                Context.WriteLine($"    en: {Markup.Escape(version.En)}");
                SegmentCommand.WriteFields(Context, version.Fields, "    ");
            }
        }

        return ExitCodes.Success;
    }
}
