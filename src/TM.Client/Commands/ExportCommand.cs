using System.CommandLine;
using System.Text;
using Spectre.Console;
using TM.Client.Output;
using TM.Protos.V1;

namespace TM.Client.Commands;

/// <summary>
/// <c>tm export [--output file.tmx]</c>: writes a memory as TMX 1.4b, to a file or to stdout. A file is written
/// under a temporary name and renamed when the export is complete, so a failed export never leaves a file that
/// looks whole.
/// </summary>
internal sealed class ExportCommand : ServerCommand
{
    // The whole memory streams through one call.
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(30);

    private readonly Option<string?> _output = new("--output", "-o")
    {
        Description = "File to write the TMX to [default: stdout]",
        HelpName = "file.tmx",
    };

    public ExportCommand(CliContext context, CommonOptions common)
        : base("export", "Exports a translation memory as a TMX 1.4b file, inline tags and metadata included", context, common, DefaultTimeout)
    {
        Add(_output);
    }

    protected override async Task<int> RunAsync(ParseResult parseResult, ServerConnection connection, CancellationToken cancellationToken)
    {
        var memory = MemoryOf(parseResult);
        var path = parseResult.GetValue(_output);
        using var call = connection.TranslationMemory.ExportTmx(new ExportTmxRequest { Memory = memory }, deadline: connection.Deadline(), cancellationToken: cancellationToken);
        if (path is null)
        {
            // Chunks end anywhere, also inside a character: one decoder carries the partial bytes over.
            var decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetDecoder();
            var chars = new char[Encoding.UTF8.GetMaxCharCount(64 * 1024)];
            while (await call.ResponseStream.MoveNext(cancellationToken))
            {
                var bytes = call.ResponseStream.Current.Chunk.Span;
                if (chars.Length < Encoding.UTF8.GetMaxCharCount(bytes.Length))
                {
                    chars = new char[Encoding.UTF8.GetMaxCharCount(bytes.Length)];
                }

                var count = decoder.GetChars(bytes, chars, flush: false);
                await Context.StdOut.WriteAsync(chars.AsMemory(0, count), cancellationToken);
            }

            await Context.StdOut.FlushAsync(cancellationToken);
            return ExitCodes.Success;
        }

        if (await PartFile.WriteAsync(Context, path, call.ResponseStream, static chunk => chunk.Chunk.Memory, cancellationToken) is not { } written)
        {
            return ExitCodes.InputError;
        }

        // The report goes to stderr: stdout stays clean for scripts that capture it.
        Context.WriteErrorLine(Markup.Escape($"Exported {(memory.Length == 0 ? "the default memory" : $"memory '{memory}'")} to {path} ({Counted.Of(written, "byte")})."));
        return ExitCodes.Success;
    }
}
