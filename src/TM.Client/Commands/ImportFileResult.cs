using System.Text.Json;
using TM.Client.Input;
using TM.Client.Output;
using TM.Protos.V1;

namespace TM.Client.Commands;

/// <summary>What happened to one file of a <c>tm import</c>, for the per-file report and the JSON document.</summary>
internal sealed class ImportFileResult(string path)
{
    /// <summary>The file as the user named it.</summary>
    public string Path { get; } = path;

    /// <summary><c>document</c> (ImportDocument), <c>segments</c> (TSV through ImportSegments) or <c>tmx</c> (ImportTmx); null when the file was never read.</summary>
    public string? Kind { get; set; }

    /// <summary>The server's answer for a parallel document.</summary>
    public ImportDocumentResponse? Document { get; set; }

    /// <summary>The server's answer for a TSV file.</summary>
    public ImportSegmentsResponse? Segments { get; set; }

    /// <summary>The server's answer for a TMX file.</summary>
    public ImportTmxResponse? Tmx { get; set; }

    /// <summary>Pairs sent on the stream (TSV only).</summary>
    public int PairsSent { get; set; }

    /// <summary>True when the TSV's Korean column is the first one (TSV only).</summary>
    public bool? KoreanFirst { get; set; }

    /// <summary>TSV lines skipped, with why.</summary>
    public IReadOnlyList<TsvLineError> BadLines { get; set; } = [];

    /// <summary>Why the file was not imported, when it was not.</summary>
    public string? Error { get; set; }

    /// <summary>The gRPC status name when the server refused the file, e.g. INVALID_ARGUMENT.</summary>
    public string? ErrorCode { get; set; }

    /// <summary>The file's contribution to the exit code.</summary>
    public int ExitCode => ErrorCode is not null ? ExitCodes.ServerError
        : Error is not null || BadLines.Count > 0 ? ExitCodes.InputError
        : ExitCodes.Success;

    /// <summary>Pairs the server stored from this file.</summary>
    public int PairsStored => Document?.PairsStored ?? Segments?.PairsStored ?? Tmx?.PairsStored ?? 0;

    /// <summary>Pairs the server already had.</summary>
    public int PairsSkippedDuplicate => Document?.PairsSkippedDuplicate ?? Segments?.PairsSkippedDuplicate ?? Tmx?.PairsSkippedDuplicate ?? 0;

    /// <summary>True when the server answered for this file.</summary>
    public bool Imported => Document is not null || Segments is not null || Tmx is not null;

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

        json.WriteString("status", Imported ? "imported" : ErrorCode is not null ? "failed" : "skipped");
        json.WriteNumber("pairsStored", PairsStored);
        json.WriteNumber("pairsSkippedDuplicate", PairsSkippedDuplicate);
        if (Document is { } document)
        {
            json.WriteNumber("linesDropped", document.LinesDropped);
            JsonOutput.WriteStrings(json, "droppedLines", document.DroppedLines);
            json.WriteNumber("unpairedSentences", document.UnpairedSentences);
            json.WriteNumber("koSentences", document.KoSentences);
            json.WriteNumber("enSentences", document.EnSentences);
        }

        if (Tmx is { } tmx)
        {
            json.WriteNumber("unitsRead", tmx.UnitsRead);
            json.WriteNumber("skippedOtherLanguages", tmx.SkippedOtherLanguages);
            json.WriteNumber("skippedMissingKorean", tmx.SkippedMissingKorean);
            json.WriteNumber("skippedMissingEnglish", tmx.SkippedMissingEnglish);
            json.WriteNumber("skippedEmpty", tmx.SkippedEmpty);
            json.WriteNumber("batchesCommitted", tmx.BatchesCommitted);
        }

        if (Kind == "segments")
        {
            json.WriteNumber("pairsSent", PairsSent);
            if (KoreanFirst is { } koreanFirst)
            {
                json.WriteString("columns", koreanFirst ? "ko,en" : "en,ko");
            }

            json.WriteStartArray("badLines");
            foreach (var bad in BadLines)
            {
                json.WriteStartObject();
                json.WriteNumber("line", bad.Line);
                json.WriteString("reason", bad.Reason);
                json.WriteEndObject();
            }

            json.WriteEndArray();
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
}
