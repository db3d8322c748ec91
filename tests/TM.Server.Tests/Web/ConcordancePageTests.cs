using System.Net;
using TM.Protos.V1;

namespace TM.Server.Tests.Web;

/// <summary>The concordance page over the real server: the term marked in its side, its translation in the other.</summary>
public sealed class ConcordancePageTests(WebFixture server) : IClassFixture<WebFixture>
{
    [Fact]
    public async Task The_term_is_marked_and_its_termbase_translation_underlined_in_the_other_side()
    {
        var memory = $"page-{Guid.NewGuid():N}"[..16];
        var admin = WebFixture.With(WebFixture.AdminSecret);
        await server.Client.CreateMemoryAsync(new CreateMemoryRequest { Name = memory }, admin);
        await server.Client.AddSegmentAsync(new AddSegmentRequest { Memory = memory, Ko = "스탈린은 휴전에 동의하지 않았다.", En = "Stalin did not agree to an armistice." }, admin);
        await server.Client.AddTermAsync(new AddTermRequest { Memory = memory, Entry = new TermEntry { Ko = "스탈린", En = "Stalin" } }, admin);
        using var http = server.Http();
        await ReadOnlyKeyTests.SignInAsync(http, server.Reader);

        // Decoded: the pages write Hangul as character references.
        var stalin = WebUtility.HtmlDecode(await http.GetStringAsync($"concordance?memory={memory}&term={Uri.EscapeDataString("스탈린")}&lang=ko"));
        var armistice = WebUtility.HtmlDecode(await http.GetStringAsync($"concordance?memory={memory}&term={Uri.EscapeDataString("휴전")}&lang=ko"));

        Assert.Contains("<mark>스탈린</mark>", stalin, StringComparison.Ordinal);
        Assert.Contains(">Stalin</mark> did not agree", stalin, StringComparison.Ordinal);
        Assert.Contains("<mark class=\"translation\">Stalin</mark>", stalin, StringComparison.Ordinal);
        Assert.Contains("underlined: the term's translation", stalin, StringComparison.Ordinal);
        // No entry at 휴전: the English is left as it is.
        Assert.Contains("<mark>휴전</mark>", armistice, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"translation\"", armistice, StringComparison.Ordinal);
        Assert.DoesNotContain("underlined", armistice, StringComparison.Ordinal);
    }
}
