using System.Text.Encodings.Web;
using Grpc.Core;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TM.Server.Services;

namespace TM.Server.Security;

/// <summary>
/// ASP.NET Core authentication by API key: <c>authorization: Bearer &lt;key&gt;</c> on gRPC calls and HTTP/JSON routes
/// alike. A known, valid key makes its <see cref="Caller"/> the request's user; a server in open access
/// (<see cref="ApiKeyRegistry.OpenAccess"/>) takes every call as <see cref="Caller.OpenAccess"/>. Refusals are
/// answered as statuses a gRPC client or a script can act on: UNAUTHENTICATED for a missing or unknown key,
/// PERMISSION_DENIED for a role the key lacks.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyRegistry keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>The scheme's name.</summary>
    public const string SchemeName = "ApiKey";

    private const string BearerPrefix = "Bearer ";

    /// <inheritdoc />
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        // Open access (no keys at all, loopback only): there is nothing to check a key against, so a client that sends
        // one anyway (TM_KEY set for another server) is served like any other local client.
        if (keys.OpenAccess)
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(Caller.OpenAccess.Principal, SchemeName)));
        var header = Request.Headers.Authorization;
        if (header.Count == 0)
            return Task.FromResult(AuthenticateResult.NoResult());
        var value = header.ToString();
        if (!value.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) || value.Length == BearerPrefix.Length)
            return Task.FromResult(AuthenticateResult.Fail("The authorization header must be `Bearer <key>`."));
        var caller = keys.Authenticate(value[BearerPrefix.Length..].Trim());
        return Task.FromResult(caller is null
            ? AuthenticateResult.Fail("The API key is not known to this server, or it was revoked.")
            : AuthenticateResult.Success(new AuthenticationTicket(caller.Principal, SchemeName)));
    }

    /// <inheritdoc />
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        // This request's own result (the base class keeps it): why the key, if one was sent, was not taken.
        var failure = (await HandleAuthenticateOnceSafeAsync()).Failure?.Message;
        var message = failure ?? "This server needs an API key: send `authorization: Bearer <key>` (tm reads it from TM_KEY or --key-file).";
        SecurityLog.Refused(Logger, Request.Path, message);
        await StatusResponse.WriteAsync(Context, StatusCode.Unauthenticated, message);
    }

    /// <inheritdoc />
    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var caller = (Context.User.Identity as CallerIdentity)?.Caller;
        var needed = Context.GetEndpoint()?.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).LastOrDefault(p => p is not null) ?? "another role";
        var message = caller is null
            ? $"This call needs the {needed} role."
            : $"The key '{caller.Name}' has the {AccessPolicies.NameOf(caller.Role)} role; {Request.Path} needs {needed}.";
        SecurityLog.Refused(Logger, Request.Path, message);
        return StatusResponse.WriteAsync(Context, StatusCode.PermissionDenied, message);
    }
}
