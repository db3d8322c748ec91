using System.Globalization;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using TM.Interchange;
using TM.Protos.V1;
using TM.Server.Security;
using TM.Server.Terminology;

namespace TM.Server.Services;

/// <content>The termbase's files and suggestions: ImportTerms (TBX, CSV), ExportTerms (TBX) and SuggestTerms.</content>
public sealed partial class TranslationMemoryService
{
    // Candidates a SuggestTerms answer holds when the request says 0, and at most.
    private const int DefaultSuggestions = 50;
    private const int MaxSuggestions = 500;

    /// <inheritdoc />
    [Authorize(Policy = AccessPolicies.Write)]
    public override async Task<ImportTermsResponse> ImportTerms(IAsyncStreamReader<ImportTermsRequest> requestStream, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        if (!await requestStream.MoveNext(cancellationToken))
            throw Invalid.Argument("The ImportTerms stream is empty: send the file's bytes in 'chunk', the first message also carrying 'memory' and 'file_name'.");
        var first = requestStream.Current;
        var (memory, caller) = Writable(context, first.Memory);
        // A termbase file is held whole until its one transaction (up to 200,000 entries): it takes an import slot like
        // the other uploads, so the server holds at most as many of them as it runs imports.
        using var slot = _imports.Enter();
        var fileName = ImportRequests.FileName(first.FileName, "terms");
        var format = TermFileImport.FromName(first.Format) ?? TermFileImport.FromFileName(fileName);
        var upload = new Upload<ImportTermsRequest>(new IdleLimitedStreamReader<ImportTermsRequest>(requestStream, RequestLimits.ImportIdleTimeout), first, static m => m.Chunk);
        format ??= TermFileImport.Sniff(await upload.PeekAsync(1024, cancellationToken));

        IReadOnlyList<TM.Storage.TermContent> entries;
        int withoutTerms;
        try
        {
            (entries, withoutTerms) = await TermFileImport.ReadAsync(upload.CopyToAsync, () => upload.BytesReceived, format.Value, fileName, cancellationToken);
        }
        catch (InterchangeFormatException e)
        {
            throw Invalid.Argument($"{e.Message} Nothing was imported.");
        }
        // As ImportSegments does: a client that cancelled a stream it had not finished stores nothing.
        cancellationToken.ThrowIfCancellationRequested();
        var counts = _terms.Import(memory, entries, caller.Name);
        return new ImportTermsResponse
        {
            EntriesRead = entries.Count,
            EntriesAdded = counts.Added,
            EntriesUpdated = counts.Updated,
            EntriesSkipped = counts.Skipped,
            EntriesOtherLanguages = withoutTerms,
        };
    }

    /// <inheritdoc />
    [Authorize(Policy = AccessPolicies.Read)]
    public override async Task ExportTerms(ExportTermsRequest request, IServerStreamWriter<ExportTermsChunk> responseStream, ServerCallContext context)
    {
        var memory = FindMemory(context, request.Memory);
        await using var output = new ExportChunkStream<ExportTermsChunk>(responseStream, static chunk => new ExportTermsChunk { Chunk = chunk }, context.CancellationToken);
        // One entry in memory at a time (streamed from the store), plus the writer's 64 KB buffer.
        await using var writer = new TbxWriter(output, $"The termbase of translation memory '{memory.Info.Name}'");
        foreach (var record in _terms.ReadAll(memory))
            await writer.WriteEntryAsync(TermFileImport.EntryOf(record), context.CancellationToken);
        await writer.CompleteAsync(context.CancellationToken);
    }

    /// <inheritdoc />
    [Authorize(Policy = AccessPolicies.Read)]
    public override async Task<SuggestTermsResponse> SuggestTerms(SuggestTermsRequest request, ServerCallContext context)
    {
        var max = request.MaxResults switch
        {
            < 0 => throw Invalid.Argument($"max_results is {request.MaxResults.ToString(CultureInfo.InvariantCulture)}; use 1..{MaxSuggestions}, or 0 for {DefaultSuggestions}."),
            0 => DefaultSuggestions,
            _ => Math.Min(request.MaxResults, MaxSuggestions),
        };
        var memory = FindMemory(context, request.Memory);
        var suggestions = await _terms.SuggestAsync(memory, max, context.CancellationToken);
        var response = new SuggestTermsResponse { PairsRead = suggestions.PairsRead, Truncated = suggestions.Truncated };
        foreach (var term in suggestions.Terms)
        {
            var suggestion = new TermSuggestion
            {
                Ko = term.Candidate.Korean,
                En = term.Candidate.English,
                Frequency = term.Candidate.Frequency,
                Score = Math.Round(term.Candidate.Score, 2),
                InTermbase = term.InTermbase,
            };
            foreach (var example in term.Examples)
                suggestion.Examples.Add(new TermExample { SegmentId = example.Id.ToString(CultureInfo.InvariantCulture), Ko = example.Korean, En = example.English });
            response.Suggestions.Add(suggestion);
        }
        return response;
    }
}
