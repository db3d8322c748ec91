using System.Text;
using TM.Interchange;

namespace TM.Interchange.Tests;

public sealed class Xliff2WriterTests
{
    internal static readonly XliffUnit Exact = new("u1", "정전협정은 1953년에 체결되었다.")
    {
        Group = "p1",
        Target = "The Armistice Agreement was signed in 1953.",
        State = XliffSegmentState.Translated,
        Match = new XliffMatch("정전협정은 1953년에 체결되었다.", "The Armistice Agreement was signed in 1953.")
        {
            Similarity = 100,
            Origin = "tm:history",
            Metadata = [new XliffMeta("segment-id", "42")],
        },
        Metadata = [new XliffMeta("band", "EXACT"), new XliffMeta("score", "100")],
    };

    internal static readonly XliffUnit Fuzzy = new("u2", "회담은 판문점에서 열렸다.")
    {
        Group = "p1",
        Target = "The talks were held at Panmunjom.",
        State = XliffSegmentState.Initial,
        Match = new XliffMatch("회담은 개성에서 열렸다.", "The talks were held at Kaesong.") { Similarity = 87.5, Origin = "tm:history" },
        Metadata = [new XliffMeta("band", "FUZZY_85_94")],
    };

    internal static readonly XliffUnit New = new("u3", "새 문장 & <기호>.") { Group = "p2", Metadata = [new XliffMeta("band", "NO_MATCH")] };

    [Fact]
    public void Pretranslation_output_conforms_to_the_xliff_2_core_and_modules()
    {
        byte[] xliff = Write(Exact, Fuzzy, New);

        Xliff2CoreChecker.AssertValid(xliff);
    }

    [Fact]
    public void Units_carry_state_target_candidate_and_metadata()
    {
        string xliff = Encoding.UTF8.GetString(Write(Exact, Fuzzy, New));

        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", xliff, StringComparison.Ordinal);
        Assert.Contains("<xliff xmlns:mtc=\"urn:oasis:names:tc:xliff:matches:2.0\" xmlns:mda=\"urn:oasis:names:tc:xliff:metadata:2.0\" version=\"2.0\" srcLang=\"ko\" trgLang=\"en\" xmlns=\"urn:oasis:names:tc:xliff:document:2.0\">", xliff, StringComparison.Ordinal);
        Assert.Contains("<file id=\"f1\" original=\"doc.txt\">", xliff, StringComparison.Ordinal);
        Assert.Contains("<segment id=\"s1\" state=\"translated\">", xliff, StringComparison.Ordinal);
        Assert.Contains("<mtc:match ref=\"#s1\" similarity=\"87.5\" origin=\"tm:history\" type=\"tm\">", xliff, StringComparison.Ordinal);
        Assert.Contains("<mda:meta type=\"band\">FUZZY_85_94</mda:meta>", xliff, StringComparison.Ordinal);
        Assert.Contains("<source>새 문장 &amp; &lt;기호&gt;.</source>", xliff, StringComparison.Ordinal);
        Assert.Equal(2, xliff.Split("<group id=").Length - 1);
    }

    [Fact]
    public void A_segment_without_a_match_has_no_target_and_stays_initial()
    {
        string xliff = Encoding.UTF8.GetString(Write(New));

        Assert.Contains("<segment id=\"s1\" state=\"initial\">", xliff, StringComparison.Ordinal);
        Assert.DoesNotContain("<target", xliff, StringComparison.Ordinal);
    }

    [Fact]
    public void A_translated_unit_without_a_target_is_refused_and_the_writer_stays_usable()
    {
        using var output = new MemoryStream();
        using var writer = new Xliff2Writer(output);

        Assert.Throws<ArgumentException>(() => writer.WriteUnit(new XliffUnit("u1", "가") { State = XliffSegmentState.Final }));
        writer.WriteUnit(New);
        writer.Complete();
        Xliff2CoreChecker.AssertValid(output.ToArray());
    }

