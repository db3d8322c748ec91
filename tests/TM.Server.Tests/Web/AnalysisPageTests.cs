using System.Globalization;
using System.Net;
using OpenQA.Selenium;
using TM.Interchange.Tests;

namespace TM.Server.Tests.Web;

public sealed class AnalysisPageTests(WebFixture server) : IClassFixture<WebFixture>
{
    private static string Seed => Directory.GetFiles(RepositoryPaths.Seeds, "*.txt").Order(StringComparer.Ordinal).First();

    [BrowserFact]
    public void The_analysis_of_a_seed_document_shows_its_exact_matches_in_the_table_and_the_chart()
    {
        server.SignIn(server.Reader);
        server.Open("/analysis");

        server.Browser.FindElement(By.Id("upload")).SendKeys(Seed);
        server.Browser.FindElement(By.Id("analyse")).Click();

        var report = server.Wait(30).Until(b => b.FindElement(By.Id("report")));
        var total = int.Parse(report.FindElement(By.Id("total-segments")).Text, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
        var exact = int.Parse(report.FindElement(By.CssSelector("tr[data-band=Exact] td")).Text, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
        Assert.True(total > 0 && exact > 0, $"{exact} exact of {total}");
        Assert.Equal(Path.GetFileName(Seed), server.Browser.FindElement(By.Id("report-name")).Text);
        Assert.Equal(AnalysisBandCount, server.Browser.FindElements(By.CssSelector("#chart svg rect")).Count);
        // The document stays in the form, for the XLIFF download.
        Assert.NotEmpty(server.Browser.FindElement(By.Id("text")).GetAttribute("value")!);
        server.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task The_xliff_download_is_valid_xliff_2_with_the_seeds_pretranslated()
    {
        using var http = server.Http();
        await ReadOnlyKeyTests.SignInAsync(http, server.Reader);
        var page = await http.GetStringAsync("analysis");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(await File.ReadAllTextAsync(Seed)), "text" },
            { new StringContent("seed.txt"), "name" },
            { new StringContent(ReadOnlyKeyTests.TokenField().Match(page).Groups[1].Value), "__RequestVerificationToken" },
        };

        using var response = await http.PostAsync("analysis?handler=Xliff", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xliff+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("seed.xlf", response.Content.Headers.ContentDisposition?.ToString(), StringComparison.Ordinal);
        var xliff = await response.Content.ReadAsByteArrayAsync();
        Xliff2CoreChecker.AssertValid(xliff);
        Assert.Contains("state=\"translated\"", System.Text.Encoding.UTF8.GetString(xliff), StringComparison.Ordinal);
    }

    // Every band of a document's report: context, repetitions, 100%, four fuzzy bands and no match.
    private const int AnalysisBandCount = 8;
}
