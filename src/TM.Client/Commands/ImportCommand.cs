using System.CommandLine;
using System.Runtime.ExceptionServices;
using Spectre.Console;
using TM.Client.Input;
using TM.Client.Output;
using TM.Grpc;
using TM.Protos.V1;

namespace TM.Client.Commands;

/// <summary>
/// <c>tm import &lt;files…&gt;</c>: parallel documents go to ImportDocument (split, aligned and stored by the
/// server); TSV files of aligned pairs are streamed to ImportSegments; TMX files (<c>*.tmx</c>) are streamed as raw
/// bytes to ImportTmx, which parses them on the server. Each file is reported as it is done; a file
/// that cannot be read or that the server refuses does not stop the others.
/// </summary>
internal sealed class ImportCommand : Command
{
    // Per file: the server splits and aligns a whole document, or stores a whole TSV stream in one transaction.
    // TMX files are read and sent 64 KB at a time: the server parses as the bytes arrive.
    private const int TmxChunkSize = 64 * 1024;

    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(10);

    private readonly CliContext _context;
    private readonly CommonOptions _common;

    private readonly Argument<string[]> _files = new("files")
    {
        Description = "Parallel documents (Korean and English blocks), TSV files of aligned pairs (*.tsv, or one tab per line), UTF-8, or TMX files (*.tmx)",
        Arity = ArgumentArity.OneOrMore,
    };

    public ImportCommand(CliContext context, CommonOptions common)
        : base("import", "Imports parallel documents, TSV pair files and TMX files into a translation memory")
    {
        _context = context;
        _common = common;
        Add(_files);
        common.AddTo(this, withMemory: true);
        SetAction((parseResult, cancellationToken) =>
            ServerConnection.RunAsync(context, parseResult, common, DefaultTimeout, connection => RunAsync(parseResult, connection, cancellationToken), cancellationToken));
    }

    private async Task<int> RunAsync(ParseResult parseResult, ServerConnection connection, CancellationToken cancellationToken)
    {
        var memory = parseResult.GetValue(_common.Memory) ?? "";
        var json = parseResult.GetValue(_common.Json);
        var results = new List<ImportFileResult>();
        foreach (var path in parseResult.GetRequiredValue(_files))
        {
            var result = await ImportFileAsync(path, memory, connection, cancellationToken);
            results.Add(result);

            // Problems go to stderr in both modes, so `--json > out.json` still tells the person at the terminal.
            ReportProblems(result);
            if (!json)
            {
                Report(result);
            }
        }

        if (json)
        {
            WriteJson(memory, results);
        }
        else if (results.Count > 1)
        {
            var imported = results.Count(r => r.Imported);
            _context.WriteLine(Markup.Escape(
                $"Imported {imported} of {Counted.Of(results.Count, "file")}: {Counted.Of(results.Sum(r => r.PairsStored), "pair")} stored, "
                + $"{Counted.Of(results.Sum(r => r.PairsSkippedDuplicate), "duplicate")} skipped."));
        }

        // A refusal by the server outranks a bad input file: it is the one a script most needs to notice.
        return results.Any(r => r.ExitCode == ExitCodes.ServerError) ? ExitCodes.ServerError
            : results.Any(r => r.ExitCode == ExitCodes.InputError) ? ExitCodes.InputError
            : ExitCodes.Success;
    }

    private async Task<ImportFileResult> ImportFileAsync(string path, string memory, ServerConnection connection, CancellationToken cancellationToken)
    {
        var result = new ImportFileResult(path);
        try
        {
            if (Path.GetExtension(path).Equals(".tmx", StringComparison.OrdinalIgnoreCase))
            {
                result.Kind = "tmx";
                result.Tmx = await SendTmxAsync(path, memory, connection, cancellationToken);
                return result;
            }

            var text = DocumentFileReader.ReadAllText(path);
            if (TsvPairReader.LooksLikeTsv(path, text))
            {
                result.Kind = "segments";
                var tsv = TsvPairReader.Read(path, text);
                result.KoreanFirst = tsv.KoreanFirst;
                result.BadLines = tsv.Errors;
                if (tsv.Pairs.Count == 0)
                {
                    result.Error = $"{path}: no usable pairs in the file; nothing was sent.";
                    return result;
                }

                result.PairsSent = tsv.Pairs.Count;
                result.Segments = await SendSegmentsAsync(tsv.Pairs, memory, Path.GetFileName(path), connection, cancellationToken);
            }
            else
            {
                result.Kind = "document";
                var request = new ImportDocumentRequest { Memory = memory, Name = Path.GetFileName(path), Text = text };
                result.Document = await connection.TranslationMemory.ImportDocumentAsync(request, deadline: connection.Deadline(), cancellationToken: cancellationToken);
            }
        }
        catch (InputFileException ex)
        {
            result.Error = ex.Message;
        }
        catch (RpcException ex) when (ex.StatusCode is not (StatusCode.Unavailable or StatusCode.Cancelled))
        {
            // Unavailable and Cancelled end the whole command (ServerConnection reports them); anything else is
            // about this file, and the next file may well go through.
            result.ErrorCode = ServerConnection.StatusName(ex.StatusCode);
            result.Error = connection.Describe(ex);
        }

        return result;
    }

    private static async Task<ImportTmxResponse> SendTmxAsync(string path, string memory, ServerConnection connection, CancellationToken cancellationToken)
    {
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, useAsync: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputFileException(path, 0, $"cannot be read: {ex.Message}");
        }

