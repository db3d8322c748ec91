using System.CommandLine;
using Spectre.Console;
using TM.Client.Output;
using TM.Protos.V1;

namespace TM.Client.Commands;

/// <summary>
/// <c>tm terms export -o FILE.tbx</c>: the memory's termbase as a TBX-Basic file, written under a temporary name and
/// renamed when complete.
/// </summary>
internal sealed class TermsExportCommand : ServerCommand
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(10);

    private readonly Option<string> _output = new("--output", "-o") { Description = "File to write the TBX to", HelpName = "file.tbx", Required = true };

    public TermsExportCommand(CliContext context, CommonOptions common)
        : base("export", "Export the termbase as a TBX-Basic file (TBX v3) that MultiTerm, memoQ and other tools import", context, common, DefaultTimeout)
    {
        Add(_output);
    }

    protected override async Task<int> RunAsync(ParseResult parseResult, ServerConnection connection, CancellationToken cancellationToken)
    {
        var memory = MemoryOf(parseResult);
        var path = parseResult.GetRequiredValue(_output);
        using var call = connection.TranslationMemory.ExportTerms(new ExportTermsRequest { Memory = memory }, deadline: connection.Deadline(), cancellationToken: cancellationToken);
        if (await PartFile.WriteAsync(Context, path, call.ResponseStream, static chunk => chunk.Chunk.Memory, cancellationToken) is not { } written)
        {
            return ExitCodes.InputError;
        }

        Context.WriteErrorLine(Markup.Escape($"Exported the termbase of {(memory.Length == 0 ? "the default memory" : $"memory '{memory}'")} to {path} ({Counted.Of(written, "byte")})."));
        return ExitCodes.Success;
    }
}
