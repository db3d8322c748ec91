using System.CommandLine;
using Spectre.Console;
using TM.Client.Import;
using TM.Client.Input;
using TM.Client.Output;
using Grpc.Core;
using TM.Protos.V1;

namespace TM.Client.Commands;

/// <summary>
/// <c>tm import &lt;files…&gt;</c>: TMX, XLIFF 2.0 and 1.2, TSV and CSV files are streamed to ImportFile, which parses them on the
/// server, acknowledges every committed batch (driving the progress display) and can be resumed; parallel
/// documents go whole to ImportDocument, which splits and aligns them. Each file is reported as it is done; a file
/// that cannot be read or that the server refuses does not stop the others. A broken connection is retried with
/// resume; when that fails, or on Ctrl+C, the command stops and prints the <c>--resume</c> command that carries on.
/// </summary>
internal sealed class ImportCommand : ServerCommand
{
    // The deadline covers one whole call, and a bulk import of millions of units is one call.
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromHours(1);

    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(1);

    // 1 + 2 + 4 + 8 + 16 s: room for a server that was killed to be restarted and to open a large memory.
    private const int DefaultRetries = 5;

    private readonly Argument<string[]> _files = new("files")
    {
        Description = "TMX files, translated XLIFF 2.0 or 1.2 files (*.xlf), TSV/CSV files of aligned pairs (*.tsv, *.csv, or one tab per line), or parallel documents (Korean and English blocks, UTF-8)",
        Arity = ArgumentArity.OneOrMore,
    };

    private readonly Option<string?> _policy = new("--policy")
    {
        Description = "For a source sentence the memory already holds with another translation: add-alternative (store both), keep-existing, or overwrite [default: add-alternative]",
        HelpName = "policy",
    };

    private readonly Option<string?> _sourceLang = new("--source-lang")
    {
        Description = "The side --policy compares, ko or en [default: a TMX or XLIFF file's source language, else ko]",
        HelpName = "lang",
    };

    private readonly Option<long?> _resume = new("--resume")
    {
        Description = "Carry on with an interrupted import of this file (its id is printed when it stops, and listed by `tm imports`); the file is sent again from its start and what was committed is skipped",
        HelpName = "import-id",
    };

    private readonly Option<int?> _retries = new("--retries")
    {
        Description = $"Times to resume by itself when the connection breaks, waiting 1, 2, 4… s [default: {DefaultRetries}; 0 never]",
        HelpName = "n",
    };

    public ImportCommand(CliContext context, CommonOptions common)
        : base("import", "Imports TMX and XLIFF (2.0, 1.2) files, TSV/CSV pair files and parallel documents into a translation memory", context, common, DefaultTimeout)
    {
        _policy.AcceptOnlyFromAmong([.. UpdatePolicyNames.All]);
        _sourceLang.AcceptOnlyFromAmong("ko", "en");
        _resume.CustomParser = NumberParser.For<long>(id => id > 0, "--resume takes the id of an import, a whole number greater than 0;");
        _retries.CustomParser = NumberParser.For<int>(retries => retries is >= 0 and <= 10, "--retries must be a whole number between 0 and 10;");
        Validators.Add(result =>
        {
            // Token counts, not values: a value that does not parse has its own error, and GetValue would throw on it.
            if (result.GetResult(_resume) is not null && result.GetResult(_files)?.Tokens.Count is not 1)
            {
                result.AddError("--resume carries on with one import: name exactly one file.");
            }
        });

        Add(_files);
        Add(_policy);
        Add(_sourceLang);
        Add(_resume);
        Add(_retries);
    }

