using System.Globalization;
using System.Text;
using OpenQA.Selenium;

namespace TM.Server.Tests.Web;

public sealed class ImportPageTests(WebFixture server) : IClassFixture<WebFixture>, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("tm-web-import-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [BrowserFact]
    public void An_import_shows_its_progress_batch_by_batch_then_its_outcome_and_joins_the_list()
    {
        // 150 pairs; the fixture's server commits every 20 units, so the page hears of 8 batches.
        var file = Path.Combine(_directory, "web-import.tsv");
        var tsv = new StringBuilder();
        for (var i = 1; i <= 150; i++)
            tsv.Append(CultureInfo.InvariantCulture, $"웹 화면에서 가져온 {i}번째 문장입니다.\tThis is sentence number {i} imported from the web page.\n");
        File.WriteAllText(file, tsv.ToString());
        server.SignIn(server.Reviewer);
        server.Open("/import");

        server.Browser.FindElement(By.Id("file")).SendKeys(file);
        var memory = server.Browser.FindElement(By.Id("memory"));
        memory.Clear();
        memory.SendKeys("web imports");
        server.Browser.FindElement(By.Id("start-import")).Click();

        var outcome = server.Wait(30).Until(b => b.FindElement(By.Id("import-outcome")).GetAttribute("data-pairs-stored") is not null ? b.FindElement(By.Id("import-outcome")) : null);
        Assert.Equal("150", outcome!.GetAttribute("data-pairs-stored"));
        Assert.Contains("Pairs stored", outcome.Text, StringComparison.Ordinal);
        var bar = server.Browser.FindElement(By.Id("import-progress"));
        Assert.Equal("100", bar.GetAttribute("value"));
        Assert.True(int.Parse(bar.GetAttribute("data-updates")!, CultureInfo.InvariantCulture) >= 8, "updates: " + bar.GetAttribute("data-updates"));
        var row = server.Wait().Until(b => b.FindElements(By.CssSelector("#imports tbody tr")).FirstOrDefault(r => r.Text.Contains("web-import.tsv", StringComparison.Ordinal)));
        Assert.Contains("web imports", row!.Text, StringComparison.Ordinal);
        server.AssertNoConsoleErrors();
    }

    [BrowserFact]
    public void A_damaged_file_shows_the_servers_message()
    {
        var file = Path.Combine(_directory, "broken.tmx");
        File.WriteAllText(file, "<tmx version=\"1.4\"><header srclang=\"ko\"/><body><tu><tuv xml:lang=\"ko\"><seg>끝나지 않은");
        server.SignIn(server.Reviewer);
        server.Open("/import");

        server.Browser.FindElement(By.Id("file")).SendKeys(file);
        server.Browser.FindElement(By.Id("start-import")).Click();

        var error = server.Wait(30).Until(b => b.FindElements(By.Id("import-error")).FirstOrDefault());
        Assert.Contains("broken.tmx", error!.Text, StringComparison.Ordinal);
        // The refusal's 400 is the one console line allowed: Chrome logs every answer of 400 or more.
        Assert.All(server.ConsoleErrors(), e => Assert.Contains("status of 400", e, StringComparison.Ordinal));
    }
}
