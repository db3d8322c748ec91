using System.Text.Json;
using TM.Client.Import;
using TM.Client.Output;
using Grpc.Core;
using TM.Protos.V1;

namespace TM.Client.Commands;

/// <summary>What happened to one file of a <c>tm import</c>, for the per-file report and the JSON document.</summary>
internal sealed class ImportFileResult(string path)
{
    /// <summary>The file as the user named it.</summary>
    public string Path { get; } = path;

    /// <summary><c>document</c> (ImportDocument), <c>tmx</c>, <c>tsv</c> or <c>csv</c> (ImportFile); null when the file was never read.</summary>
    public string? Kind { get; set; }

    /// <summary>The server's answer for a parallel document.</summary>
    public ImportDocumentResponse? Document { get; set; }

    /// <summary>How a TMX, TSV or CSV file's import ended.</summary>
    public FileImportOutcome? File { get; set; }

    /// <summary>Why the file was not imported (or not wholly), when it was not.</summary>
    public string? Error { get; set; }

    /// <summary>The gRPC status name when the server refused the file or the call broke, e.g. INVALID_ARGUMENT.</summary>
    public string? ErrorCode { get; set; }

    /// <summary>The command that carries on with an interrupted import; null when there is nothing to resume.</summary>
    public string? ResumeCommand { get; set; }

    /// <summary>The file's contribution to the exit code.</summary>
    public int ExitCode => File?.Status switch
    {
        FileImportStatus.Cancelled => ExitCodes.Cancelled,
        FileImportStatus.Interrupted when File.Error?.StatusCode == StatusCode.Unavailable => ExitCodes.Unavailable,
        FileImportStatus.Interrupted or FileImportStatus.Failed => ExitCodes.ServerError,
        _ => ErrorCode is not null ? ExitCodes.ServerError : Error is not null ? ExitCodes.InputError : ExitCodes.Success,
    };

    /// <summary>True when the server took the whole file.</summary>
    public bool Imported => Document is not null || File?.Status == FileImportStatus.Completed;

    /// <summary>True when the import stopped midway and the remaining files were not started.</summary>
    public bool Stopped => File?.Status is FileImportStatus.Interrupted or FileImportStatus.Cancelled;

    /// <summary>The server's counts for this file: the document's answer or the last acknowledgment (zeros when there is neither).</summary>
    public (long Stored, long Duplicates, long Updated, long Kept) Pairs =>
        Document is { } d ? (d.PairsStored, d.PairsSkippedDuplicate, d.PairsUpdated, d.PairsKeptExisting)
        : File?.Last is { } p ? (p.PairsStored, p.PairsSkippedDuplicate, p.PairsUpdated, p.PairsKeptExisting)
        : default;

    /// <summary>The import's record on the server; 0 when none is known.</summary>
    public long ImportId => Document?.ImportId ?? File?.ImportId ?? 0;

    /// <summary>Writes this result as one JSON object.</summary>
    public void WriteJson(Utf8JsonWriter json)
    {
        ArgumentNullException.ThrowIfNull(json);
        json.WriteStartObject();
        json.WriteString("file", Path);
        if (Kind is null)
        {
            json.WriteNull("kind");
        }
        else
        {
            json.WriteString("kind", Kind);
        }

        json.WriteString("status", Imported ? "imported"
            : File?.Status == FileImportStatus.Interrupted ? "interrupted"
            : File?.Status == FileImportStatus.Cancelled ? "cancelled"
            : ErrorCode is not null ? "failed"
            : "skipped");
        if (ImportId > 0)
        {
            json.WriteNumber("importId", ImportId);
        }

        var (stored, duplicates, updated, kept) = Pairs;
        json.WriteNumber("pairsStored", stored);
        json.WriteNumber("pairsSkippedDuplicate", duplicates);
        json.WriteNumber("pairsUpdated", updated);
        json.WriteNumber("pairsKeptExisting", kept);
        if (Document is { } document)
        {
            json.WriteNumber("linesDropped", document.LinesDropped);
            JsonOutput.WriteStrings(json, "droppedLines", document.DroppedLines);
            json.WriteNumber("unpairedSentences", document.UnpairedSentences);
            json.WriteNumber("koSentences", document.KoSentences);
            json.WriteNumber("enSentences", document.EnSentences);
        }

        if (File is { } file)
        {
            if (file.Last is { } last)
            {
                WriteProgress(json, "progress", last);
            }

            json.WriteNumber("elapsedSeconds", Math.Round(file.Elapsed.TotalSeconds, 3));
            json.WriteNumber("segmentsPerSecond", Math.Round(file.UnitsPerSecond));
            json.WriteNumber("calls", file.Calls);
        }

        if (ResumeCommand is not null)
        {
            json.WriteString("resumeCommand", ResumeCommand);
        }

        if (Error is not null)
        {
            json.WriteStartObject("error");
            if (ErrorCode is not null)
            {
                json.WriteString("code", ErrorCode);
            }

            json.WriteString("message", Error);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    /// <summary>Writes every field of <paramref name="progress"/>, zeros included, as a camelCase object.</summary>
    public static void WriteProgress(Utf8JsonWriter json, string name, ImportProgress progress)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(progress);
        json.WriteStartObject(name);
        json.WriteNumber("importId", progress.ImportId);
        json.WriteNumber("unitsRead", progress.UnitsRead);
        json.WriteNumber("unitsCommitted", progress.UnitsCommitted);
        json.WriteNumber("pairsStored", progress.PairsStored);
        json.WriteNumber("pairsSkippedDuplicate", progress.PairsSkippedDuplicate);
        json.WriteNumber("pairsUpdated", progress.PairsUpdated);
        json.WriteNumber("pairsKeptExisting", progress.PairsKeptExisting);
        json.WriteNumber("unitsSkipped", progress.UnitsSkipped);
        json.WriteNumber("bytesReceived", progress.BytesReceived);
        json.WriteNumber("totalBytes", progress.TotalBytes);
        json.WriteNumber("batchesCommitted", progress.BatchesCommitted);
        json.WriteNumber("unitsResumed", progress.UnitsResumed);
        json.WriteBoolean("completed", progress.Completed);
        json.WriteEndObject();
    }
}