    protected override async Task<int> RunAsync(ParseResult parseResult, ServerConnection connection, CancellationToken cancellationToken)
    {
        var json = WantsJson(parseResult);
        var files = parseResult.GetRequiredValue(_files);
        var results = new List<ImportFileResult>();
        foreach (var path in files)
        {
            var result = await ImportFileAsync(path, parseResult, connection, cancellationToken);
            results.Add(result);

            // Problems go to stderr in both modes, so `--json > out.json` still tells the person at the terminal.
            ReportProblems(result);
            if (!json)
            {
                Report(result);
            }

            if (result.Stopped)
            {
                var notStarted = files.Skip(results.Count).ToList();
                if (notStarted.Count > 0)
                {
                    Context.WriteErrorLine(Markup.Escape($"Not started: {string.Join(", ", notStarted)}."));
                }

                break;
            }
        }

        if (json)
        {
            WriteJson(MemoryOf(parseResult), results);
        }
        else if (results.Count > 1)
        {
            var imported = results.Count(r => r.Imported);
            Context.WriteLine(Markup.Escape(
                $"Imported {imported} of {Counted.Of(files.Length, "file")}: {Counted.Of(results.Sum(r => r.Pairs.Stored), "pair")} stored, "
                + $"{Counted.Of(results.Sum(r => r.Pairs.Duplicates), "duplicate")} skipped."));
        }

        // Ctrl+C and a lost server outrank a refusal, which outranks a bad input file: each is what a script most
        // needs to notice of the ones that happened.
        int[] precedence = [ExitCodes.Cancelled, ExitCodes.Unavailable, ExitCodes.ServerError, ExitCodes.InputError];
        return precedence.FirstOrDefault(code => results.Any(r => r.ExitCode == code), ExitCodes.Success);
    }

    private async Task<ImportFileResult> ImportFileAsync(string path, ParseResult parseResult, ServerConnection connection, CancellationToken cancellationToken)
    {
        var result = new ImportFileResult(path);
        var memory = MemoryOf(parseResult);
        var policy = UpdatePolicyNames.Parse(parseResult.GetValue(_policy));
        var resume = parseResult.GetValue(_resume) ?? 0;
        try
        {
            var format = InputFormatDetector.Detect(path);
            if (format == InputFormat.Document)
            {
                result.Kind = "document";
                if (resume > 0)
                {
                    throw new InputFileException(path, 0, "is a parallel document, which is imported in one call: --resume applies to TMX, TSV and CSV files.");
                }

                if (parseResult.GetValue(_sourceLang) is not null)
                {
                    Context.WriteWarning($"{path}: --source-lang does not apply to a parallel document, whose Korean sentences are compared.");
                }

                var text = DocumentFileReader.ReadAllText(path);
                var request = new ImportDocumentRequest { Memory = memory, Name = Path.GetFileName(path), Text = text, UpdatePolicy = policy };
                result.Document = await connection.TranslationMemory.ImportDocumentAsync(request, deadline: connection.Deadline(), cancellationToken: cancellationToken);
                return result;
            }

            result.Kind = format.ToString().ToLowerInvariant();
            var fileRequest = new FileImportRequest(path, format, memory, policy, parseResult.GetValue(_sourceLang) ?? "", resume);
            FileImportOutcome outcome;
            await using (var view = await ImportProgressViews.CreateAsync(Context, WantsJson(parseResult), Path.GetFileName(path)))
            {
                var importer = new FileImporter(connection, view, parseResult.GetValue(_retries) ?? DefaultRetries, FirstRetryDelay);
                outcome = await importer.ImportAsync(fileRequest, cancellationToken);
            }

            result.File = outcome;
            if (outcome.Error is { } error)
            {
                result.ErrorCode = ServerConnection.StatusName(error.StatusCode);
                result.Error = error.StatusCode == StatusCode.Unavailable ? connection.DescribeUnavailable(error) : connection.Describe(error);
            }

            if (outcome.Resumable)
            {
                result.ResumeCommand = ResumeCommandLine.For(
                    path, outcome.ImportId, memory, parseResult.GetValue(_sourceLang), parseResult.GetValue(Common.Server));
            }
        }
        catch (InputFileException ex)
        {
            result.Error = ex.Message;
        }
        catch (RpcException ex) when (ex.StatusCode is not (StatusCode.Unavailable or StatusCode.Cancelled))
        {
            // Unavailable and Cancelled of a document end the whole command (ServerConnection reports them);
            // anything else is about this file, and the next file may well go through.
            result.ErrorCode = ServerConnection.StatusName(ex.StatusCode);
            result.Error = connection.Describe(ex);
        }

        return result;
    }

