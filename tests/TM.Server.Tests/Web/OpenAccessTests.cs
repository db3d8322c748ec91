using OpenQA.Selenium;

namespace TM.Server.Tests.Web;

/// <summary>A server with no keys on loopback: the web UI opens without sign-in, as gRPC calls are served without a key.</summary>
public sealed class OpenAccessTests(OpenAccessTests.Fixture server) : IClassFixture<OpenAccessTests.Fixture>
{
    public sealed class Fixture : WebFixture
    {
        protected override IEnumerable<string> ExtraArguments => ["--http-port", "0"];

        public override Task InitializeAsync() => InitializeServerAsync();
    }

    [BrowserFact]
    public void Without_keys_the_pages_open_without_sign_in_and_say_so()
    {
        server.Open("/memories");

        Assert.EndsWith("/memories", server.Browser.Url, StringComparison.Ordinal);
        Assert.Contains("Open access", server.Browser.FindElement(By.CssSelector(".who")).Text, StringComparison.Ordinal);
        Assert.NotEmpty(server.Browser.FindElements(By.CssSelector("#memories a[href^='/import']")));
        server.AssertNoConsoleErrors();
    }
}
