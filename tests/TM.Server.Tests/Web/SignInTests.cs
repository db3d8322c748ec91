using OpenQA.Selenium;
using TM.Protos.V1;

namespace TM.Server.Tests.Web;

public sealed class SignInTests(WebFixture server) : IClassFixture<WebFixture>
{
    [BrowserFact]
    public void Pages_ask_for_sign_in_and_a_valid_key_opens_them()
    {
        server.Browser.Manage().Cookies.DeleteAllCookies();
        server.Open("/concordance");
        Assert.EndsWith("/signin?ReturnUrl=%2Fconcordance", server.Browser.Url, StringComparison.OrdinalIgnoreCase);

        server.Browser.FindElement(By.Id("key")).SendKeys(server.Reader);
        server.Browser.FindElement(By.CssSelector("form button[type=submit]")).Click();

        server.Wait().Until(b => b.FindElements(By.Id("key-name")).Count > 0);
        Assert.EndsWith("/concordance", server.Browser.Url, StringComparison.Ordinal);
        Assert.Equal("reader", server.Browser.FindElement(By.Id("key-name")).Text);
        Assert.Equal("read", server.Browser.FindElement(By.Id("key-role")).Text);
        Assert.DoesNotContain(server.Reader, server.Browser.Url, StringComparison.Ordinal);
        server.AssertNoConsoleErrors();
    }

    [BrowserFact]
    public void An_unknown_key_is_refused_with_a_message()
    {
        server.Browser.Manage().Cookies.DeleteAllCookies();
        server.Open("/signin");
        server.Browser.FindElement(By.Id("key")).SendKeys("tm_not-a-key-of-this-server-0000000000");
        server.Browser.FindElement(By.CssSelector("form button[type=submit]")).Click();

        var error = server.Wait().Until(b => b.FindElement(By.Id("signin-error")));
        Assert.Contains("not known to this server", error.Text, StringComparison.Ordinal);
        Assert.Empty(server.Browser.FindElements(By.Id("key-name")));
    }

    [BrowserFact]
    public async Task A_revoked_key_is_signed_out_at_its_next_request()
    {
        var admin = new Administration.AdministrationClient(server.Channel);
        var secret = (await admin.CreateKeyAsync(new CreateKeyRequest { Name = "short-lived", Role = KeyRole.Write }, WebFixture.With(WebFixture.AdminSecret))).Secret;
        server.SignIn(secret);

        await admin.RevokeKeyAsync(new RevokeKeyRequest { Name = "short-lived" }, WebFixture.With(WebFixture.AdminSecret));
        server.Open("/memories");

        Assert.Contains("/signin", server.Browser.Url, StringComparison.Ordinal);
        Assert.Empty(server.Browser.FindElements(By.Id("key-name")));
    }

    [BrowserFact]
    public void The_cookie_is_http_only_and_strict_and_holds_no_key()
    {
        server.SignIn(server.Reviewer);

        var cookie = server.Browser.Manage().Cookies.GetCookieNamed("tm_session");
        Assert.NotNull(cookie);
        Assert.True(cookie.IsHttpOnly);
        Assert.Equal("Strict", cookie.SameSite);
        Assert.DoesNotContain(server.Reviewer, cookie.Value, StringComparison.Ordinal);
        server.AssertNoConsoleErrors();
    }
}
