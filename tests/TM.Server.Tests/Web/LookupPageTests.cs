using OpenQA.Selenium;

namespace TM.Server.Tests.Web;

public sealed class LookupPageTests(WebFixture server) : IClassFixture<WebFixture>
{
    [BrowserFact]
    public async Task Lookup_shows_the_stored_pair_as_an_exact_match_with_origin_and_date()
    {
        var pair = (await SeedPairs.SentencesAsync(server))[0];
        server.SignIn(server.Reader);
        server.Open("/?q=" + Uri.EscapeDataString(pair.Ko));

        var first = server.Browser.FindElement(By.CssSelector("#matches .match"));
        Assert.Equal("100%", first.FindElement(By.CssSelector(".score")).Text);
        Assert.Equal(pair.En, first.FindElement(By.CssSelector(".target")).Text);
        Assert.Equal("en", first.FindElement(By.CssSelector(".target")).GetAttribute("lang"));
        Assert.Contains(pair.Origin, first.FindElement(By.CssSelector(".meta")).Text, StringComparison.Ordinal);
        server.AssertNoConsoleErrors();
    }

    [BrowserFact]
    public async Task Typing_looks_up_live_and_highlights_what_differs()
    {
        var pair = (await SeedPairs.SentencesAsync(server))[1];
        server.SignIn(server.Reader);
        server.Open("/");
        // The sentence with its last word left out: a fuzzy match whose extra word is marked as inserted.
        var words = pair.Ko.Split(' ');
        var shorter = string.Join(' ', words[..^1]);
        server.Browser.FindElement(By.Id("q")).SendKeys(shorter);

        var match = server.Wait().Until(b => b.FindElements(By.CssSelector("#matches .match")).FirstOrDefault());
        Assert.NotNull(match);
        Assert.NotEqual("100%", match.FindElement(By.CssSelector(".score")).Text);
        Assert.NotEmpty(match.FindElements(By.CssSelector(".source ins")));
        Assert.Contains("q=", server.Browser.Url, StringComparison.Ordinal);
        server.AssertNoConsoleErrors();
    }

    [BrowserFact]
    public void No_lookup_runs_while_an_input_method_is_composing()
    {
        server.SignIn(server.Reader);
        server.Open("/");
        var input = server.Browser.FindElement(By.Id("q"));
        var results = server.Browser.FindElement(By.Id("results"));
        // What an IME does while building 한: compositionstart, then input events that are part of the composition.
        server.Browser.ExecuteScript("""
            const q = arguments[0];
            q.dispatchEvent(new CompositionEvent('compositionstart', { data: '' }));
            q.value = '정전협';
            q.dispatchEvent(new InputEvent('input', { data: '협', isComposing: true }));
            """, input);
        Thread.Sleep(800);
        Assert.Null(results.GetAttribute("data-lookups"));

        server.Browser.ExecuteScript("arguments[0].dispatchEvent(new CompositionEvent('compositionend', { data: '협' }));", input);
        server.Wait().Until(_ => results.GetAttribute("data-lookups") == "1");
        server.AssertNoConsoleErrors();
    }

    [BrowserFact]
    public void Text_with_nothing_to_match_says_so_while_typing_without_console_errors()
    {
        server.SignIn(server.Reader);
        server.Open("/");

        server.Browser.FindElement(By.Id("q")).SendKeys("…!?");

        var error = server.Wait().Until(b => b.FindElements(By.Id("lookup-error")).FirstOrDefault());
        Assert.False(string.IsNullOrWhiteSpace(error!.Text));
        server.AssertNoConsoleErrors();
    }

    [BrowserFact]
    public async Task The_lookup_works_from_the_keyboard_alone()
    {
        var pair = (await SeedPairs.SentencesAsync(server))[0];
        server.SignIn(server.Reader);
        server.Open("/");
        var body = server.Browser.FindElement(By.TagName("body"));

        // Tab from the top of the page: the skip link first, then on to the sentence box.
        body.SendKeys(Keys.Tab);
        Assert.Equal("skip", server.Browser.SwitchTo().ActiveElement().GetAttribute("class"));
        for (var i = 0; i < 20 && server.Browser.SwitchTo().ActiveElement().GetAttribute("id") != "q"; i++)
            server.Browser.SwitchTo().ActiveElement().SendKeys(Keys.Tab);
        var input = server.Browser.SwitchTo().ActiveElement();
        Assert.Equal("q", input.GetAttribute("id"));
        ((OpenQA.Selenium.IJavaScriptExecutor)server.Browser).ExecuteScript("arguments[0].value = arguments[1];", input, pair.Ko);
        input.SendKeys(Keys.Enter);

        var match = server.Wait().Until(b => b.FindElements(By.CssSelector("#matches .match .score")).FirstOrDefault());
        Assert.Equal("100%", match!.Text);
        server.AssertNoConsoleErrors();
    }
}
