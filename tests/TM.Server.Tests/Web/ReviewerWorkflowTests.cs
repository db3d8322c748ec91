using System.Text;
using Grpc.Core;
using OpenQA.Selenium;
using TM.Protos.V1;

namespace TM.Server.Tests.Web;

public sealed class ReviewerWorkflowTests(WebFixture server) : IClassFixture<WebFixture>
{
    [BrowserFact]
    public async Task A_reviewer_finds_a_pair_fixes_it_and_the_fix_shows_in_lookup_and_export()
    {
        var pair = (await SeedPairs.SentencesAsync(server))[2];
        // Its longest English word: rare enough for the pair to be on the first page of hits.
        var term = pair.En.Split(' ').Select(w => new string([.. w.Where(char.IsLetter)])).MaxBy(w => w.Length)!;
        server.SignIn(server.Reviewer);

        // Search → open the pair.
        server.Open("/concordance?term=" + Uri.EscapeDataString(term));
        Assert.Contains(term, server.Browser.FindElement(By.CssSelector($"#hits tr[data-segment='{pair.SegmentId}'] td[lang=en] mark")).Text, StringComparison.OrdinalIgnoreCase);
        server.Browser.FindElement(By.CssSelector($"#hits tr[data-segment='{pair.SegmentId}'] a")).Click();
        server.Wait().Until(b => b.FindElements(By.Id("edit")).Count > 0);
        Assert.Equal(pair.En, server.Browser.FindElement(By.Id("stored-en")).Text);

        // Fix it.
        var fixedEnglish = pair.En + " (reviewed)";
        var english = server.Browser.FindElement(By.Id("en"));
        english.Clear();
        english.SendKeys(fixedEnglish);
        server.Browser.FindElement(By.Id("save")).Click();
        var done = server.Wait().Until(b => b.FindElement(By.Id("done")));
        Assert.StartsWith("Saved as version", done.Text, StringComparison.Ordinal);
        Assert.Equal(fixedEnglish, server.Browser.FindElement(By.Id("stored-en")).Text);
        Assert.Contains(server.Browser.FindElements(By.CssSelector("#history td[lang=en]")), cell => cell.Text == pair.En);

        // The fix is what lookup offers now…
        server.Open("/?q=" + Uri.EscapeDataString(pair.Ko));
        Assert.Equal(fixedEnglish, server.Browser.FindElement(By.CssSelector("#matches .match .target")).Text);
        server.AssertNoConsoleErrors();

        // …and what the memory exports.
        var tmx = new StringBuilder();
        using var export = server.Client.ExportTmx(new ExportTmxRequest(), WebFixture.With(WebFixture.AdminSecret));
        await foreach (var chunk in export.ResponseStream.ReadAllAsync())
            tmx.Append(chunk.Chunk.ToStringUtf8());
        Assert.Contains(System.Security.SecurityElement.Escape(fixedEnglish), tmx.ToString(), StringComparison.Ordinal);
    }

    [BrowserFact]
    public async Task A_pair_changed_meanwhile_is_not_overwritten_and_the_reviewers_text_is_kept()
    {
        var pair = (await SeedPairs.SentencesAsync(server))[3];
        server.SignIn(server.Reviewer);
        server.Open($"/segment?memory=default&id={pair.SegmentId}");
        var current = await server.Client.GetSegmentAsync(new GetSegmentRequest { SegmentId = pair.SegmentId }, WebFixture.With(WebFixture.AdminSecret));
        await server.Client.UpdateSegmentAsync(new UpdateSegmentRequest { SegmentId = pair.SegmentId, En = "Changed by someone else.", Version = current.Version },
            WebFixture.With(WebFixture.AdminSecret));

        var english = server.Browser.FindElement(By.Id("en"));
        english.Clear();
        english.SendKeys("My correction.");
        server.Browser.FindElement(By.Id("save")).Click();

        var failure = server.Wait().Until(b => b.FindElement(By.Id("failure")));
        Assert.Equal("409", failure.GetAttribute("data-status"));
        Assert.Equal("Changed by someone else.", server.Browser.FindElement(By.Id("stored-en")).Text);
        Assert.Equal("My correction.", server.Browser.FindElement(By.Id("en")).GetAttribute("value"));
        // The 409 itself is the one line the console may hold: Chrome logs every answer of 400 or more.
        Assert.All(server.ConsoleErrors(), e => Assert.Contains("status of 409", e, StringComparison.Ordinal));
    }

    [BrowserFact]
    public async Task A_reviewer_deletes_a_pair_and_lookup_no_longer_offers_it()
    {
        var pair = (await SeedPairs.SentencesAsync(server))[4];
        server.SignIn(server.Reviewer);
        server.Open($"/segment?memory=default&id={pair.SegmentId}");
        server.Browser.FindElement(By.Id("delete")).Click();

        server.Wait().Until(b => b.Url.Contains("/segments", StringComparison.Ordinal));
        Assert.Empty(server.Browser.FindElements(By.CssSelector($"#segments tr[data-segment='{pair.SegmentId}']")));
        server.Open("/?q=" + Uri.EscapeDataString(pair.Ko));
        Assert.DoesNotContain(server.Browser.FindElements(By.CssSelector("#matches .match")), m => m.GetAttribute("data-segment") == pair.SegmentId);
        server.AssertNoConsoleErrors();
    }
}
