using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using TM.Protos.V1;
using TM.Server.Memory;
using TM.Server.Security;
using MemorySettings = TM.Protos.V1.MemorySettings;

namespace TM.Server.Services;

/// <content>CreateMemory, ListMemories and UpdateMemory: memories as objects with settings of their own.</content>
public sealed partial class TranslationMemoryService
{
    /// <inheritdoc />
    [Authorize(Policy = AccessPolicies.Write)]
    public override Task<MemoryDescription> CreateMemory(CreateMemoryRequest request, ServerCallContext context)
    {
        if (request.Name.Trim().Length == 0)
            throw Invalid.Argument($"Give the new memory a name: {MemoryNameRule.Rule}.");
        var settings = MemoryRequests.Settings(request.Settings);
        Invalid.CheckMemoryName(request.Name);
        Caller.Of(context).Require(AccessRole.Write, request.Name);
        return Task.FromResult(Describe(_catalog.CreateMemory(request.Name, settings)));
    }

    /// <inheritdoc />
    [Authorize(Policy = AccessPolicies.Read)]
    public override Task<ListMemoriesResponse> ListMemories(ListMemoriesRequest request, ServerCallContext context)
    {
        var caller = Caller.Of(context);
        var response = new ListMemoriesResponse();
        foreach (var memory in _catalog.Memories)
        {
            if (caller.CanUse(memory.Info.Name))
                response.Memories.Add(Describe(memory));
        }
        return Task.FromResult(response);
    }

    /// <inheritdoc />
    [Authorize(Policy = AccessPolicies.Write)]
    public override Task<MemoryDescription> UpdateMemory(UpdateMemoryRequest request, ServerCallContext context)
    {
        var settings = MemoryRequests.Settings(request.Settings);
        var caller = Authorized(context, AccessRole.Write, request.Name);
        var memory = _catalog.Get(request.Name, caller.CanUse);
        _catalog.UpdateMemory(memory, settings);
        return Task.FromResult(Describe(memory));
    }

    /// <inheritdoc />
    [Authorize(Policy = AccessPolicies.Admin)]
    public override async Task<MemoryDescription> RenameMemory(RenameMemoryRequest request, ServerCallContext context)
    {
        if (request.Name.Trim().Length == 0)
            throw Invalid.Argument("Name the memory to rename (the default memory keeps its name).");
        if (request.NewName.Trim().Length == 0)
            throw Invalid.Argument($"Give the memory's new name: {MemoryNameRule.Rule}.");
        var caller = Authorized(context, AccessRole.Admin, request.Name);
        var memory = _catalog.Get(request.Name, caller.CanUse);
        await _catalog.RenameMemoryAsync(memory, request.NewName);
        _keys.Reload();
        return Describe(memory);
    }

    /// <inheritdoc />
    [Authorize(Policy = AccessPolicies.Admin)]
    public override async Task<DeleteMemoryResponse> DeleteMemory(DeleteMemoryRequest request, ServerCallContext context)
    {
        if (request.Name.Trim().Length == 0)
            throw Invalid.Argument("Name the memory to delete (the default memory cannot be deleted).");
        var caller = Authorized(context, AccessRole.Admin, request.Name);
        var memory = _catalog.Get(request.Name, caller.CanUse);
        var segments = memory.Korean.Count;
        await _catalog.DeleteMemoryAsync(memory, context.CancellationToken);
        return new DeleteMemoryResponse { SegmentsDeleted = segments };
    }

    private MemoryDescription Describe(MemoryIndex memory) => new()
    {
        Name = memory.Info.Name,
        Settings = MemoryRequests.ToMessage(memory.Settings),
        Created = Timestamps.Rfc3339(_catalog.Created(memory)),
        Segments = memory.Korean.Count,
    };
}
