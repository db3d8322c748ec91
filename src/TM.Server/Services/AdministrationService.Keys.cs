using Grpc.Core;
using TM.Protos.V1;
using TM.Server.Security;
using TM.Storage;

namespace TM.Server.Services;

// API keys: CreateKey, ListKeys, RevokeKey.
public sealed partial class AdministrationService
{
    /// <inheritdoc />
    public override Task<CreateKeyResponse> CreateKey(CreateKeyRequest request, ServerCallContext context)
    {
        var role = request.Role switch
        {
            KeyRole.Read => AccessRole.Read,
            KeyRole.Write => AccessRole.Write,
            KeyRole.Admin => AccessRole.Admin,
            _ => throw Invalid.Argument($"role is {request.Role}; use KEY_ROLE_READ, KEY_ROLE_WRITE or KEY_ROLE_ADMIN."),
        };
        foreach (var memory in request.Memories)
            Invalid.CheckMemoryName(memory);
        var (key, secret) = _keys.Create(request.Name.Trim(), role, request.Memories, Caller.Of(context).Name);
        return Task.FromResult(new CreateKeyResponse { Key = ToMessage(key), Secret = secret });
    }

    /// <inheritdoc />
    public override Task<ListKeysResponse> ListKeys(ListKeysRequest request, ServerCallContext context)
    {
        var response = new ListKeysResponse();
        foreach (var key in _keys.List())
            response.Keys.Add(ToMessage(key));
        return Task.FromResult(response);
    }

    /// <inheritdoc />
    public override Task<RevokeKeyResponse> RevokeKey(RevokeKeyRequest request, ServerCallContext context) =>
        Task.FromResult(new RevokeKeyResponse { Key = ToMessage(_keys.Revoke(request.Name.Trim(), Caller.Of(context).Name)) });

    private static ApiKey ToMessage(ApiKeyRecord key)
    {
        var message = new ApiKey
        {
            Name = key.Name,
            Role = AccessPolicies.Parse(key.Role) switch
            {
                AccessRole.Read => KeyRole.Read,
                AccessRole.Write => KeyRole.Write,
                AccessRole.Admin => KeyRole.Admin,
                _ => KeyRole.Unspecified,
            },
            Created = Timestamps.Rfc3339(key.Created),
            CreatedBy = key.CreatedBy,
            Revoked = key.Revoked is { } revoked ? Timestamps.Rfc3339(revoked) : "",
        };
        message.Memories.AddRange(key.Memories);
        return message;
    }
}
