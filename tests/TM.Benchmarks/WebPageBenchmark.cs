using System.Diagnostics;
using System.Globalization;
using Grpc.Net.Client;
using OpenQA.Selenium;
using TM.Protos.V1;
using TM.Server.Tests.Web;

namespace TM.Benchmarks;

/// <summary>
/// <c>web</c>: the lookup and concordance pages end to end in headless chromium, over the synthetic memory of
/// <c>perf</c> (N pairs imported as TMX into the real server as a child process, open access on loopback). Each query is
/// one page load: the request, the server's lookup or search and rendering, and the browser parsing and laying out the
/// page until its load event (Navigation Timing), and the same from the benchmark's side (WebDriver's round trip
/// included). Also the live lookup's fetch of the matches alone, as the page's script makes it while a translator types.
/// </summary>
internal static class WebPageBenchmark
{
    private const string Command = "web";
    private static readonly TimeSpan StopTimeout = TimeSpan.FromMinutes(1);

    public static async Task<int> RunAsync(CommandArguments arguments)
    {
        var pairs = arguments.GetInt("pairs", 100_000, min: 1_000);
        var queries = arguments.GetInt("queries", 200, min: 10, max: 10_000);
        var seed = arguments.GetInt("seed", 20240601);
        var startTimeout = TimeSpan.FromSeconds(arguments.GetInt("start-timeout", 600, min: 10));
        arguments.ThrowIfUnknown();

        var clock = Stopwatch.StartNew();
        void Log(string message) => Console.Error.WriteLine($"[{Command} {clock.Elapsed:mm\\:ss}] {message}");
        var report = new MarkdownReport($"{Command}-{pairs}", $"Web UI pages end to end in headless chromium — {pairs:N0} synthetic pairs");
        var dataDirectory = Directory.CreateTempSubdirectory("tm-bench-web-").FullName;
        ServerProcess? server = null;
        try
        {
            var dataset = SyntheticTmxDataset.Prepare(pairs, seed, Log);
            var httpPort = ServerProcess.FreePort();
            server = ServerProcess.Start(dataDirectory, "--http-port", httpPort.ToString(CultureInfo.InvariantCulture));
            var web = $"http://127.0.0.1:{httpPort}";
            using (var channel = GrpcChannel.ForAddress(server.Address))
            {
                var client = new TranslationMemory.TranslationMemoryClient(channel);
                await LookupProbe.WaitForAnswerAsync(server, client, dataset.Queries[0], startTimeout, Log);
                Log($"importing {dataset.Segments:N0} units");
                await new TmxUpload().SendAsync(client, dataset.TmxPath, "", DateTime.UtcNow + TimeSpan.FromHours(2));
                while ((await client.GetStatsAsync(new GetStatsRequest())).Memories.Sum(m => m.ConcordancePending) > 0)
                    await Task.Delay(1_000);
                Log("imported and searchable");
            }

            var sample = Enumerable.Range(0, queries).Select(i => dataset.Queries[i % dataset.Queries.Count]).ToList();
            var terms = sample.Select(Term).ToList();
            using var browser = Chromium.Start();
            // Warm-up: the first loads compile the pages and fill the caches.
            foreach (var warm in sample.Take(10))
            {
                browser.Navigate().GoToUrl($"{web}/?q={Uri.EscapeDataString(warm.Text)}");
                browser.Navigate().GoToUrl($"{web}/concordance?term={Uri.EscapeDataString(Term(warm))}");
            }

            Log($"{queries} lookup pages");
            var lookup = Measure(browser, sample.Select(q => $"{web}/?q={Uri.EscapeDataString(q.Text)}&lang={q.Language}"));
            Log($"{queries} concordance pages");
            var concordance = Measure(browser, terms.Select(t => $"{web}/concordance?term={Uri.EscapeDataString(t)}"));
            Log($"{queries} live lookups (the script's fetch of the matches)");
            var live = MeasureFetches(browser, web, sample);

            report.Paragraph($"{pairs:N0} synthetic pairs (as `perf` makes them); " +
                $"{queries} queries: edited memory sentences and unrelated ones in both languages (lookup), and a word of each (concordance: " +
                "a Korean query's first two syllables, an English query's longest word). One browser, one page at a time.");
            report.Table(["Page", "Loads", "p50 (browser)", "p99 (browser)", "p50 (WebDriver)", "p99 (WebDriver)"],
            [
                Row("Lookup (`/?q=…`)", lookup),
                Row("Concordance (`/concordance?term=…`)", concordance),
                Row("Live lookup (fetch `?handler=results`)", live),
            ]);
            report.Paragraph("Browser: Navigation Timing from the start of the navigation to the end of the load event (for the fetch, " +
                "`performance.now()` around it). WebDriver: the benchmark's own clock around the command, which adds its round trip.");
            report.Publish();
            return 0;
        }
        finally
        {
            if (server is not null)
            {
                await server.StopAsync(StopTimeout);
                server.Dispose();
            }
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    private static string Term(BenchmarkQuery query)
    {
        if (query.Side == TM.Storage.SegmentSide.Korean)
        {
            var word = query.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(w => w.Length >= 2 && w.All(c => c is >= '가' and <= '힣')) ?? query.Text;
            return word[..Math.Min(2, word.Length)];
        }
        return query.Text.Split(' ').Select(w => new string([.. w.Where(char.IsLetter)])).MaxBy(w => w.Length) ?? query.Text;
    }

    private static (List<double> Browser, List<double> Driver) Measure(IWebDriver browser, IEnumerable<string> urls)
    {
        var inBrowser = new List<double>();
        var byDriver = new List<double>();
        foreach (var url in urls)
        {
            var started = Stopwatch.GetTimestamp();
            browser.Navigate().GoToUrl(url);
            byDriver.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            inBrowser.Add(Convert.ToDouble(((IJavaScriptExecutor)browser).ExecuteScript(
                "const n = performance.getEntriesByType('navigation')[0]; return n.loadEventEnd - n.startTime;"), CultureInfo.InvariantCulture));
        }
        return (inBrowser, byDriver);
    }

    private static (List<double> Browser, List<double> Driver) MeasureFetches(IWebDriver browser, string web, IReadOnlyList<BenchmarkQuery> sample)
    {
        browser.Navigate().GoToUrl(web + "/");
        var inBrowser = new List<double>();
        var byDriver = new List<double>();
        foreach (var query in sample)
        {
            var started = Stopwatch.GetTimestamp();
            var elapsed = ((IJavaScriptExecutor)browser).ExecuteAsyncScript("""
                const done = arguments[arguments.length - 1];
                const t = performance.now();
                fetch('/?handler=results&q=' + encodeURIComponent(arguments[0])).then(r => r.text()).then(() => done(performance.now() - t));
                """, query.Text);
            byDriver.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            inBrowser.Add(Convert.ToDouble(elapsed, CultureInfo.InvariantCulture));
        }
        return (inBrowser, byDriver);
    }

    private static string[] Row(string page, (List<double> Browser, List<double> Driver) times) =>
    [
        page,
        Units.Count(times.Browser.Count),
        Milliseconds(Percentile(times.Browser, 0.50)),
        Milliseconds(Percentile(times.Browser, 0.99)),
        Milliseconds(Percentile(times.Driver, 0.50)),
        Milliseconds(Percentile(times.Driver, 0.99)),
    ];

    // Nearest rank, as Percentiles does: every value reported was observed.
    private static double Percentile(List<double> values, double fraction)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Max(0, (int)Math.Ceiling(fraction * sorted.Count) - 1)];
    }

    private static string Milliseconds(double value) => value.ToString("0.0", CultureInfo.InvariantCulture) + " ms";
}
