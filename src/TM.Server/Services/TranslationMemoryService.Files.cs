using System.Globalization;
using System.Threading.Channels;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using TM.Interchange;
using TM.Protos.V1;
using TM.Server.Interchange;
using TM.Server.Memory;
using TM.Server.Security;
using TM.Storage;

namespace TM.Server.Services;

// The file RPCs: ImportFile and ImportTmx (uploads parsed as they arrive), ExportTmx and ListImports.
public sealed partial class TranslationMemoryService
{
    /// <inheritdoc />
    [Authorize(Policy = AccessPolicies.Write)]
    public override async Task ImportFile(IAsyncStreamReader<ImportFileRequest> requestStream, IServerStreamWriter<ImportProgress> responseStream, ServerCallContext context)
    {
        AnswerUncompressed(context);
        var cancellationToken = context.CancellationToken;
        if (!await requestStream.MoveNext(cancellationToken))
            throw Invalid.Argument("The ImportFile stream is empty: send the file's bytes in 'chunk', the first message also carrying 'memory' and 'file_name'.");
        var first = requestStream.Current;
        var caller = Authorized(context, AccessRole.Write, first.Memory);
        using var slot = _imports.Enter();
        var fileName = ImportRequests.FileName(first.FileName, "upload");
        var policy = ImportRequests.Policy(first.UpdatePolicy);
        var side = ImportRequests.SourceSide(first.SourceLang);
        if (first.TotalBytes < 0)
            throw Invalid.Argument($"total_bytes is {first.TotalBytes}; send the file's size, or 0 when it is not known.");
        var format = ImportRequests.Format(first.Format) ?? ImportFormatDetector.FromFileName(fileName);

        var upload = new Upload<ImportFileRequest>(new IdleLimitedStreamReader<ImportFileRequest>(requestStream, RequestLimits.ImportIdleTimeout), first, static m => m.Chunk);
        if (format is null)
        {
            format = ImportFormatDetector.Sniff(await upload.PeekAsync(ImportFormatDetector.SniffLength, cancellationToken))
                ?? throw Invalid.Argument($"{fileName}: neither its name nor its first bytes say whether it is TMX, XLIFF, TSV or CSV; set 'format' (tmx, xliff, tsv or csv).");
        }
        else if (format == ImportFileFormat.Xliff)
        {
            format = ImportFormatDetector.WithXliffVersion(format.Value, await upload.PeekAsync(ImportFormatDetector.SniffLength, cancellationToken));
        }

        if (first.ResumeImportId < 0)
            throw Invalid.Argument($"resume_import_id is {first.ResumeImportId.ToString(CultureInfo.InvariantCulture)}; use the import_id of an interrupted import, or 0 for a new import.");
        var (resume, counts) = first.ResumeImportId == 0
            ? (null, null)
            : _catalog.ResumeImport(first.ResumeImportId, first.Memory, format == ImportFileFormat.Tmx ? ImportKind.Tmx : ImportKind.Segments,
                first.UpdatePolicy == TM.Protos.V1.UpdatePolicy.Unspecified ? null : policy, caller.Name);
        var settings = new FileImportSettings(first.Memory, fileName, format.Value, policy, side, _options.ImportBatchSize, resume, counts, caller.Name);

        // Progress goes out from one task, in commit order; the commit thread never waits for the network. One
        // message per batch, so even a client that reads nothing until it has sent everything leaves little here.
        var progress = Channel.CreateUnbounded<FileImportProgress>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var job = new FileImportJob(_catalog, settings, p => progress.Writer.TryWrite(p));
        var writing = WriteProgressAsync(progress.Reader, responseStream, () => upload.BytesReceived, first.TotalBytes);
        try
        {
            var final = await job.RunAsync(upload.CopyToAsync, cancellationToken, _stopping);
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
    [Authorize(Policy = AccessPolicies.Write)]
    public override async Task<ImportTmxResponse> ImportTmx(IAsyncStreamReader<ImportTmxRequest> requestStream, ServerCallContext context)
    {
        AnswerUncompressed(context);
        var cancellationToken = context.CancellationToken;
        if (!await requestStream.MoveNext(cancellationToken))
            throw Invalid.Argument("The ImportTmx stream is empty: send the file's bytes in 'chunk', the first message also carrying 'memory' and 'file_name'.");
        var first = requestStream.Current;
        var caller = Authorized(context, AccessRole.Write, first.Memory);
        using var slot = _imports.Enter();
        var fileName = ImportRequests.FileName(first.FileName, "upload.tmx");
        var settings = new FileImportSettings(
            first.Memory, fileName, ImportFileFormat.Tmx, ImportRequests.Policy(first.UpdatePolicy), ImportRequests.SourceSide(first.SourceLang), _options.ImportBatchSize,
            CreatedBy: caller.Name);
        var job = new FileImportJob(_catalog, settings, onCommitted: null);
        var upload = new Upload<ImportTmxRequest>(new IdleLimitedStreamReader<ImportTmxRequest>(requestStream, RequestLimits.ImportIdleTimeout), first, static m => m.Chunk);
        var final = await job.RunAsync(upload.CopyToAsync, cancellationToken, _stopping);

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
    [Authorize(Policy = AccessPolicies.Read)]
    public override async Task ExportTmx(ExportTmxRequest request, IServerStreamWriter<ExportTmxChunk> responseStream, ServerCallContext context)
    {
        var memory = FindMemory(context, request.Memory);
        await using var output = new ExportChunkStream<ExportTmxChunk>(responseStream, static chunk => new ExportTmxChunk { Chunk = chunk }, context.CancellationToken);
        await TmxExport.WriteAsync(_catalog, memory, output, context.CancellationToken);
    }

    /// <inheritdoc />
    [Authorize(Policy = AccessPolicies.Read)]
    public override Task<ListImportsResponse> ListImports(ListImportsRequest request, ServerCallContext context)
    {
        var caller = Listing(context, request.Memory);
        var response = new ListImportsResponse();
        foreach (var record in _catalog.ListImports(request.Memory, caller.CanUse))
        {
            if (!caller.CanUse(record.Memory))
                continue;
            response.Imports.Add(new TM.Protos.V1.ImportRecord
            {
                ImportId = record.Id,
                Memory = record.Memory,
                Kind = record.Kind,
                Name = record.Name,
                PairsStored = record.PairsStored,
                PairsSkipped = record.PairsSkipped,
                Created = Timestamps.Rfc3339(record.Created),
                Status = StoredNames.Of(_catalog.EffectiveStatus(record)),
                UpdatePolicy = StoredNames.Of(record.Policy),
                PairsUpdated = record.PairsUpdated,
                PairsKeptExisting = record.PairsKeptExisting,
                UnitsCommitted = record.SourcePosition,
                Batches = record.Batches,
                Message = record.Message,
                Finished = record.Completed is { } finished ? Timestamps.Rfc3339(finished) : "",
                CreatedBy = record.CreatedBy,
            });
        }
        return Task.FromResult(response);
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
}