    private void ReportProblems(ImportFileResult result)
    {
        var outcome = result.File;
        if (outcome?.Status is FileImportStatus.Interrupted or FileImportStatus.Cancelled)
        {
            var what = (outcome.ImportId, outcome.Last) switch
            {
                (> 0, { } last) => $"import {outcome.ImportId} of {result.Path} has {Counted.Of(last.UnitsCommitted, "segment")} committed",
                (> 0, null) => $"import {outcome.ImportId} of {result.Path} stopped before the server acknowledged anything in this run",
                _ => $"nothing of {result.Path} was committed",
            };
            if (outcome.Status == FileImportStatus.Cancelled)
            {
                Context.WriteErrorLine(Markup.Escape($"Cancelled: {what}."));
            }
            else
            {
                Context.WriteError($"{result.Path}: {result.Error} The import stopped: {what}.");
            }

            Context.WriteErrorLine(result.ResumeCommand is { } resume
                ? "To carry on where it stopped, run:\n  " + Markup.Escape(resume)
                : "Run the same command again to import the file.");
            return;
        }

        if (result.Error is not null)
        {
            // A damaged file's INVALID_ARGUMENT already says what the batches before the error committed.
            Context.WriteError(result.ErrorCode is null ? $"{result.Error} Skipped the file." : $"{result.Path}: {result.Error}");
        }
    }

    private void Report(ImportFileResult result)
    {
        var name = Markup.Escape(result.Path);
        if (result.Document is { } document)
        {
            Context.WriteLine($"[bold]{name}[/] (document, import {document.ImportId}): " + Markup.Escape(
                $"{Counted.Of(document.PairsStored, "pair")} stored, {Counted.Of(document.PairsSkippedDuplicate, "duplicate")} skipped, "
                + PolicyCounts(document.PairsUpdated, document.PairsKeptExisting)
                + $"{Counted.Of(document.UnpairedSentences, "unpaired sentence")}, {Counted.Of(document.LinesDropped, "line")} dropped as noise "
                + $"({Counted.Of(document.KoSentences, "Korean sentence")}, {Counted.Of(document.EnSentences, "English sentence")})."));
            foreach (var line in document.DroppedLines)
            {
                Context.WriteLine("  [dim]dropped:[/] " + Markup.Escape(line));
            }
        }
        else if (result is { File: { Status: FileImportStatus.Completed, Last: { } final } outcome })
        {
            var resumed = outcome.UnitsCommittedBefore > 0 ? $", carrying on after {Counted.Of(outcome.UnitsCommittedBefore, "unit")} committed earlier" : "";
            var retried = outcome.Calls > 1 ? $", {Counted.Of(outcome.Calls - 1, "retry", "retries")} after the connection broke" : "";
            Context.WriteLine($"[bold]{name}[/] ({result.Kind!.ToUpperInvariant()}, import {final.ImportId}): " + Markup.Escape(
                $"{Counted.Of(final.PairsStored, "pair")} stored, {Counted.Of(final.PairsSkippedDuplicate, "duplicate")} skipped, "
                + PolicyCounts(final.PairsUpdated, final.PairsKeptExisting)
                + $"{Counted.Of(final.UnitsSkipped, "unit")} left out ({(result.Kind == "xliff" ? "not translated, or not Korean-English pairs" : "not Korean-English pairs")}); "
                + $"{Counted.Of(final.UnitsCommitted, "unit")} read, {Counted.Of(final.BatchesCommitted, "batch", "batches")} committed "
                + $"in {Quantities.Duration(outcome.Elapsed)} ({Quantities.Rate(outcome.UnitsPerSecond)} segments/s){resumed}{retried}."));
        }
    }

    // Only a policy other than the default produces these; zeros would be noise on every other line.
    private static string PolicyCounts(long updated, long kept) =>
        (updated > 0 ? $"{Counted.Of(updated, "translation")} updated, " : "") + (kept > 0 ? $"{Counted.Of(kept, "existing translation")} kept, " : "");

    private void WriteJson(string memory, List<ImportFileResult> results) =>
        WriteJson(json =>
        {
            json.WriteStartObject();
            json.WriteString("memory", memory);
            json.WriteNumber("pairsStored", results.Sum(r => r.Pairs.Stored));
            json.WriteNumber("pairsSkippedDuplicate", results.Sum(r => r.Pairs.Duplicates));
            json.WriteNumber("pairsUpdated", results.Sum(r => r.Pairs.Updated));
            json.WriteNumber("pairsKeptExisting", results.Sum(r => r.Pairs.Kept));
            json.WriteStartArray("files");
            foreach (var result in results)
            {
                result.WriteJson(json);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
}
