using System.Net;
using System.Text.RegularExpressions;
using OpenQA.Selenium;
using TM.Protos.V1;

namespace TM.Server.Tests.Web;

public sealed partial class ReadOnlyKeyTests(WebFixture server) : IClassFixture<WebFixture>
{
    [BrowserFact]
    public async Task A_read_key_sees_no_edit_delete_or_import_buttons()
    {
        var pair = (await SeedPairs.SentencesAsync(server))[0];
        server.SignIn(server.Reader);

        server.Open($"/segment?memory=default&id={pair.SegmentId}");
        Assert.Equal(pair.En, server.Browser.FindElement(By.Id("stored-en")).Text);
        Assert.Empty(server.Browser.FindElements(By.Id("edit")));
        Assert.Empty(server.Browser.FindElements(By.Id("delete")));
        server.Open("/memories");
        Assert.Empty(server.Browser.FindElements(By.CssSelector("#memories a[href^='/import']")));
        server.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task A_forged_edit_with_a_read_key_is_refused_with_403_and_changes_nothing()
    {
        var pair = (await SeedPairs.SentencesAsync(server))[0];
        using var http = server.Http();
        await SignInAsync(http, server.Reader);
        // A valid antiforgery token of the reader's session (the sign-out form has one): only the role can refuse this.
        var page = await http.GetStringAsync($"segment?memory=default&id={pair.SegmentId}");
        var token = TokenField().Match(page).Groups[1].Value;

        using var response = await http.PostAsync($"segment?handler=Save&memory=default&id={pair.SegmentId}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["en"] = "Forged.",
            ["version"] = "1",
            ["__RequestVerificationToken"] = token,
        }));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("write role", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var stored = await server.Client.GetSegmentAsync(new GetSegmentRequest { SegmentId = pair.SegmentId }, WebFixture.With(WebFixture.AdminSecret));
        Assert.Equal(pair.En, stored.En);
    }

    [Fact]
    public async Task A_forged_import_with_a_read_key_is_refused_with_403()
    {
        using var http = server.Http();
        await SignInAsync(http, server.Reader);
        var page = await http.GetStringAsync("import");
        var token = TokenField().Match(page).Groups[1].Value;
        using var body = new ByteArrayContent("읽기 전용\tRead only\n"u8.ToArray());
        body.Headers.Add("X-CSRF-TOKEN", token);

        using var response = await http.PostAsync("import?handler=upload&memory=forged&name=forged.tsv", body);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("write role", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var memories = await server.Client.ListMemoriesAsync(new ListMemoriesRequest(), WebFixture.With(WebFixture.AdminSecret));
        Assert.DoesNotContain(memories.Memories, m => m.Name == "forged");
    }

    [Fact]
    public async Task An_edit_without_an_antiforgery_token_is_refused()
    {
        var pair = (await SeedPairs.SentencesAsync(server))[1];
        using var http = server.Http();
        await SignInAsync(http, server.Reviewer);

        using var response = await http.PostAsync($"segment?handler=Save&memory=default&id={pair.SegmentId}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["en"] = "Cross-site.",
            ["version"] = "1",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var stored = await server.Client.GetSegmentAsync(new GetSegmentRequest { SegmentId = pair.SegmentId }, WebFixture.With(WebFixture.AdminSecret));
        Assert.Equal(pair.En, stored.En);
    }

    internal static async Task SignInAsync(HttpClient http, string secret)
    {
        var form = await http.GetStringAsync("signin");
        using var response = await http.PostAsync("signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["key"] = secret,
            ["__RequestVerificationToken"] = TokenField().Match(form).Groups[1].Value,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    internal static partial Regex TokenField();
}
