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
        var temporary = path + ".part";
        long written = 0;
        try
        {
            await using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1, useAsync: true))
            {
                while (await call.ResponseStream.MoveNext(cancellationToken))
                {
                    var chunk = call.ResponseStream.Current.Chunk.Memory;
                    await file.WriteAsync(chunk, cancellationToken);
                    written += chunk.Length;
                }
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            ExportCommand.TryDelete(temporary);
            Context.WriteError($"{path}: cannot be written: {ex.Message}");
            return ExitCodes.InputError;
        }
        catch
        {
            ExportCommand.TryDelete(temporary);
            throw;
        }

        Context.WriteErrorLine(Markup.Escape($"Exported the termbase of {(memory.Length == 0 ? "the default memory" : $"memory '{memory}'")} to {path} ({Counted.Of(written, "byte")})."));
        return ExitCodes.Success;
    }
}
