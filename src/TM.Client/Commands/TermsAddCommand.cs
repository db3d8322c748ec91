using System.CommandLine;
using TM.Client.Terms;
using TM.Protos.V1;

namespace TM.Client.Commands;

/// <summary><c>tm terms add --ko TERM --en TERM [--ko-variant …] [--forbidden-en …] [--pos …] [--note …] [--source …]</c>: one entry typed in.</summary>
internal sealed class TermsAddCommand : ServerCommand
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    private readonly TermEntryOptions _entry = new();

    public TermsAddCommand(CliContext context, CommonOptions common)
        : base("add", "Add one entry to the termbase; lookups recognise it at once", context, common, DefaultTimeout)
    {
        _entry.AddTo(this);
        Validators.Add(result =>
        {
            if (result.GetResult(_entry.Korean) is null && result.GetResult(_entry.English) is null)
            {
                result.AddError("Give the term: --ko, --en or both.");
            }
        });
    }

    protected override async Task<int> RunAsync(ParseResult parseResult, ServerConnection connection, CancellationToken cancellationToken)
    {
        var entry = await connection.TranslationMemory.AddTermAsync(new AddTermRequest
        {
            Memory = MemoryOf(parseResult),
            Entry = _entry.Apply(parseResult, new TermEntry()),
        }, deadline: connection.Deadline(), cancellationToken: cancellationToken);
        TermsCommand.Print(Context, WantsJson(parseResult), entry);
        return ExitCodes.Success;
    }
}
