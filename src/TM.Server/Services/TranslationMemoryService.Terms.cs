using System.Globalization;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using TM.Protos.V1;
using TM.Server.Memory;
using TM.Server.Security;

namespace TM.Server.Services;

/// <content>The termbase RPCs: AddTerm, GetTerm, UpdateTerm, DeleteTerm and ListTerms.</content>
public sealed partial class TranslationMemoryService
{
    /// <inheritdoc />
    [Authorize(Policy = AccessPolicies.Write)]
    public override Task<TermEntry> AddTerm(AddTermRequest request, ServerCallContext context)
    {
        var content = TermRequests.Content(request.Entry);
        var (memory, caller) = Writable(context, request.Memory);
        return Task.FromResult(TermRequests.ToEntry(_terms.Add(memory, content, caller.Name), memory.Info.Name));
    }

    /// <inheritdoc />
    [Authorize(Policy = AccessPolicies.Read)]
    public override Task<TermEntry> GetTerm(GetTermRequest request, ServerCallContext context)
    {
        var id = TermRequests.Id(request.TermId);
        var memory = FindMemory(context, request.Memory);
        return Task.FromResult(TermRequests.ToEntry(_terms.Get(memory, id), memory.Info.Name));
    }

    /// <inheritdoc />
    [Authorize(Policy = AccessPolicies.Write)]
    public override Task<TermEntry> UpdateTerm(UpdateTermRequest request, ServerCallContext context)
    {
        var id = TermRequests.Id(request.TermId);
        var content = TermRequests.Content(request.Entry);
        var (memory, caller) = Writable(context, request.Memory);
        return Task.FromResult(TermRequests.ToEntry(_terms.Update(memory, id, content, request.Version, caller.Name), memory.Info.Name));
    }

    /// <inheritdoc />
    [Authorize(Policy = AccessPolicies.Write)]
    public override Task<DeleteTermResponse> DeleteTerm(DeleteTermRequest request, ServerCallContext context)
    {
        var id = TermRequests.Id(request.TermId);
        var (memory, _) = Writable(context, request.Memory);
        _terms.Delete(memory, id, request.Version);
        return Task.FromResult(new DeleteTermResponse());
    }

    /// <inheritdoc />
    [Authorize(Policy = AccessPolicies.Read)]
    public override Task<ListTermsResponse> ListTerms(ListTermsRequest request, ServerCallContext context)
    {
        var pageSize = TermRequests.PageSize(request.PageSize);
        var afterId = TermRequests.AfterId(request.PageToken);
        if (request.Filter.Length > Terminology.TermEntryRules.MaxTermLength)
            throw Invalid.Argument($"filter is {Invalid.Count(request.Filter.Length)} characters long; the limit is {Invalid.Count(Terminology.TermEntryRules.MaxTermLength)}.");
        var memory = FindMemory(context, request.Memory);
        var (page, total, more) = _terms.List(memory, request.Filter, afterId, pageSize);
        var response = new ListTermsResponse { Total = total };
        foreach (var record in page)
            response.Terms.Add(TermRequests.ToEntry(record, memory.Info.Name));
        if (more)
            response.NextPageToken = page[^1].Id.ToString(CultureInfo.InvariantCulture);
        return Task.FromResult(response);
    }

    // The memory a write names, once the caller may write into it; the memory must exist (a term does not create one).
    private (MemoryIndex Memory, Caller Caller) Writable(ServerCallContext context, string name)
    {
        var caller = Authorized(context, AccessRole.Write, name);
        return (_catalog.Get(name, caller.CanUse), caller);
    }
}
