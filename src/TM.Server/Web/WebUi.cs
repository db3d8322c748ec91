using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using TM.Server.Hosting;
using TM.Server.Security;
using TM.Server.Web.Calls;

namespace TM.Server.Web;

/// <summary>
/// The web UI for translators and reviewers: Razor Pages under <c>Web/Pages</c> and the static files of <c>wwwroot</c>
/// (embedded in the assembly, so they are found whatever directory the server starts in), served on the HTTP/1.1 port
/// (<c>--http-port</c>) and on the TLS port. The pages run the TranslationMemory service's methods in process
/// (<see cref="ServiceCalls"/>).
/// </summary>
public static class WebUi
{
    /// <summary>The directory under the data directory that keeps the keys of the sign-in cookies and antiforgery tokens.</summary>
    public const string KeysDirectoryName = "web-keys";

    /// <summary>Registers the pages, the sign-in cookie, antiforgery and data protection.</summary>
    public static WebApplicationBuilder AddWebUi(this WebApplicationBuilder builder, ServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        var services = builder.Services;
        services.AddSingleton<ServiceCalls>();
        services.AddRouting(routing => routing.LowercaseUrls = true);
        services.AddRazorPages(pages =>
        {
            pages.RootDirectory = "/Web/Pages";
            pages.Conventions.AuthorizeFolder("/", WebSignIn.Policy);
            pages.Conventions.AllowAnonymousToPage("/SignIn");
        })
            // Named, because MVC looks for pages in the entry assembly, which is not this one in the tests and benchmarks.
            .AddApplicationPart(typeof(WebUi).Assembly);
        // In the data directory, so sign-ins survive a restart; replicas behind one address need one shared key ring.
        services.AddDataProtection()
            .SetApplicationName("tm-server")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(Path.GetDirectoryName(options.DatabasePath)!, KeysDirectoryName)));
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "tm_antiforgery";
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            antiforgery.HeaderName = AntiforgeryHeader;
        });
        services.AddAuthentication()
            .AddCookie(WebSignIn.CookieScheme, cookie =>
            {
                cookie.Cookie.Name = WebSignIn.CookieName;
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Strict;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.ExpireTimeSpan = WebSignIn.Lifetime;
                cookie.SlidingExpiration = true;
                cookie.LoginPath = "/signin";
                cookie.LogoutPath = "/signout";
                cookie.AccessDeniedPath = "/signin";
                cookie.Events.OnValidatePrincipal = WebSignIn.ValidateAsync;
            })
            .AddPolicyScheme(WebSignIn.Scheme, "Web UI", scheme => scheme.ForwardDefaultSelector = context =>
                context.RequestServices.GetRequiredService<ApiKeyRegistry>().OpenAccess ? ApiKeyAuthenticationHandler.SchemeName : WebSignIn.CookieScheme);
        services.AddAuthorizationBuilder()
            .AddPolicy(WebSignIn.Policy, policy => policy.AddAuthenticationSchemes(WebSignIn.Scheme).RequireAuthenticatedUser());
        return builder;
    }

    /// <summary>The header the pages' scripts send the antiforgery token in.</summary>
    public const string AntiforgeryHeader = "X-CSRF-TOKEN";

    /// <summary>Adds the security headers and the static files, and maps the pages.</summary>
    public static WebApplication MapWebUi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<WebSecurityHeaders>();
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new EmbeddedFileProvider(typeof(WebUi).Assembly, "TM.Server.wwwroot"),
        });
        app.MapRazorPages();
        return app;
    }
}
