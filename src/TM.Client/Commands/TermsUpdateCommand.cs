using System.CommandLine;
using TM.Client.Terms;
using TM.Protos.V1;

namespace TM.Client.Commands;

/// <summary>
/// <c>tm terms update ID [--ko TERM] [--en TERM] [--ko-variant …] … [--version N]</c>: changes what is given and keeps the
/// rest of the entry; a list given replaces the entry's list.
/// </summary>
internal sealed class TermsUpdateCommand : ServerCommand
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    private readonly Argument<long?> _id = TermsCommand.IdArgument();
    private readonly Option<long?> _version = TermsCommand.VersionOption();
    private readonly TermEntryOptions _entry = new();

    public TermsUpdateCommand(CliContext context, CommonOptions common)
        : base("update", "Change an entry of the termbase: what is given replaces what it says, the rest stays", context, common, DefaultTimeout)
    {
        Add(_id);
        Add(_version);
        _entry.AddTo(this);
        Validators.Add(result =>
        {
            if (!_entry.AnyGiven(result))
            {
                result.AddError("Give what to change: --ko, --en, --ko-variant, --en-variant, --forbidden-ko, --forbidden-en, --pos, --note or --source.");
            }
        });
    }

    protected override async Task<int> RunAsync(ParseResult parseResult, ServerConnection connection, CancellationToken cancellationToken)
    {
        var memory = MemoryOf(parseResult);
        var id = parseResult.GetRequiredValue(_id)!.Value;
        // UpdateTerm replaces the entry whole: what is not given is read first and sent back as it is, under the version read.
        var current = await connection.TranslationMemory.GetTermAsync(new GetTermRequest { Memory = memory, TermId = id },
            deadline: connection.Deadline(), cancellationToken: cancellationToken);
        var entry = await connection.TranslationMemory.UpdateTermAsync(new UpdateTermRequest
        {
            Memory = memory,
            TermId = id,
            Entry = _entry.Apply(parseResult, current),
            Version = parseResult.GetValue(_version) ?? current.Version,
        }, deadline: connection.Deadline(), cancellationToken: cancellationToken);
        TermsCommand.Print(Context, WantsJson(parseResult), entry);
        return ExitCodes.Success;
    }
}
