using TM.Server.Terminology;
using TM.Storage;
using TM.Text;

namespace TM.Server.Tests.Terminology;

/// <summary>A memory's <see cref="Termbase"/>: terms found in a query, forbidden variants in a stored translation, and the cheap check before the latter.</summary>
public sealed class TermbaseRecognitionTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    private static readonly Termbase Terms = new(
    [
        Record(1, new TermContent("스탈린", "Stalin") { ForbiddenEnglish = ["Staline"] }),
        Record(2, new TermContent("정전협정", "Armistice Agreement") { ForbiddenKorean = ["휴전협정"] }),
        Record(3, new TermContent("38선", "38th parallel") { ForbiddenEnglish = ["38th Parallel line"] }),
        Record(4, new TermContent("김일성", "Kim Il-sung")),
    ]);

    private static TermRecord Record(long id, TermContent content) => new(id, 1, content, Now, "", Now, "", 1);

    [Fact]
    public void A_forbidden_English_variant_is_found_in_a_translation_with_its_offsets()
    {
        const string target = "Kim accepted these suggestions and tried to persuade Staline with Mao.";

        var hit = Assert.Single(Terms.FindForbidden(target, Language.English));

        Assert.Equal("Staline", target.Substring(hit.Start, hit.Length));
        Assert.True(hit.Forbidden);
        Assert.Equal("Stalin", Terms.Entry(hit).Content.English);
    }

    [Fact]
    public void A_forbidden_Korean_variant_is_found_with_a_particle_attached()
    {
        var hit = Assert.Single(Terms.FindForbidden("휴전협정은 1953년에 체결되었다.", Language.Korean));

        Assert.Equal((0, 4, 2L), (hit.Start, hit.Length, hit.EntryId));
    }

    [Fact]
    public void A_forbidden_form_that_starts_with_a_digit_is_still_found()
    {
        const string target = "The troops crossed the 38th Parallel line in October.";

        var hit = Assert.Single(Terms.FindForbidden(target, Language.English));

        Assert.Equal("38th Parallel line", target.Substring(hit.Start, hit.Length));
    }

    [Fact]
    public void A_translation_without_forbidden_forms_and_approved_terms_give_no_forbidden_hit()
    {
        Assert.Empty(Terms.FindForbidden("Stalin agreed to the talks.", Language.English));
        Assert.Empty(Terms.FindForbidden("정전협정은 1953년에 체결되었다.", Language.Korean));
        Assert.Empty(Termbase.Empty.FindForbidden("Staline", Language.English));
    }

    [Fact]
    public void Find_gives_approved_terms_and_forbidden_variants_in_text_order()
    {
        const string query = "김일성은 스탈린과 휴전협정을 논의하였다.";

        var hits = Terms.Find(query, Language.Korean);

        Assert.Equal([(4L, false), (1L, false), (2L, true)], hits.Select(h => (h.EntryId, h.Forbidden)));
        Assert.Equal("휴전협정", query.Substring(hits[2].Start, hits[2].Length));
    }
}
