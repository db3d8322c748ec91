using OpenQA.Selenium;
using TM.Protos.V1;

namespace TM.Server.Tests.Web;

public sealed class TermsPageTests(WebFixture server) : IClassFixture<WebFixture>
{
    [BrowserFact]
    public async Task A_reviewer_adds_an_entry_and_finds_it()
    {
        server.SignIn(server.Reviewer);
        server.Open("/terms");
        server.Browser.FindElement(By.Id("ko")).SendKeys("휴전협상");
        server.Browser.FindElement(By.Id("en")).SendKeys("armistice negotiations");
        server.Browser.FindElement(By.Id("add")).Click();

        var done = server.Wait().Until(b => b.FindElement(By.Id("done")));
        Assert.Contains("휴전협상", done.Text, StringComparison.Ordinal);
        server.Open("/terms?q=" + Uri.EscapeDataString("휴전"));
        Assert.Contains(server.Browser.FindElements(By.CssSelector("#terms td[lang=en]")), c => c.Text == "armistice negotiations");
        var stored = await server.Client.ListTermsAsync(new ListTermsRequest { Filter = "휴전협상" }, WebFixture.With(WebFixture.AdminSecret));
        Assert.Equal("reviewer", Assert.Single(stored.Terms).CreatedBy);
        server.AssertNoConsoleErrors();
    }

    [BrowserFact]
    public void Suggested_terms_are_accepted_into_the_termbase_with_one_click()
    {
        server.SignIn(server.Reviewer);
        server.Open("/terms");
        server.Browser.FindElement(By.Id("suggest")).Click();

        var accept = server.Wait(30).Until(b => b.FindElements(By.CssSelector("#suggestions button.accept")).FirstOrDefault());
        Assert.NotNull(accept);
        var row = accept.FindElement(By.XPath("ancestor::tr"));
        var korean = row.FindElement(By.CssSelector("td[lang=ko]")).Text;
        accept.Click();

        var done = server.Wait().Until(b => b.FindElement(By.Id("done")));
        Assert.Contains(korean, done.Text, StringComparison.Ordinal);
        Assert.Contains(server.Browser.FindElements(By.CssSelector("#terms td[lang=ko]")), c => c.Text == korean);
        server.AssertNoConsoleErrors();
    }

    [BrowserFact]
    public void A_read_key_may_search_and_see_suggestions_but_not_add()
    {
        server.SignIn(server.Reader);
        server.Open("/terms");
        Assert.Empty(server.Browser.FindElements(By.Id("add-term")));
        server.Browser.FindElement(By.Id("suggest")).Click();
        server.Wait(30).Until(b => b.FindElements(By.Id("suggestions")).Count > 0);
        Assert.Empty(server.Browser.FindElements(By.CssSelector("#suggestions button.accept")));
        server.AssertNoConsoleErrors();
    }
}