        await using (file)
        {
            using var call = connection.TranslationMemory.ImportTmx(deadline: connection.Deadline(), cancellationToken: cancellationToken);
            ExceptionDispatchInfo? writeFailure = null;
            try
            {
                var buffer = new byte[TmxChunkSize];
                var first = true;
                int read;
                // An empty file still sends one message, so the server names the file in its answer.
                while ((read = await file.ReadAsync(buffer, cancellationToken)) > 0 || first)
                {
                    var message = new ImportTmxRequest { Chunk = Google.Protobuf.ByteString.CopyFrom(buffer, 0, read) };
                    if (first)
                    {
                        // The server reads the memory and file name from the first message only.
                        message.Memory = memory;
                        message.FileName = Path.GetFileName(path);
                        first = false;
                    }

                    await call.RequestStream.WriteAsync(message);
                }

                await call.RequestStream.CompleteAsync();
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                // As for TSV: a server that rejects the file midway (a damaged TMX) fails the next write; the reason
                // is in the call's status.
                writeFailure = ExceptionDispatchInfo.Capture(ex);
            }

            var response = await call.ResponseAsync;
            writeFailure?.Throw();
            return response;
        }
    }

    private static async Task<ImportSegmentsResponse> SendSegmentsAsync(
        IReadOnlyList<TsvPair> pairs, string memory, string origin, ServerConnection connection, CancellationToken cancellationToken)
    {
        using var call = connection.TranslationMemory.ImportSegments(deadline: connection.Deadline(), cancellationToken: cancellationToken);
        ExceptionDispatchInfo? writeFailure = null;
        try
        {
            for (var i = 0; i < pairs.Count; i++)
            {
                // The server reads the memory from the first message only.
                await call.RequestStream.WriteAsync(new ImportSegmentsRequest
                {
                    Memory = i == 0 ? memory : "",
                    Ko = pairs[i].Ko,
                    En = pairs[i].En,
                    Origin = origin,
                });
            }

            await call.RequestStream.CompleteAsync();
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // A server that rejects the stream midway makes the next write fail; the reason is in the call's
            // status, which the response below throws with. The write error is only the symptom.
            writeFailure = ExceptionDispatchInfo.Capture(ex);
        }

        var response = await call.ResponseAsync;
        writeFailure?.Throw();
        return response;
    }

    private void ReportProblems(ImportFileResult result)
    {
        foreach (var bad in result.BadLines)
        {
            _context.WriteWarning($"{result.Path}, line {bad.Line}: skipped: {bad.Reason}");
        }

        if (result.Error is not null)
        {
            _context.WriteError(result.ErrorCode is null ? $"{result.Error} Skipped the file." : $"{result.Path}: {result.Error}");
        }
    }

    private void Report(ImportFileResult result)
    {
        var name = Markup.Escape(result.Path);
        if (result.Document is { } document)
        {
            _context.WriteLine($"[bold]{name}[/] (document): " + Markup.Escape(
                $"{Counted.Of(document.PairsStored, "pair")} stored, {Counted.Of(document.PairsSkippedDuplicate, "duplicate")} skipped, "
                + $"{Counted.Of(document.UnpairedSentences, "unpaired sentence")}, {Counted.Of(document.LinesDropped, "line")} dropped as noise "
                + $"({Counted.Of(document.KoSentences, "Korean sentence")}, {Counted.Of(document.EnSentences, "English sentence")})."));
            foreach (var line in document.DroppedLines)
            {
                _context.WriteLine("  [dim]dropped:[/] " + Markup.Escape(line));
            }
        }
        else if (result.Tmx is { } tmx)
        {
            var skipped = tmx.SkippedOtherLanguages + tmx.SkippedMissingKorean + tmx.SkippedMissingEnglish + tmx.SkippedEmpty;
            _context.WriteLine($"[bold]{name}[/] (TMX): " + Markup.Escape(
                $"{Counted.Of(tmx.UnitsRead, "unit")} read, {Counted.Of(tmx.PairsStored, "pair")} stored, "
                + $"{Counted.Of(tmx.PairsSkippedDuplicate, "duplicate")} skipped, {Counted.Of(skipped, "unit")} left out "
                + $"({tmx.SkippedOtherLanguages:N0} other languages, {tmx.SkippedMissingKorean:N0} no Korean, {tmx.SkippedMissingEnglish:N0} no English, {tmx.SkippedEmpty:N0} empty); "
                + $"{Counted.Of(tmx.BatchesCommitted, "batch", "batches")} committed."));
        }
        else if (result.Segments is { } segments)
        {
            var columns = result.KoreanFirst == true ? "ko, en" : "en, ko";
            _context.WriteLine($"[bold]{name}[/] (TSV, columns {columns}): " + Markup.Escape(
                $"{Counted.Of(segments.PairsStored, "pair")} stored, {Counted.Of(segments.PairsSkippedDuplicate, "duplicate")} skipped "
                + $"of {Counted.Of(result.PairsSent, "pair")} sent"
                + (result.BadLines.Count > 0 ? $"; {Counted.Of(result.BadLines.Count, "bad line")} skipped." : ".")));
        }
    }

    private void WriteJson(string memory, List<ImportFileResult> results) =>
        JsonOutput.Write(_context.StdOut, json =>
        {
            json.WriteStartObject();
            json.WriteString("memory", memory);
            json.WriteNumber("pairsStored", results.Sum(r => r.PairsStored));
            json.WriteNumber("pairsSkippedDuplicate", results.Sum(r => r.PairsSkippedDuplicate));
            json.WriteStartArray("files");
            foreach (var result in results)
            {
                result.WriteJson(json);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
}
