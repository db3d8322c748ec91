using System.CommandLine;
using TM.Protos.V1;

namespace TM.Client.Commands;

/// <summary><c>tm terms delete ID [--version N]</c>: removes one entry from the termbase.</summary>
internal sealed class TermsDeleteCommand : ServerCommand
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    private readonly Argument<long?> _id = TermsCommand.IdArgument();
    private readonly Option<long?> _version = TermsCommand.VersionOption();

    public TermsDeleteCommand(CliContext context, CommonOptions common)
        : base("delete", "Delete one entry from the termbase", context, common, DefaultTimeout)
    {
        Add(_id);
        Add(_version);
    }

    protected override async Task<int> RunAsync(ParseResult parseResult, ServerConnection connection, CancellationToken cancellationToken)
    {
        var memory = MemoryOf(parseResult);
        var id = parseResult.GetRequiredValue(_id)!.Value;
        var version = parseResult.GetValue(_version) ?? (await connection.TranslationMemory.GetTermAsync(new GetTermRequest { Memory = memory, TermId = id },
            deadline: connection.Deadline(), cancellationToken: cancellationToken)).Version;
        await connection.TranslationMemory.DeleteTermAsync(new DeleteTermRequest { Memory = memory, TermId = id, Version = version },
            deadline: connection.Deadline(), cancellationToken: cancellationToken);
        if (WantsJson(parseResult))
        {
            WriteJson(json =>
            {
                json.WriteStartObject();
                json.WriteNumber("deleted", id);
                json.WriteEndObject();
            });
        }
        else
        {
            Context.WriteLine($"Term {id} is deleted.");
        }

        return ExitCodes.Success;
    }
}
