using System.Globalization;
using System.IO.Pipelines;
using TM.Grpc;
using TM.Interchange;
using TM.Matching;
using TM.Protos.V1;
using TM.Server.Interchange;
using TM.Server.Memory;
using TM.Storage;
using TM.Text;

namespace TM.Server.Services;

/// <summary>
/// The <c>tm.v1.TranslationMemory</c> gRPC service: validates requests, maps them onto the
/// catalog, and turns bad input into INVALID_ARGUMENT / NOT_FOUND with an actionable message.
/// Anything unexpected propagates to the gRPC layer, which answers UNKNOWN and logs it.
/// </summary>
public sealed class TranslationMemoryService : TranslationMemory.TranslationMemoryBase
{
    private readonly TranslationMemoryCatalog _catalog;

    /// <summary>Creates the service over the server's catalog.</summary>
    public TranslationMemoryService(TranslationMemoryCatalog catalog) => _catalog = catalog;

    /// <inheritdoc />
    public override async Task<ImportDocumentResponse> ImportDocument(ImportDocumentRequest request, ServerCallContext context)
    {
        Invalid.CheckMemoryName(request.Memory);
        DocumentImport import;
        try
        {
            import = await _catalog.ImportDocumentAsync(request.Memory, request.Name, request.Text, context.CancellationToken);
        }
        catch (DocumentException e)
        {
            throw Invalid.Argument(Describe(request.Name, e));
        }
        var response = new ImportDocumentResponse
        {
            PairsStored = import.Outcome.Added.Count,
            PairsSkippedDuplicate = import.Outcome.SkippedDuplicates,
            LinesDropped = import.Alignment.DroppedLines.Count,
            KoSentences = import.Alignment.KoreanSentenceCount,
            EnSentences = import.Alignment.EnglishSentenceCount,
        };
        response.DroppedLines.AddRange(import.Alignment.DroppedLines);
        foreach (var bead in import.Alignment.Beads)
        {
            if (!bead.IsPair)
                response.UnpairedSentences += bead.Korean.Count + bead.English.Count;
        }
        return response;
    }

    /// <inheritdoc />
    public override Task<AlignDocumentResponse> AlignDocument(AlignDocumentRequest request, ServerCallContext context)
    {
        DocumentAlignment alignment;
        try
        {
            alignment = _catalog.Align(request.Memory, request.Text);
        }
        catch (DocumentException e)
        {
            throw Invalid.Argument(Describe(request.Name, e));
        }
        var response = new AlignDocumentResponse { LinesDropped = alignment.DroppedLines.Count };
        response.DroppedLines.AddRange(alignment.DroppedLines);
        foreach (var bead in alignment.Beads)
        {
            response.Pairs.Add(new AlignedPair
            {
                Ko = bead.KoreanText,
                En = bead.EnglishText,
                Confidence = bead.Confidence,
                KoSentenceCount = bead.Korean.Count,
                EnSentenceCount = bead.English.Count,
            });
        }
        return Task.FromResult(response);
    }

    /// <inheritdoc />
    public override async Task<ImportSegmentsResponse> ImportSegments(IAsyncStreamReader<ImportSegmentsRequest> requestStream, ServerCallContext context)
    {
        // The whole stream is one transaction: validate everything first, so a bad message on
        // line 90,000 leaves the memory exactly as it was.
        string? memory = null;
        string? importName = null;
        var pairs = new List<SegmentInput>();
        var received = 0;
        while (await requestStream.MoveNext(context.CancellationToken))
        {
            var message = requestStream.Current;
            received++;
            if (memory is null)
            {
                memory = message.Memory;
                Invalid.CheckMemoryName(memory);
            }
            if (message.Ko.Length == 0 && message.En.Length == 0 && received == 1)
                continue; // a header message carrying only the memory
            if (importName is null && message.Origin.Length > 0)
                importName = message.Origin;
            CheckPairSide(message.Ko, "ko", received);
            CheckPairSide(message.En, "en", received);
            pairs.Add(new SegmentInput(message.Ko.Trim(), message.En.Trim(), message.Origin, message.Note));
        }
        var outcome = pairs.Count == 0
            ? null
            : await _catalog.ImportAsync(memory, ImportKind.Segments, importName ?? "segments", pairs, context.CancellationToken);
        return new ImportSegmentsResponse
        {
            MessagesReceived = received,
            PairsStored = outcome?.Added.Count ?? 0,
            PairsSkippedDuplicate = outcome?.SkippedDuplicates ?? 0,
        };
    }

