using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;

namespace TM.Server.Web.Pages;

/// <summary>Signing out: deletes the sign-in cookie (a POST, so another site cannot sign a reviewer out).</summary>
public sealed class SignOutModel : TmPageModel
{
    /// <summary>Shows a button to sign out.</summary>
    public void OnGet()
    {
    }

    /// <summary>Signs out and shows the sign-in page.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(WebSignIn.CookieScheme);
        return LocalRedirect("/signin");
    }
}
