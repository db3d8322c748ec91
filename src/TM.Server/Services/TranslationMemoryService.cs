using System.Globalization;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Hosting;
using TM.Matching;
using TM.Protos.V1;
using TM.Server.Concordance;
using TM.Server.Hosting;
using TM.Server.Interchange;
using TM.Server.Memory;
using TM.Server.Security;
using TM.Server.Terminology;
using TM.Storage;
using ImportOptions = TM.Storage.ImportOptions;
using UpdatePolicy = TM.Storage.UpdatePolicy;

namespace TM.Server.Services;

/// <summary>
/// The <c>tm.v1.TranslationMemory</c> gRPC service (also reached over HTTP/JSON): validates requests and maps them
/// onto the catalog. It throws and never translates: bad fields are INVALID_ARGUMENT here, and what the catalog and the
/// imports throw (an unknown memory, a damaged file, …) becomes a status in <see cref="ErrorBoundaryInterceptor"/>.
/// Each method names the role it needs (<see cref="AuthorizeAttribute"/>, checked before it runs) and asks the
/// <see cref="Caller"/> whether its key may use the memory the call names.
/// </summary>
public sealed partial class TranslationMemoryService : TranslationMemory.TranslationMemoryBase
{
    private static readonly WriteOptions Uncompressed = new(WriteFlags.NoCompress);

    private readonly TranslationMemoryCatalog _catalog;
    private readonly ConcordanceSearcher _concordance;
    private readonly ServerOptions _options;
    private readonly ImportAdmission _imports;
    private readonly CancellationToken _stopping;
    private readonly ApiKeyRegistry _keys;
    private readonly TermbaseCatalog _terms;

    /// <summary>Creates the service over the server's catalog.</summary>
    /// <param name="catalog">The memories.</param>
    /// <param name="concordance">Concordance searches.</param>
    /// <param name="options">The server's settings (the import batch size).</param>
    /// <param name="imports">How many imports may run at once.</param>
    /// <param name="lifetime">The host's lifetime: a file import stops at its next batch when the server shuts down.</param>
    /// <param name="keys">The API keys, read again when a renamed memory changes their scopes.</param>
    /// <param name="terms">The memories' termbases.</param>
    public TranslationMemoryService(TranslationMemoryCatalog catalog, ConcordanceSearcher concordance, ServerOptions options, ImportAdmission imports,
        IHostApplicationLifetime lifetime, ApiKeyRegistry keys, TermbaseCatalog terms)
    {
        _terms = terms;
        _keys = keys;
        _catalog = catalog;
        _concordance = concordance;
        _options = options;
        _imports = imports;
        _stopping = lifetime.ApplicationStopping;
    }

