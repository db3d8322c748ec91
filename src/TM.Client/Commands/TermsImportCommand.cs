using System.CommandLine;
using Google.Protobuf;
using Spectre.Console;
using TM.Client.Output;
using TM.Protos.V1;

namespace TM.Client.Commands;

/// <summary>
/// <c>tm terms import FILE [--format tbx|csv]</c>: a TBX or CSV termbase file into the memory's termbase, all of it or
/// (a damaged file) none of it.
/// </summary>
internal sealed class TermsImportCommand : ServerCommand
{
    private const int ChunkSize = 64 * 1024;

    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(10);

    private readonly Argument<string> _file = new("file") { Description = "A TBX file (.tbx; TBX-Basic, also MultiTerm's and memoQ's TBX 2) or a CSV file (.csv)" };
    private readonly Option<string?> _format = new("--format") { Description = "The file's format [default: from its extension, else its first bytes]" };

    public TermsImportCommand(CliContext context, CommonOptions common)
        : base("import", "Import a TBX or CSV termbase file; entries the termbase has already are merged", context, common, DefaultTimeout)
    {
        _format.AcceptOnlyFromAmong("tbx", "csv");
        Add(_file);
        Add(_format);
    }

    protected override async Task<int> RunAsync(ParseResult parseResult, ServerConnection connection, CancellationToken cancellationToken)
    {
        var path = parseResult.GetRequiredValue(_file);
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, useAsync: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Context.WriteError($"{path}: cannot be read: {ex.Message}");
            return ExitCodes.InputError;
        }

        ImportTermsResponse response;
        await using (file)
        {
            using var call = connection.TranslationMemory.ImportTerms(deadline: connection.Deadline(), cancellationToken: cancellationToken);
            var buffer = new byte[ChunkSize];
            var first = new ImportTermsRequest { Memory = MemoryOf(parseResult), FileName = Path.GetFileName(path), Format = parseResult.GetValue(_format) ?? "" };
            int read;
            try
            {
                while ((read = await file.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    var message = first ?? new ImportTermsRequest();
                    first = null;
                    message.Chunk = ByteString.CopyFrom(buffer, 0, read);
                    await call.RequestStream.WriteAsync(message, cancellationToken);
                }

                if (first is not null)
                {
                    await call.RequestStream.WriteAsync(first, cancellationToken);
                }

                await call.RequestStream.CompleteAsync();
            }
            catch (Grpc.Core.RpcException)
            {
                // The server refused the file before reading all of it: its status is the answer's.
            }

            response = await call.ResponseAsync;
        }

        if (WantsJson(parseResult))
        {
            WriteJson(json =>
            {
                json.WriteStartObject();
                json.WriteNumber("entriesRead", response.EntriesRead);
                json.WriteNumber("added", response.EntriesAdded);
                json.WriteNumber("updated", response.EntriesUpdated);
                json.WriteNumber("skipped", response.EntriesSkipped);
                json.WriteNumber("otherLanguages", response.EntriesOtherLanguages);
                json.WriteEndObject();
            });
        }
        else
        {
            var other = response.EntriesOtherLanguages > 0 ? $"; {Counted.Of(response.EntriesOtherLanguages, "entry", "entries")} without Korean or English left out" : "";
            Context.WriteLine(Markup.Escape(
                $"{path}: {Counted.Of(response.EntriesRead, "entry", "entries")} read: {Quantities.Count(response.EntriesAdded)} added, " +
                $"{Quantities.Count(response.EntriesUpdated)} merged into entries the termbase had, {Quantities.Count(response.EntriesSkipped)} already there{other}."));
        }

        return ExitCodes.Success;
    }
}
