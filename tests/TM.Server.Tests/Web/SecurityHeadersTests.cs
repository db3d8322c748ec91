using System.Net;

namespace TM.Server.Tests.Web;

public sealed class SecurityHeadersTests(WebFixture server) : IClassFixture<WebFixture>
{
    [Fact]
    public async Task Pages_and_scripts_carry_a_content_security_policy_without_inline_scripts()
    {
        using var http = server.Http();
        foreach (var path in (string[])["signin", "js/lookup.js", "css/site.css"])
        {
            using var response = await http.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.True(response.Headers.Contains("Referrer-Policy"));
        }
    }

    [Fact]
    public async Task A_sign_in_post_without_its_antiforgery_token_is_refused()
    {
        using var http = server.Http();
        using var response = await http.PostAsync("signin", new FormUrlEncodedContent(new Dictionary<string, string> { ["key"] = server.Reviewer }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("tm_session", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_sign_in_post_with_its_token_signs_in()
    {
        using var http = server.Http();
        var form = await http.GetStringAsync("signin");
        var token = ReadOnlyKeyTests.TokenField().Match(form).Groups[1].Value;
        using var response = await http.PostAsync("signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["key"] = server.Reviewer,
            ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("tm_session=", StringComparison.Ordinal) && c.Contains("httponly", StringComparison.OrdinalIgnoreCase));
    }
}
