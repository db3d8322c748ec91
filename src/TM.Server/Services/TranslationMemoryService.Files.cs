using System.Globalization;
using System.Threading.Channels;
using Google.Protobuf;
using TM.Grpc;
using TM.Interchange;
using TM.Protos.V1;
using TM.Server.Interchange;
using TM.Server.Memory;
using TM.Storage;
using ImportRecord = TM.Storage.ImportRecord;

namespace TM.Server.Services;

// The file RPCs: ImportFile and ImportTmx (uploads parsed as they arrive), ExportTmx and ListImports.
public sealed partial class TranslationMemoryService
{
    /// <inheritdoc />
    public override async Task ImportFile(IAsyncStreamReader<ImportFileRequest> requestStream, IServerStreamWriter<ImportProgress> responseStream, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        if (!await requestStream.MoveNext(cancellationToken))
            throw Invalid.Argument("The ImportFile stream is empty: send the file's bytes in 'chunk', the first message also carrying 'memory' and 'file_name'.");
        var first = requestStream.Current;
        Invalid.CheckMemoryName(first.Memory);
        var fileName = ImportRequests.FileName(first.FileName, "upload");
        var policy = ImportRequests.Policy(first.UpdatePolicy);
        var side = ImportRequests.SourceSide(first.SourceLang);
        if (first.TotalBytes < 0)
            throw Invalid.Argument($"total_bytes is {first.TotalBytes}; send the file's size, or 0 when it is not known.");
        var format = ImportRequests.Format(first.Format) ?? ImportFormatDetector.FromFileName(fileName);

        var upload = new Upload<ImportFileRequest>(requestStream, first, static m => m.Chunk);
        if (format is null)
        {
            format = ImportFormatDetector.Sniff(await upload.PeekAsync(ImportFormatDetector.SniffLength, cancellationToken))
                ?? throw Invalid.Argument($"{fileName}: neither its name nor its first bytes say whether it is TMX, TSV or CSV; set 'format'.");
        }

        var (resume, counts) = first.ResumeImportId == 0 ? (null, null) : Resume(first.ResumeImportId, first.Memory, format.Value, policy, first.UpdatePolicy != TM.Protos.V1.UpdatePolicy.Unspecified);
        var settings = new FileImportSettings(first.Memory, fileName, format.Value, policy, side, _options.ImportBatchSize, resume, counts);

        // Progress goes out from one task, in commit order; the commit thread never waits for the network. One
        // message per batch, so even a client that reads nothing until it has sent everything leaves little here.
        var progress = Channel.CreateUnbounded<FileImportProgress>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var job = new FileImportJob(_catalog, settings, p => progress.Writer.TryWrite(p));
        var writing = WriteProgressAsync(progress.Reader, responseStream, () => upload.BytesReceived, first.TotalBytes);
        try
        {
            var final = await RunUploadAsync(job, upload, cancellationToken, _stopping);
            progress.Writer.TryWrite(final);
        }
        finally
        {
            progress.Writer.TryComplete();
            // Every acknowledgment of a commit goes out, also before an error status.
            await writing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        await writing;
    }

    /// <inheritdoc />
    public override async Task<ImportTmxResponse> ImportTmx(IAsyncStreamReader<ImportTmxRequest> requestStream, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        if (!await requestStream.MoveNext(cancellationToken))
            throw Invalid.Argument("The ImportTmx stream is empty: send the file's bytes in 'chunk', the first message also carrying 'memory' and 'file_name'.");
        var first = requestStream.Current;
        Invalid.CheckMemoryName(first.Memory);
        var fileName = ImportRequests.FileName(first.FileName, "upload.tmx");
        var settings = new FileImportSettings(
            first.Memory, fileName, ImportFileFormat.Tmx, ImportRequests.Policy(first.UpdatePolicy), ImportRequests.SourceSide(first.SourceLang), _options.ImportBatchSize);
        var job = new FileImportJob(_catalog, settings, onCommitted: null);
        var final = await RunUploadAsync(job, new Upload<ImportTmxRequest>(requestStream, first, static m => m.Chunk), cancellationToken, _stopping);

        var statistics = job.Statistics!;
        return new ImportTmxResponse
        {
            UnitsRead = statistics.UnitsRead,
            PairsStored = (int)final.Committed.PairsStored,
            PairsSkippedDuplicate = (int)final.Committed.PairsSkippedDuplicate,
            PairsUpdated = (int)final.Committed.PairsUpdated,
            PairsKeptExisting = (int)final.Committed.PairsKeptExisting,
            SkippedOtherLanguages = statistics.Skipped(SkipReason.OtherLanguages),
            SkippedMissingKorean = statistics.Skipped(SkipReason.MissingKorean),
            SkippedMissingEnglish = statistics.Skipped(SkipReason.MissingEnglish),
            SkippedEmpty = statistics.Skipped(SkipReason.EmptySegment),
            BatchesCommitted = final.Committed.BatchesCommitted,
            ImportId = final.ImportId,
        };
    }

    /// <inheritdoc />
    public override async Task ExportTmx(ExportTmxRequest request, IServerStreamWriter<ExportTmxChunk> responseStream, ServerCallContext context)
    {
        var memory = FindMemory(request.Memory);
        var cancellationToken = context.CancellationToken;
        await using var output = new ExportChunkStream(responseStream, cancellationToken);
        await using var writer = new TmxWriter(output);
        // ReadAll streams from SQLite in id order: one unit in memory at a time, plus the writer's 64 KB.
        foreach (var segment in _catalog.Store.ReadAll(memory.Info.Id))
        {
            TranslationUnit unit;
            try
            {
                unit = TmxSegmentMapper.ToUnit(segment);
                await writer.WriteUnitAsync(unit, cancellationToken);
            }
            catch (Exception e) when (e is FormatException or ArgumentException)
            {
                // The chunks sent so far do not end the file, so the client cannot mistake them for a complete export.
                throw new RpcException(new Status(StatusCode.FailedPrecondition,
                    $"Segment {segment.Id.ToString(CultureInfo.InvariantCulture)} of memory '{memory.Info.Name}' cannot be written as TMX: {e.Message}"));
            }
        }
        await writer.CompleteAsync(cancellationToken);
    }

    /// <inheritdoc />
    public override Task<ListImportsResponse> ListImports(ListImportsRequest request, ServerCallContext context)
    {
        var memory = MemoryOrAll(request.Memory);
        var response = new ListImportsResponse();
        foreach (var record in _catalog.Store.ListImports(memory))
        {
            response.Imports.Add(new TM.Protos.V1.ImportRecord
            {
                ImportId = record.Id,
                Memory = record.Memory,
                Kind = record.Kind,
                Name = record.Name,
                PairsStored = record.PairsStored,
                PairsSkipped = record.PairsSkipped,
                Created = Rfc3339(record.Created),
                Status = ImportRequests.Name(_catalog.EffectiveStatus(record)),
                UpdatePolicy = ImportRequests.Name(record.Policy),
                PairsUpdated = record.PairsUpdated,
                PairsKeptExisting = record.PairsKeptExisting,
                UnitsCommitted = record.SourcePosition,
                Batches = record.Batches,
                Message = record.Message,
                Finished = record.Completed is { } finished ? Rfc3339(finished) : "",
            });
        }
        return Task.FromResult(response);
    }

    /// <summary>
    /// Checks that an import can be resumed by this call and takes it up: NOT_FOUND for an unknown id,
    /// INVALID_ARGUMENT for another memory or format, FAILED_PRECONDITION for a completed or running one.
    /// </summary>
    private (ImportRun Run, ImportCounts Counts) Resume(long importId, string memory, ImportFileFormat format, TM.Storage.UpdatePolicy policy, bool policyGiven)
    {
        var id = importId.ToString(CultureInfo.InvariantCulture);
        if (importId < 0)
            throw Invalid.Argument($"resume_import_id is {id}; use the import_id of an interrupted import, or 0 for a new import.");
        var record = _catalog.Store.FindImport(importId)
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"Import {id} does not exist; see ListImports for the imports this server has."));
        var memoryName = SegmentStore.NormalizeMemoryName(memory);
        if (!string.Equals(record.Memory, memoryName, StringComparison.Ordinal))
            throw Invalid.Argument($"Import {id} went into memory '{record.Memory}', not '{memoryName}'; resume it with memory '{record.Memory}'.");
        var kind = format == ImportFileFormat.Tmx ? "tmx" : "segments";
        if (!string.Equals(record.Kind, kind, StringComparison.Ordinal))
            throw Invalid.Argument($"Import {id} read a {record.Kind} file, and this one is {format.ToString().ToUpperInvariant()}: resume it with the same file.");
        if (policyGiven && record.Policy != policy)
            throw Invalid.Argument($"Import {id} runs with update policy {ImportRequests.Name(record.Policy)}; a resumed import keeps its policy (leave update_policy unset).");
        if (record.Status == ImportStatus.Completed)
            throw new RpcException(new Status(StatusCode.FailedPrecondition, $"Import {id} is complete: there is nothing to resume. Re-importing the file adds nothing that is already stored."));
        try
        {
            var run = _catalog.ResumeImport(importId, record.Memory);
            var counts = new ImportCounts(record.SourcePosition, record.PairsStored, record.PairsSkipped, record.PairsUpdated, record.PairsKeptExisting, record.Batches);
            return (run, counts);
        }
        catch (InvalidOperationException e)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, e.Message));
        }
    }

    /// <summary>Feeds the upload into the job while it runs and maps a damaged file to INVALID_ARGUMENT.</summary>
    private static async Task<FileImportProgress> RunUploadAsync<TRequest>(FileImportJob job, Upload<TRequest> upload, CancellationToken callAborted, CancellationToken serverStopping)
        where TRequest : class
    {
        // A shutdown stops the import at its next batch instead of letting it run on for minutes while the host waits:
        // what is committed stays, the import is left interrupted, and the client is told to resume it.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(callAborted, serverStopping);
        var cancellationToken = stop.Token;
        var running = job.RunAsync(cancellationToken);
        try
        {
            await upload.CopyToAsync(job.Input, cancellationToken);
            await job.Input.CompleteAsync();
        }
        catch (Exception e)
        {
            // The client went away or cancelled: stop the parser; the job records the import as interrupted.
            await job.Input.CompleteAsync(e);
        }

        try
        {
            return await running;
        }
        catch (OperationCanceledException) when (serverStopping.IsCancellationRequested && !callAborted.IsCancellationRequested)
        {
            throw ShuttingDown(job);
        }
        catch (Exception e) when (serverStopping.IsCancellationRequested && !callAborted.IsCancellationRequested && e is not (InterchangeFormatException or InvalidDataException or ArgumentException))
        {
            throw ShuttingDown(job);
        }
        catch (InterchangeFormatException e)
        {
            throw Invalid.Argument($"{e.Message} {Committed(job)}");
        }
        catch (InvalidDataException e)
        {
            throw Invalid.Argument(e.Message);
        }
        catch (ArgumentException e)
        {
            // A unit the store or index refuses; the readers' own checks make this rare.
            throw Invalid.Argument($"{e.Message} {Committed(job)}");
        }
    }

    private static async Task WriteProgressAsync(ChannelReader<FileImportProgress> progress, IServerStreamWriter<ImportProgress> responseStream, Func<long> bytesReceived, long totalBytes)
    {
        await foreach (var p in progress.ReadAllAsync())
        {
            await responseStream.WriteAsync(new ImportProgress
            {
                ImportId = p.ImportId,
                UnitsRead = p.UnitsRead,
                UnitsCommitted = p.Committed.UnitsCommitted,
                PairsStored = p.Committed.PairsStored,
                PairsSkippedDuplicate = p.Committed.PairsSkippedDuplicate,
                PairsUpdated = p.Committed.PairsUpdated,
                PairsKeptExisting = p.Committed.PairsKeptExisting,
                UnitsSkipped = p.UnitsSkipped,
                BytesReceived = bytesReceived(),
                TotalBytes = totalBytes,
                BatchesCommitted = p.Committed.BatchesCommitted,
                UnitsResumed = p.UnitsResumed,
                Completed = p.Completed,
            });
        }
    }

    private static RpcException ShuttingDown(FileImportJob job)
    {
        var resume = job.Run is { } run
            ? $"Import {run.Id.ToString(CultureInfo.InvariantCulture)} is interrupted with {Invalid.Count(job.Committed.UnitsCommitted)} units committed; send the same file again with resume_import_id = {run.Id.ToString(CultureInfo.InvariantCulture)} once the server is back."
            : "Nothing from this file was stored; send it again once the server is back.";
        return new RpcException(new Status(StatusCode.Unavailable, $"The server is shutting down. {resume}"));
    }

    private static string Committed(FileImportJob job)
    {
        var committed = job.Committed;
        if (committed.BatchesCommitted == 0)
            return "Nothing from this file was stored.";
        return $"The {Invalid.Count(committed.BatchesCommitted)} batches before the error committed {Invalid.Count(committed.UnitsCommitted)} units " +
            $"({Invalid.Count(committed.PairsStored)} pairs stored), which stay stored; the failing batch stored nothing.";
    }

    private static string Rfc3339(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