    /// <inheritdoc />
    public override Task<LookupResponse> Lookup(LookupRequest request, ServerCallContext context)
    {
        Invalid.CheckSentence(request.Text, "text to match");
        if (request.MaxResults < 0)
            throw Invalid.Argument($"max_results is {request.MaxResults}; use 1..{RequestLimits.MaxLookupResults}, or 0 for {RequestLimits.DefaultLookupResults}.");
        if (request.MinScore is < 0 or > 100 || double.IsNaN(request.MinScore))
            throw Invalid.Argument($"min_score is {request.MinScore}; use 0..100 (0 means {RequestLimits.DefaultMinScore}).");
        var side = ParseLanguage(request.SourceLang, "source_lang") ?? LanguageDetector.Detect(request.Text);
        var memory = FindMemory(request.Memory);
        var options = new MatchOptions
        {
            MaxResults = request.MaxResults == 0 ? RequestLimits.DefaultLookupResults : Math.Min(request.MaxResults, RequestLimits.MaxLookupResults),
            MinScore = request.MinScore == 0 ? RequestLimits.DefaultMinScore : request.MinScore,
        };

        IReadOnlyList<LookupHit> hits;
        try
        {
            hits = _catalog.Lookup(memory, request.Text, side, options);
        }
        catch (ArgumentException e)
        {
            // The analyzer rejects a query with nothing to match (only punctuation or symbols).
            throw Invalid.Argument(e.Message);
        }

        var response = new LookupResponse { SourceLang = side == SegmentSide.Korean ? "ko" : "en" };
        foreach (var hit in hits)
        {
            var korean = side == SegmentSide.Korean;
            response.Matches.Add(new Match
            {
                Source = korean ? hit.Segment.Korean : hit.Segment.English,
                Target = korean ? hit.Segment.English : hit.Segment.Korean,
                Score = Math.Round(hit.Score, 2),
                SegmentId = hit.Segment.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Origin = hit.Segment.Origin,
                LowConfidence = hit.Segment.LowConfidence,
            });
        }
        return Task.FromResult(response);
    }

    /// <inheritdoc />
    public override Task<ConcordanceResponse> Concordance(ConcordanceRequest request, ServerCallContext context)
    {
        var term = request.Term.Trim();
        if (term.Length == 0)
            throw Invalid.Argument("The concordance term is empty.");
        if (term.Length > 200)
            throw Invalid.Argument($"The concordance term is {Invalid.Count(term.Length)} characters long; the limit is 200. For whole sentences use Lookup.");
        if (request.MaxResults < 0)
            throw Invalid.Argument($"max_results is {request.MaxResults}; use 1..{RequestLimits.MaxConcordanceResults}, or 0 for {RequestLimits.DefaultConcordanceResults}.");
        var side = ParseLanguage(request.Lang, "lang");
        var memory = FindMemory(request.Memory);
        var max = request.MaxResults == 0 ? RequestLimits.DefaultConcordanceResults : Math.Min(request.MaxResults, RequestLimits.MaxConcordanceResults);

        var result = _catalog.Store.Concordance(memory.Info.Id, term, side, max);
        var response = new ConcordanceResponse { Total = result.Total };
        foreach (var hit in result.Hits)
        {
            var foundInKorean = side == SegmentSide.Korean
                || (side is null && hit.Korean.Contains(term, StringComparison.OrdinalIgnoreCase));
            response.Hits.Add(new ConcordanceHit
            {
                SegmentId = hit.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Ko = hit.Korean,
                En = hit.English,
                Lang = foundInKorean ? "ko" : "en",
                Origin = hit.Origin,
            });
        }
        return Task.FromResult(response);
    }

    /// <inheritdoc />
    public override Task<GetStatsResponse> GetStats(GetStatsRequest request, ServerCallContext context)
    {
        string? memory = null;
        if (request.Memory.Length > 0)
            memory = FindMemory(request.Memory).Info.Name;
        var response = new GetStatsResponse();
        foreach (var stats in _catalog.Store.GetStatistics(memory))
        {
            response.Memories.Add(new MemoryStats
            {
                Memory = stats.Name,
                Segments = stats.Segments,
                Imports = stats.Imports,
                DistinctKo = stats.DistinctKorean,
                DistinctEn = stats.DistinctEnglish,
            });
        }
        return Task.FromResult(response);
    }

