using Microsoft.AspNetCore.Http;

namespace TM.Server.Web;

/// <summary>
/// Adds the browser's security headers to every answer that is not gRPC: a content security policy that runs only the
/// server's own scripts (no inline script, no eval) and lets no other site frame the pages, no MIME sniffing, and no
/// referrer leaving the site (a lookup's text is in its URL).
/// </summary>
public sealed class WebSecurityHeaders(RequestDelegate next)
{
    /// <summary>The content security policy.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Adds the headers, unless the request is a gRPC call.</summary>
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) != true)
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            headers.XFrameOptions = "DENY";
        }
        return next(context);
    }
}