    /// <inheritdoc />
    [Authorize(Policy = AccessPolicies.Write)]
    public override async Task<ImportDocumentResponse> ImportDocument(ImportDocumentRequest request, ServerCallContext context)
    {
        var caller = Authorized(context, AccessRole.Write, request.Memory);
        var policy = ImportRequests.Policy(request.UpdatePolicy);
        var name = ImportRequests.FileName(request.Name, "", "name");
        using var slot = _imports.Enter();
        var import = await _catalog.ImportDocumentAsync(request.Memory, name, request.Text, policy, caller.Name, context.CancellationToken);
        var response = new ImportDocumentResponse
        {
            PairsStored = import.Outcome.Added.Count,
            PairsSkippedDuplicate = import.Outcome.SkippedDuplicates,
            PairsUpdated = import.Outcome.Overwritten,
            PairsKeptExisting = import.Outcome.KeptExisting,
            ImportId = import.Outcome.ImportId,
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
    [Authorize(Policy = AccessPolicies.Read)]
    public override Task<AlignDocumentResponse> AlignDocument(AlignDocumentRequest request, ServerCallContext context)
    {
        Authorized(context, AccessRole.Read, request.Memory);
        var alignment = _catalog.Align(request.Memory, request.Name, request.Text);
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
    [Authorize(Policy = AccessPolicies.Write)]
    public override async Task<ImportSegmentsResponse> ImportSegments(IAsyncStreamReader<ImportSegmentsRequest> requestStream, ServerCallContext context)
    {
        AnswerUncompressed(context);
        // The whole stream is one transaction: validate everything first, so a bad message on
        // line 90,000 leaves the memory exactly as it was.
        using var slot = _imports.Enter();
        ImportSegmentsRequest? first = null;
        string? origin = null;
        FieldSchema? fields = null;
        var pairs = new List<SegmentInput>();
        var received = 0;
        long characters = 0;
        var messages = new IdleLimitedStreamReader<ImportSegmentsRequest>(requestStream, RequestLimits.ImportIdleTimeout);
        while (await messages.MoveNext(context.CancellationToken))
        {
            var message = messages.Current;
            received++;
            if (first is null)
            {
                first = message;
                Authorized(context, AccessRole.Write, first.Memory);
                // A memory the stream creates has no fields yet.
                fields = new FieldSchema(_catalog.Find(first.Memory)?.Settings.Fields ?? []);
                if (message.Ko.Length == 0 && message.En.Length == 0)
                    continue; // a header message carrying only the memory and the import's settings
            }
            if (origin is null && message.Origin.Length > 0)
                origin = message.Origin;
            CheckPairSide(message.Ko, "ko", received);
            CheckPairSide(message.En, "en", received);
            Invalid.CheckStoredText(message.Origin, "origin", received, RequestLimits.MaxOriginLength);
            Invalid.CheckStoredText(message.Note, "note", received, RequestLimits.MaxNoteLength);
            characters += message.Ko.Length + message.En.Length + message.Origin.Length + message.Note.Length;
            if (pairs.Count == RequestLimits.MaxSegmentsStreamPairs || characters > RequestLimits.MaxSegmentsStreamCharacters)
                throw StreamTooLarge(received);
            var values = FieldRequests.Values(message.Fields, fields!, $"Message {received}: fields");
            pairs.Add(new SegmentInput(message.Ko.Trim(), message.En.Trim(), message.Origin, message.Note) { Fields = values });
        }
        var policy = ImportRequests.Policy(first?.UpdatePolicy ?? TM.Protos.V1.UpdatePolicy.Unspecified);
        var side = ImportRequests.SourceSide(first?.SourceLang ?? "") ?? SegmentSide.Korean;
        var importName = ImportRequests.FileName(first?.ImportName ?? "", origin ?? "segments", "import_name");
        if (pairs.Count == 0)
            return new ImportSegmentsResponse { MessagesReceived = received };
        // A client that cancels a stream it has not finished may still end it first (grpc-js sends END_STREAM, then
        // RST_STREAM): look once more before committing, so a cancelled call stores nothing in all but a narrow race.
        context.CancellationToken.ThrowIfCancellationRequested();
        var options = new ImportOptions(ImportKind.Segments, importName, policy, side) { CreatedBy = Caller.Of(context).Name };
        var outcome = await _catalog.ImportAsync(first!.Memory, options, pairs, context.CancellationToken);
        return new ImportSegmentsResponse
        {
            MessagesReceived = received,
            PairsStored = outcome.Added.Count,
            PairsSkippedDuplicate = outcome.SkippedDuplicates,
            PairsUpdated = outcome.Overwritten,
            PairsKeptExisting = outcome.KeptExisting,
            ImportId = outcome.ImportId,
        };
    }

    /// <inheritdoc />
    [Authorize(Policy = AccessPolicies.Read)]
    public override async Task<LookupResponse> Lookup(LookupRequest request, ServerCallContext context)
    {
        AnswerUncompressed(context);
        Invalid.CheckSentence(request.Text, "text to match");
        LookupRequests.CheckNeighbour(request.PreviousText, "previous_text");
        LookupRequests.CheckNeighbour(request.NextText, "next_text");
        var options = LookupRequests.Options(request.MaxResults, request.MinScore);
        var penalties = LookupRequests.Penalties(request.Penalties);
        var filter = FilterRequests.Parse(request.Origin, request.ImportId, request.CreatedBy, request.ChangedAfter, request.ChangedBefore);
        var side = RequestLanguage.Parse(request.SourceLang, "source_lang", "to detect the language") ?? LanguageDetector.Detect(request.Text);
        var memory = FindMemory(context, request.Memory);
        (options, penalties) = LookupRequests.WithMemoryDefaults(options, request.MinScore, request.Penalties, memory);
        filter = FieldRequests.Filter(filter, request.Fields, memory);
        options = await LookupRequests.FilteredAsync(_catalog, memory, options, filter, context.CancellationToken);
        // The analyzer refuses a query with nothing to match (only punctuation or symbols): ArgumentException, INVALID_ARGUMENT.
        var hits = _catalog.Lookup(memory, request.Text, side, options, penalties, LookupContext.Of(request.PreviousText, request.NextText));
        var response = LookupRequests.Response(request.Text, hits, side);
        TermHitMessages.AddTo(response, request.Text, side, await _terms.ForAsync(memory), memory.Info.Name);
        return response;
    }

    /// <inheritdoc />
    [Authorize(Policy = AccessPolicies.Read)]
    public override async Task<LookupBatchResponse> LookupBatch(LookupBatchRequest request, ServerCallContext context)
    {
        if (request.Texts.Count is 0 or > RequestLimits.MaxLookupBatchTexts)
            throw Invalid.Argument($"texts holds {request.Texts.Count} sentences; send 1..{RequestLimits.MaxLookupBatchTexts} per call (a longer file in several calls).");
        var options = LookupRequests.Options(request.MaxResults, request.MinScore);
        if ((long)request.Texts.Count * options.MaxResults > RequestLimits.MaxLookupBatchMatches)
        {
            throw Invalid.Argument(
                $"{request.Texts.Count} texts × max_results {options.MaxResults} could return more than {RequestLimits.MaxLookupBatchMatches} matches; " +
                "send fewer texts per call or ask for fewer matches each.");
        }
        var penalties = LookupRequests.Penalties(request.Penalties);
        var filter = FilterRequests.Parse(request.Origin, request.ImportId, request.CreatedBy, request.ChangedAfter, request.ChangedBefore);
        var forced = RequestLanguage.Parse(request.SourceLang, "source_lang", "to detect each text's language");
        var sides = new SegmentSide[request.Texts.Count];
        for (var i = 0; i < sides.Length; i++)
        {
            Invalid.CheckSentence(request.Texts[i], $"text at position {i} (texts[{i}])");
            sides[i] = forced ?? LanguageDetector.Detect(request.Texts[i]);
        }
        var memory = FindMemory(context, request.Memory);
        (options, penalties) = LookupRequests.WithMemoryDefaults(options, request.MinScore, request.Penalties, memory);
        filter = FieldRequests.Filter(filter, request.Fields, memory);
        options = await LookupRequests.FilteredAsync(_catalog, memory, options, filter, context.CancellationToken);
        var results = _catalog.LookupBatch(memory, request.Texts, sides, options, penalties, request.InDocumentOrder);

        var termbase = await _terms.ForAsync(memory);
        var answers = new LookupResponse[results.Length];
        // On every core, as the lookups were: reading an English text for terms costs about 2 µs a word, 50-100 ms for a
        // batch of 1,000 sentences on one core.
        Parallel.For(0, answers.Length, new ParallelOptions { CancellationToken = context.CancellationToken }, i =>
        {
            answers[i] = LookupRequests.Response(request.Texts[i], results[i], sides[i]);
            TermHitMessages.AddTo(answers[i], request.Texts[i], sides[i], termbase, memory.Info.Name);
        });
        var response = new LookupBatchResponse();
        response.Results.AddRange(answers);
        return response;
    }

    /// <inheritdoc />
    [Authorize(Policy = AccessPolicies.Read)]
    public override async Task<ConcordanceResponse> Concordance(ConcordanceRequest request, ServerCallContext context)
    {
        var query = ConcordanceRequests.ToQuery(request);
        var memory = FindMemory(context, request.Memory);
        if (request.Fields.Count > 0)
            query = query with { Fields = FieldRequests.Filter(null, request.Fields, memory)!.Fields };
        var page = await _concordance.SearchAsync(memory, query, context.CancellationToken);
        var response = new ConcordanceResponse
        {
            Total = page.Total,
            NextPageToken = page.NextAfterId is { } after ? ConcordancePageToken.Encode(after, request) : "",
        };
        var termbase = await _terms.ForAsync(memory);
        foreach (var hit in page.Hits)
        {
            var message = ConcordanceRequests.ToHit(hit, query.Sides);
            TermHitMessages.AddTo(message, termbase, memory.Info.Name);
            response.Hits.Add(message);
        }
        return response;
    }

    /// <inheritdoc />
    [Authorize(Policy = AccessPolicies.Read)]
    public override Task<GetStatsResponse> GetStats(GetStatsRequest request, ServerCallContext context)
    {
        AnswerUncompressed(context);
        var caller = Listing(context, request.Memory);
        var response = new GetStatsResponse();
        foreach (var stats in _catalog.Statistics(request.Memory, caller.CanUse))
        {
            if (!caller.CanUse(stats.Name))
                continue;
            response.Memories.Add(new MemoryStats
            {
                Memory = stats.Name,
                Segments = stats.Segments,
                Imports = stats.Imports,
                DistinctKo = stats.DistinctKorean,
                DistinctEn = stats.DistinctEnglish,
                ConcordancePending = stats.ConcordancePending,
            });
        }
        return Task.FromResult(response);
    }

    /// <summary>
    /// Turns gzip off for a call whose answers are a few KB (a lookup, counts, acknowledgments): it saves little on them
    /// and costs CPU on every call (with gzip on every answer, zlib took about 8% of the server's CPU at 100,000
    /// segments, most of it zeroing its state for each message; perf profile, results/grpc-swap-100000.md). Larger
    /// answers (concordance, exports, import lists, alignments) are compressed for clients that accept gzip. HTTP/JSON
    /// calls have no message compression to turn off (their call context refuses WriteOptions).
    /// </summary>
    private static void AnswerUncompressed(ServerCallContext context)
    {
        if (context.GetHttpContext().Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) == true)
            context.WriteOptions = Uncompressed;
    }

    // The memory a read names, once the caller may read it: a memory the key may not use is refused before anyone
    // learns whether it exists.
    private MemoryIndex FindMemory(ServerCallContext context, string name)
    {
        var caller = Authorized(context, AccessRole.Read, name);
        return _catalog.Get(name, caller.CanUse);
    }

    // The caller, once its key has the role and may use the memory (a valid name, checked first); for a write, also
    // once the memory exists or its name may make one, so an import with a bad new name is refused before it reads.
    private Caller Authorized(ServerCallContext context, AccessRole role, string memory)
    {
        Invalid.CheckMemoryName(memory);
        var caller = Caller.Of(context);
        caller.Require(role, memory);
        if (role >= AccessRole.Write)
            _catalog.CheckWritable(memory);
        return caller;
    }

    // GetStats and ListImports: one memory the caller must be allowed to read, or (empty) every memory, of which the
    // caller sees those its key may use.
    private Caller Listing(ServerCallContext context, string memory) =>
        memory.Length > 0 ? Authorized(context, AccessRole.Read, memory) : Caller.Of(context);

    private static void CheckPairSide(string text, string field, int messageNumber)
    {
        if (string.IsNullOrWhiteSpace(text))
            throw Invalid.Argument($"Message {messageNumber}: the '{field}' field is empty; every pair needs both Korean and English text. Nothing from this stream was stored.");
        Invalid.CheckStoredText(text, field, messageNumber, RequestLimits.MaxSentenceLength);
    }

    private static RpcException StreamTooLarge(int messageNumber) => new(new Status(StatusCode.ResourceExhausted,
        $"Message {messageNumber}: this ImportSegments stream passed {Invalid.Count(RequestLimits.MaxSegmentsStreamPairs)} pairs or " +
        $"{Invalid.Count(RequestLimits.MaxSegmentsStreamCharacters)} characters, the most one stream may hold: it is one transaction, kept in memory " +
        "until it ends. Nothing from it was stored. Send larger sets with ImportFile (TSV or TMX; `tm import`), which commits in batches as it reads, " +
        "or in several streams."));
}
