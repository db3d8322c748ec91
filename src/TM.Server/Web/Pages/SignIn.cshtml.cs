using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using TM.Server.Security;

namespace TM.Server.Web.Pages;

/// <summary>The sign-in page: posts an API key, which is checked and then forgotten; the cookie carries the key's name and role.</summary>
public sealed class SignInModel(ApiKeyRegistry keys) : TmPageModel
{
    /// <summary>Where to go after signing in: a path of this site (anything else goes to the lookup page).</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Why the key was not taken; null before a try.</summary>
    public string? Refusal { get; private set; }

    /// <summary>Whether the server has no keys (open access): nothing to sign in with.</summary>
    public bool OpenAccess => keys.OpenAccess;

    /// <summary>Shows the form.</summary>
    public void OnGet()
    {
    }

    /// <summary>Checks the key and signs in with it.</summary>
    /// <param name="key">The API key, as typed or pasted.</param>
    public async Task<IActionResult> OnPostAsync(string? key)
    {
        if (keys.OpenAccess)
            return LocalRedirect("/");
        var secret = key?.Trim() ?? "";
        var caller = secret.Length == 0 ? null : keys.Authenticate(secret);
        if (caller is null)
        {
            Refusal = secret.Length == 0
                ? "Paste your API key."
                : "This key is not known to this server, or it was revoked. Check that you copied all of it, or ask an administrator for a new one.";
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }
        await HttpContext.SignInAsync(WebSignIn.CookieScheme, WebSignIn.CookiePrincipal(caller),
            new AuthenticationProperties { IsPersistent = false, AllowRefresh = true });
        return LocalRedirect(ReturnUrl is { Length: > 0 } url && Url.IsLocalUrl(url) ? url : "/");
    }
}
