using System.Diagnostics;
using System.Globalization;
using System.Text;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;
using TM.Protos.V1;
using TM.Server.Hosting;
using TM.Server.Tests.Web;

namespace TM.Benchmarks;

/// <summary>
/// Screenshots of the web UI for a person to look at: the real server in process with the seeds and an admin key, a
/// reviewer's write key, and headless chromium going through the pages as a reviewer would (a lookup with a changed
/// number, a concordance, the memories, a pair after a correction, an import, an analysis, suggested terms), each
/// saved as a PNG of the whole page; the lookup and a pair again at a phone's width (390 px).
/// </summary>
internal static class WebScreenshots
{
    private const string AdminSecret = "tm_screenshots-admin-secret-0123456789";

    public static async Task<int> RunAsync(CommandArguments arguments)
    {
        var output = Path.GetFullPath(arguments.GetString("out", Path.Combine(RepositoryPaths.Results, "screenshots")));
        arguments.ThrowIfUnknown();
        Directory.CreateDirectory(output);
        var clock = Stopwatch.StartNew();
        void Log(string message) => Console.Error.WriteLine($"[screenshots {clock.Elapsed:mm\\:ss}] {message}");

        var dataDirectory = Directory.CreateTempSubdirectory("tm-bench-screens-").FullName;
        var keyFile = Path.Combine(dataDirectory, "admin.key");
        await File.WriteAllTextAsync(keyFile, AdminSecret);
        Environment.SetEnvironmentVariable("Logging__LogLevel__Default", "Warning");
        var app = await TmServerApp.CreateAsync(["--port", "0", "--http-port", "0", "--data-dir", Path.Combine(dataDirectory, "data"),
            "--seeds-dir", RepositoryPaths.Seeds, "--admin-key-file", keyFile, "--import-batch-size", "50"]);
        try
        {
            await app.StartAsync();
            await TmServerApp.WhenReadyAsync(app);
            var addresses = TmServerApp.ListeningAddresses(app);
            using var channel = GrpcChannel.ForAddress(addresses[0]);
            var admin = new Grpc.Core.Metadata { { "authorization", "Bearer " + AdminSecret } };
            var reviewer = (await new Administration.AdministrationClient(channel).CreateKeyAsync(
                new CreateKeyRequest { Name = "reviewer", Role = KeyRole.Write }, admin)).Secret;
            var pairs = (await new TranslationMemory.TranslationMemoryClient(channel).ListSegmentsAsync(new ListSegmentsRequest { MaxResults = 200 }, admin)).Segments;
            Log($"server ready at {addresses[1]}; {pairs.Count} seed pairs");

            using var browser = Chromium.Start(1280, 900);
            var shots = new Shots(browser, addresses[1].TrimEnd('/'), output, Log);
            shots.Open("/signin");
            shots.Save("01-sign-in");
            browser.FindElement(By.Id("key")).SendKeys(reviewer);
            browser.FindElement(By.CssSelector("form button[type=submit]")).Click();
            shots.Until(b => b.FindElements(By.Id("key-name")).Count > 0);

            // A seed sentence with one number changed: a fuzzy match, its difference and its adapted target.
            var numbered = pairs.FirstOrDefault(p => p.Ko.Contains("5월", StringComparison.Ordinal)) ?? pairs[0];
            shots.Open("/");
            browser.FindElement(By.Id("q")).SendKeys(numbered.Ko.Replace("5월", "6월", StringComparison.Ordinal));
            shots.Until(b => b.FindElements(By.CssSelector("#matches .match")).Count > 0);
            shots.Save("02-lookup");

            shots.Open("/concordance?term=" + Uri.EscapeDataString("스탈린"));
            shots.Save("03-concordance");
            shots.Open("/memories");
            shots.Save("04-memories");
            shots.Open("/segments?memory=default");
            shots.Save("05-pairs");

            var pair = pairs.First(p => p.En.Length > 40);
            shots.Open($"/segment?memory=default&id={pair.SegmentId}");
            var english = browser.FindElement(By.Id("en"));
            english.Clear();
            english.SendKeys(pair.En.TrimEnd('.') + ", as reviewed.");
            browser.FindElement(By.Id("save")).Click();
            shots.Until(b => b.FindElements(By.Id("done")).Count > 0);
            shots.Save("06-pair-after-correction");

            var tsv = Path.Combine(dataDirectory, "glossary-sentences.tsv");
            var lines = new StringBuilder();
            for (var i = 1; i <= 400; i++)
                lines.Append(CultureInfo.InvariantCulture, $"휴전 회담의 {i}번째 회의록입니다.\tThese are the minutes of armistice meeting number {i}.\n");
            await File.WriteAllTextAsync(tsv, lines.ToString());
            shots.Open("/import");
            browser.FindElement(By.Id("file")).SendKeys(tsv);
            browser.FindElement(By.Id("start-import")).Click();
            shots.Until(b => b.FindElement(By.Id("import-outcome")).GetAttribute("data-pairs-stored") is not null
                && b.FindElements(By.CssSelector("#imports tbody tr")).Count > 2);
            shots.Save("07-import");

            shots.Open("/analysis");
            browser.FindElement(By.Id("upload")).SendKeys(Directory.GetFiles(RepositoryPaths.Seeds, "*.txt").Order(StringComparer.Ordinal).First());
            browser.FindElement(By.Id("analyse")).Click();
            shots.Until(b => b.FindElements(By.Id("report")).Count > 0);
            shots.Save("08-analysis");

            shots.Open("/terms");
            browser.FindElement(By.Id("suggest")).Click();
            shots.Until(b => b.FindElements(By.Id("suggestions")).Count > 0);
            shots.Save("09-terms");

            shots.Width = 390;
            browser.ExecuteCdpCommand("Emulation.setDeviceMetricsOverride", new Dictionary<string, object?> { ["width"] = 390, ["height"] = 844, ["deviceScaleFactor"] = 1, ["mobile"] = true });
            shots.Open("/?q=" + Uri.EscapeDataString(numbered.Ko.Replace("5월", "6월", StringComparison.Ordinal)));
            shots.Save("10-lookup-narrow");
            shots.Open($"/segment?memory=default&id={pair.SegmentId}");
            shots.Save("11-pair-narrow");

            var errors = browser.Manage().Logs.GetLog(LogType.Browser).Where(e => e.Level == LogLevel.Severe).ToList();
            foreach (var error in errors)
                Log("console error: " + error.Message);
            Log($"wrote {shots.Count} screenshots to {output}");
            return errors.Count == 0 ? 0 : 1;
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    private sealed class Shots(ChromeDriver browser, string address, string output, Action<string> log)
    {
        public int Count { get; private set; }

        public void Open(string path) => browser.Navigate().GoToUrl(address + path);

        public void Until(Func<IWebDriver, bool> condition) => new WebDriverWait(browser, TimeSpan.FromSeconds(60)).Until(condition);

        /// <summary>The width pages are laid out at: a desktop's, or a phone's (mobile emulation).</summary>
        public int Width { get; set; } = 1280;

        /// <summary>The whole page: the viewport made as tall as the page (at most 4,000 px) for the shot, then back.</summary>
        public void Save(string name)
        {
            var height = Convert.ToInt32(browser.ExecuteScript("return document.documentElement.scrollHeight;"), CultureInfo.InvariantCulture);
            browser.ExecuteCdpCommand("Emulation.setDeviceMetricsOverride", new Dictionary<string, object?>
            {
                ["width"] = Width,
                ["height"] = Math.Clamp(height, 600, 4_000),
                ["deviceScaleFactor"] = 1,
                ["mobile"] = Width < 600,
            });
            var path = Path.Combine(output, name + ".png");
            browser.GetScreenshot().SaveAsFile(path);
            browser.ExecuteCdpCommand("Emulation.clearDeviceMetricsOverride", []);
            Count++;
            log($"{name}.png");
        }
    }
}