    /// <inheritdoc />
    public override async Task<ImportTmxResponse> ImportTmx(IAsyncStreamReader<ImportTmxRequest> requestStream, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        if (!await requestStream.MoveNext(cancellationToken))
            throw Invalid.Argument("The ImportTmx stream is empty: send the file's bytes in 'chunk', the first message also carrying 'memory' and 'file_name'.");
        var first = requestStream.Current;
        Invalid.CheckMemoryName(first.Memory);
        var fileName = first.FileName.Trim();
        if (fileName.Length == 0)
            fileName = "upload.tmx";
        else if (fileName.Length > 1_000)
            throw Invalid.Argument($"file_name is {Invalid.Count(fileName.Length)} characters long; the limit is 1,000.");

        // The parser reads the pipe on its own thread while this one feeds it: the file is never whole in
        // memory, and the pipe's 1 MB limit stops a fast client from running ahead of the commits.
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 1024 * 1024, resumeWriterThreshold: 512 * 1024, useSynchronizationContext: false));
        var importer = new TmxImporter(_catalog, first.Memory, fileName);
        var parsing = Task.Factory.StartNew(() =>
        {
            try
            {
                using var input = pipe.Reader.AsStream();
                importer.Run(input, cancellationToken);
                pipe.Reader.Complete();
            }
            catch (Exception e)
            {
                pipe.Reader.Complete(e);
                throw;
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        try
        {
            var message = first;
            while (true)
            {
                // IsCompleted: the parser has stopped (the end of the document, or an error it will report).
                if (!message.Chunk.IsEmpty && (await pipe.Writer.WriteAsync(message.Chunk.Memory, cancellationToken)).IsCompleted)
                    break;
                if (!await requestStream.MoveNext(cancellationToken))
                    break;
                message = requestStream.Current;
            }
            await pipe.Writer.CompleteAsync();
        }
        catch (Exception e)
        {
            // The client went away or cancelled: stop the parser, let it finish, and report the stream's failure.
            await pipe.Writer.CompleteAsync(e);
            await parsing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            throw;
        }

        try
        {
            await parsing;
        }
        catch (InterchangeFormatException e)
        {
            throw Invalid.Argument($"{e.Message} {Committed(importer)}");
        }
        catch (ArgumentException e)
        {
            // A unit the store or index refuses; the reader's own checks make this rare.
            throw Invalid.Argument($"{fileName}: {e.Message} {Committed(importer)}");
        }

        var statistics = importer.Statistics!;
        return new ImportTmxResponse
        {
            UnitsRead = statistics.UnitsRead,
            PairsStored = importer.PairsStored,
            PairsSkippedDuplicate = importer.PairsSkippedDuplicate,
            SkippedOtherLanguages = statistics.Skipped(SkipReason.OtherLanguages),
            SkippedMissingKorean = statistics.Skipped(SkipReason.MissingKorean),
            SkippedMissingEnglish = statistics.Skipped(SkipReason.MissingEnglish),
            SkippedEmpty = statistics.Skipped(SkipReason.EmptySegment),
            BatchesCommitted = importer.BatchesCommitted,
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
        string? memory = null;
        if (request.Memory.Length > 0)
            memory = FindMemory(request.Memory).Info.Name;
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
                Created = record.Created.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            });
        }
        return Task.FromResult(response);
    }

    private static string Committed(TmxImporter importer) => importer.BatchesCommitted == 0
        ? "Nothing from this file was stored."
        : $"{Invalid.Count(importer.PairsStored)} pairs from the {Invalid.Count(importer.BatchesCommitted)} batches before the error were committed and stay stored; the failing batch stored nothing.";

    private MemoryIndex FindMemory(string name)
    {
        Invalid.CheckMemoryName(name);
        return _catalog.Find(name) ?? throw Invalid.UnknownMemory(name, _catalog.MemoryNames);
    }

    private static SegmentSide? ParseLanguage(string value, string field) => value.Trim().ToLowerInvariant() switch
    {
        "" => null,
        "ko" or "ko-kr" or "kor" => SegmentSide.Korean,
        "en" or "en-us" or "en-gb" or "eng" => SegmentSide.English,
        _ => throw Invalid.Argument($"{field} is '{value}'; use \"ko\" or \"en\" (or leave it empty to detect the language)."),
    };

    private static void CheckPairSide(string text, string field, int messageNumber)
    {
        if (string.IsNullOrWhiteSpace(text))
            throw Invalid.Argument($"Message {messageNumber}: the '{field}' field is empty; every pair needs both Korean and English text. Nothing from this stream was stored.");
        if (text.Length > RequestLimits.MaxSentenceLength)
            throw Invalid.Argument($"Message {messageNumber}: the '{field}' field is {Invalid.Count(text.Length)} characters long; the limit is {Invalid.Count(RequestLimits.MaxSentenceLength)}. Nothing from this stream was stored.");
    }

    private static string Describe(string documentName, DocumentException e) =>
        string.IsNullOrEmpty(documentName) ? e.Message : $"{documentName}: {e.Message}";
}