    [Theory]
    [InlineData("u1", null)]
    [InlineData("p1", "p2")]
    [InlineData("bad id", null)]
    public void Ids_that_are_reused_or_not_name_tokens_are_refused(string id, string? group)
    {
        using var output = new MemoryStream();
        using var writer = new Xliff2Writer(output);
        writer.WriteUnit(Exact);

        Assert.Throws<ArgumentException>(() => writer.WriteUnit(new XliffUnit(id, "가") { Group = group }));
    }

    [Fact]
    public void A_group_id_cannot_be_reopened_after_another_group()
    {
        using var output = new MemoryStream();
        using var writer = new Xliff2Writer(output);
        writer.WriteUnit(Exact);
        writer.WriteUnit(New);

        Assert.Throws<ArgumentException>(() => writer.WriteUnit(new XliffUnit("u9", "가") { Group = "p1" }));
    }

    [Fact]
    public void A_control_character_is_refused_before_anything_of_the_unit_is_written()
    {
        using var output = new MemoryStream();
        using var writer = new Xliff2Writer(output);

        Assert.Throws<ArgumentException>(() => writer.WriteUnit(new XliffUnit("u1", "가\u0001")));
        writer.WriteUnit(New);
        writer.Complete();
        Assert.DoesNotContain("u1", Encoding.UTF8.GetString(output.ToArray()), StringComparison.Ordinal);
    }

    [Fact]
    public void Completing_without_a_unit_fails_because_a_file_needs_one()
    {
        using var output = new MemoryStream();
        using var writer = new Xliff2Writer(output);

        Assert.Throws<InvalidOperationException>(writer.Complete);
    }

    [Fact]
    public void An_abandoned_document_is_left_unclosed_so_it_cannot_pass_for_complete()
    {
        var output = new MemoryStream();
        using (var writer = new Xliff2Writer(output))
        {
            writer.WriteUnit(Exact);
        }

        Assert.DoesNotContain("</xliff>", Encoding.UTF8.GetString(output.ToArray()), StringComparison.Ordinal);
    }

    [Fact]
    public void The_checker_finds_what_breaks_the_core()
    {
        const string broken = """
            <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" xmlns:mtc="urn:oasis:names:tc:xliff:matches:2.0" version="2.0" srcLang="ko">
              <file>
                <unit id="u1">
                  <segment state="done"><target>x</target><source>가</source></segment>
                  <mtc:matches><mtc:match similarity="120"><source>가</source></mtc:match></mtc:matches>
                </unit>
                <unit id="u1"/>
              </file>
            </xliff>
            """;

        IReadOnlyList<string> errors = Xliff2CoreChecker.Check(TestData.Bytes(broken));

        string all = string.Join("\n", errors);
        Assert.Contains("trgLang is required", all, StringComparison.Ordinal);
        Assert.Contains("<file> requires id", all, StringComparison.Ordinal);
        Assert.Contains("state \"done\"", all, StringComparison.Ordinal);
        Assert.Contains("in that order", all, StringComparison.Ordinal);
        Assert.Contains("not allowed here in <unit>", all, StringComparison.Ordinal);
        Assert.Contains("<match> requires ref", all, StringComparison.Ordinal);
        Assert.Contains("similarity=\"120\"", all, StringComparison.Ordinal);
        Assert.Contains("used twice", all, StringComparison.Ordinal);
        Assert.Contains("at least one <segment>", all, StringComparison.Ordinal);
    }

    internal static byte[] Write(params XliffUnit[] units)
    {
        using var output = new MemoryStream();
        using (var writer = new Xliff2Writer(output, Xliff2WriterOptions.Default with { Original = "doc.txt" }))
        {
            foreach (XliffUnit unit in units)
            {
                writer.WriteUnit(unit);
            }

            writer.Complete();
        }

        return output.ToArray();
    }
}
