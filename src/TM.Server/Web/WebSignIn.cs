using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;
using TM.Server.Security;

namespace TM.Server.Web;

/// <summary>
/// Signing in to the web UI: the sign-in form posts an API key, <see cref="ApiKeyRegistry.Authenticate"/> checks it, and
/// an encrypted, HttpOnly, SameSite=Strict cookie (Secure over TLS) then carries the key's name and role, never its
/// secret. Every request looks the name up again (<see cref="ApiKeyRegistry.Named"/>, a dictionary lookup after the
/// first), so a revoked key's sign-in stops at the next click. A server in open access needs no sign-in, as on gRPC.
/// </summary>
public static class WebSignIn
{
    /// <summary>The scheme the pages authenticate with: the cookie, or open access while the server has it.</summary>
    public const string Scheme = "TmWeb";

    /// <summary>The cookie scheme behind <see cref="Scheme"/>; separate from <see cref="ApiKeyAuthenticationHandler.SchemeName"/>, which gRPC and JSON callers keep.</summary>
    public const string CookieScheme = "TmWebCookie";

    /// <summary>The authorization policy of every page but the sign-in page.</summary>
    public const string Policy = "web";

    /// <summary>The sign-in cookie's name.</summary>
    public const string CookieName = "tm_session";

    /// <summary>How long a sign-in lasts without a request (sliding): a working day.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    /// <summary>The principal the cookie stores for <paramref name="caller"/>: the key's name and role, nothing secret.</summary>
    public static ClaimsPrincipal CookiePrincipal(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, caller.Name), new Claim(ClaimTypes.Role, AccessPolicies.NameOf(caller.Role))], CookieScheme));
    }

    /// <summary>
    /// Checks the cookie's key against the registry on every request: a revoked (or unknown) key ends the sign-in; a
    /// valid one becomes the request's <see cref="Caller"/>, with the role and memories the registry has now.
    /// </summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var name = context.Principal?.FindFirst(ClaimTypes.Name)?.Value;
        var caller = name is null ? null : context.HttpContext.RequestServices.GetRequiredService<ApiKeyRegistry>().Named(name);
        if (caller is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieScheme);
            return;
        }
        context.ReplacePrincipal(caller.Principal);
    }
}
