using System.Net;
using Grpc.Core;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;
using TM.Protos.V1;

namespace TM.Server.Tests.Web;

/// <summary>
/// The real server with the seeds, API keys and its HTTP/1.1 port (where the web UI is), and one headless chromium
/// shared by the tests of a class (starting one costs about a second). Keys: the admin key given at start, a
/// "reviewer" write key and a "reader" read key.
/// </summary>
public class WebFixture : ServerFixture
{
    public const string AdminSecret = "tm_test-web-admin-secret-0123456789abcdef";

    private readonly string _keyFile = Path.Combine(Path.GetTempPath(), $"tm-web-admin-{Guid.NewGuid():N}.key");
    private ChromeDriver? _browser;

    public string Reviewer { get; private set; } = "";

    public string Reader { get; private set; } = "";

    /// <summary>The web UI's address, e.g. <c>http://127.0.0.1:40123</c>.</summary>
    public string WebAddress => HttpAddress!.TrimEnd('/');

    /// <summary>The browser, started on first use.</summary>
    public ChromeDriver Browser => _browser ??= Chromium.Start();

    protected override IEnumerable<string> ExtraArguments => ["--admin-key-file", _keyFile, "--http-port", "0", "--import-batch-size", "20"];

    public static Metadata With(string secret) => new() { { "authorization", "Bearer " + secret } };

    /// <summary>Starts the server alone, without the keys (for a fixture of a server in open access).</summary>
    protected Task InitializeServerAsync() => base.InitializeAsync();

    public override async Task InitializeAsync()
    {
        await File.WriteAllTextAsync(_keyFile, AdminSecret + "\n");
        await base.InitializeAsync();
        var admin = new Administration.AdministrationClient(Channel);
        Reviewer = (await admin.CreateKeyAsync(new CreateKeyRequest { Name = "reviewer", Role = KeyRole.Write }, With(AdminSecret))).Secret;
        Reader = (await admin.CreateKeyAsync(new CreateKeyRequest { Name = "reader", Role = KeyRole.Read }, With(AdminSecret))).Secret;
    }

    public override async Task DisposeAsync()
    {
        _browser?.Quit();
        _browser?.Dispose();
        await base.DisposeAsync();
        if (File.Exists(_keyFile))
            File.Delete(_keyFile);
    }

    /// <summary>Opens <paramref name="path"/> of the web UI.</summary>
    public void Open(string path) => Browser.Navigate().GoToUrl(WebAddress + path);

    /// <summary>Signs the browser out (if it was signed in), then in with <paramref name="secret"/>, and waits for the lookup page.</summary>
    public void SignIn(string secret)
    {
        // A new test: what earlier tests of the class left in the console is theirs.
        ConsoleErrors();
        Browser.Manage().Cookies.DeleteAllCookies();
        Open("/signin");
        Browser.FindElement(By.Id("key")).SendKeys(secret);
        Browser.FindElement(By.CssSelector("form button[type=submit]")).Click();
        Wait().Until(b => b.FindElements(By.Id("key-name")).Count > 0);
    }

    public WebDriverWait Wait(double seconds = 10) => new(Browser, TimeSpan.FromSeconds(seconds));

    /// <summary>The browser console's errors since the last call (SEVERE), which every test fails on.</summary>
    public IReadOnlyList<string> ConsoleErrors() =>
        Browser.Manage().Logs.GetLog(LogType.Browser).Where(e => e.Level == LogLevel.Severe).Select(e => e.Message).ToList();

    /// <summary>Fails when the browser's console has logged an error since the last check.</summary>
    public void AssertNoConsoleErrors()
    {
        var errors = ConsoleErrors();
        Assert.True(errors.Count == 0, "The browser console logged errors:\n" + string.Join("\n", errors));
    }

    /// <summary>A client for the HTTP/1.1 port that keeps cookies, follows no redirects, for checks a browser hides (headers, forged posts).</summary>
    public HttpClient Http(CookieContainer? cookies = null) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies ?? new CookieContainer(), UseCookies = true })
        {
            BaseAddress = new Uri(WebAddress + "/"),
        };
}
