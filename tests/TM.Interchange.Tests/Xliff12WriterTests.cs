using System.Text;
using System.Xml.Linq;
using TM.Interchange;

namespace TM.Interchange.Tests;

public sealed class Xliff12WriterTests
{
    private static readonly XNamespace X = Xliff12Writer.Namespace;

    [Fact]
    public void Pretranslation_output_conforms_to_xliff_1_2()
    {
        byte[] xliff = Write(Xliff2WriterTests.Exact, Xliff2WriterTests.Fuzzy, Xliff2WriterTests.New);

        Xliff12Checker.AssertValid(xliff);
    }

    [Fact]
    public void The_file_declares_version_languages_original_and_plain_text()
    {
        XElement root = Load(Write(Xliff2WriterTests.New));

        Assert.Equal(("1.2", X.NamespaceName), ((string?)root.Attribute("version"), root.Name.NamespaceName));
        XElement file = root.Element(X + "file")!;
        Assert.Equal(("doc.txt", "ko", "en", "plaintext"),
            ((string?)file.Attribute("original"), (string?)file.Attribute("source-language"), (string?)file.Attribute("target-language"), (string?)file.Attribute("datatype")));
        Assert.Equal(["memory: history"], file.Element(X + "header")!.Elements(X + "note").Select(n => n.Value));
    }

    [Fact]
    public void Targets_carry_the_state_of_their_band_and_a_unit_without_a_match_has_no_target()
    {
        XElement root = Load(Write(Xliff2WriterTests.Exact, Xliff2WriterTests.Fuzzy, Xliff2WriterTests.New));

        var units = root.Descendants(X + "trans-unit").ToList();
        Assert.Equal(["u1", "u2", "u3"], units.Select(u => (string)u.Attribute("id")!));
        Assert.Equal(
            [
                ("translated", "exact-match", "The Armistice Agreement was signed in 1953."),
                ("needs-review-translation", "fuzzy-match", "The talks were held at Panmunjom."),
            ],
            units.Take(2).Select(u => u.Element(X + "target")!).Select(t => ((string)t.Attribute("state")!, (string)t.Attribute("state-qualifier")!, t.Value)));
        Assert.Null(units[2].Element(X + "target"));
        Assert.Equal(["p1", "p2"], root.Descendants(X + "group").Select(g => (string)g.Attribute("id")!));
        Assert.Equal("새 문장 & <기호>.", units[2].Element(X + "source")!.Value);
    }

    [Fact]
    public void The_match_is_an_alt_trans_with_its_quality_origin_and_notes()
    {
        XElement root = Load(Write(Xliff2WriterTests.Exact, Xliff2WriterTests.Fuzzy));

        XElement fuzzy = root.Descendants(X + "trans-unit").ElementAt(1);
        XElement alt = fuzzy.Element(X + "alt-trans")!;
        Assert.Equal(("87.5", "tm:history", "회담은 개성에서 열렸다.", "The talks were held at Kaesong."),
            ((string?)alt.Attribute("match-quality"), (string?)alt.Attribute("origin"), alt.Element(X + "source")!.Value, alt.Element(X + "target")!.Value));
        Assert.Equal(["type: tm"], alt.Elements(X + "note").Select(n => n.Value));
        Assert.Equal(["band: FUZZY_85_94"], fuzzy.Elements(X + "note").Select(n => n.Value));
        Assert.Equal(["type: tm", "segment-id: 42"], root.Descendants(X + "alt-trans").First().Elements(X + "note").Select(n => n.Value));
    }

    [Fact]
    public void A_bad_unit_is_refused_before_anything_of_it_is_written()
    {
        using var output = new MemoryStream();
        using var writer = new Xliff12Writer(output);

        Assert.Throws<ArgumentException>(() => writer.WriteUnit(new XliffUnit("u1", "가\u0001")));
        Assert.Throws<ArgumentException>(() => writer.WriteUnit(new XliffUnit("u2", "가") { State = XliffSegmentState.Translated }));
        writer.WriteUnit(Xliff2WriterTests.New);
        Assert.Throws<ArgumentException>(() => writer.WriteUnit(Xliff2WriterTests.New));
        writer.Complete();
        Assert.DoesNotContain("\"u1\"", Encoding.UTF8.GetString(output.ToArray()), StringComparison.Ordinal);
        Xliff12Checker.AssertValid(output.ToArray());
    }

    [Fact]
    public void An_abandoned_document_is_left_unclosed_and_an_empty_one_cannot_complete()
    {
        var output = new MemoryStream();
        using (var writer = new Xliff12Writer(output))
        {
            Assert.Throws<InvalidOperationException>(writer.Complete);
            writer.WriteUnit(Xliff2WriterTests.Exact);
        }

        Assert.DoesNotContain("</xliff>", Encoding.UTF8.GetString(output.ToArray()), StringComparison.Ordinal);
    }

    [Fact]
    public void The_checker_finds_what_breaks_xliff_1_2()
    {
        const string broken = """
            <xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.1">
              <file source-language="ko">
                <body>
                  <group id="p1"/>
                  <trans-unit id="u1"><target state="done">x</target><source>가</source></trans-unit>
                  <trans-unit id="u1"><source>나</source><alt-trans><source>나</source></alt-trans><note priority="11">n</note></trans-unit>
                </body>
              </file>
            </xliff>
            """;

        string all = string.Join("\n", Xliff12Checker.Check(TestData.Bytes(broken)));

        Assert.Contains("version=\"1.2\"", all, StringComparison.Ordinal);
        Assert.Contains("<file> requires original", all, StringComparison.Ordinal);
        Assert.Contains("<file> requires datatype", all, StringComparison.Ordinal);
        Assert.Contains("<group> must hold at least one", all, StringComparison.Ordinal);
        Assert.Contains("state=\"done\"", all, StringComparison.Ordinal);
        Assert.Contains("must start with <source>", all, StringComparison.Ordinal);
        Assert.Contains("used twice", all, StringComparison.Ordinal);
        Assert.Contains("exactly one <target>", all, StringComparison.Ordinal);
        Assert.Contains("priority=\"11\"", all, StringComparison.Ordinal);
    }

    internal static byte[] Write(params XliffUnit[] units)
    {
        using var output = new MemoryStream();
        using (var writer = new Xliff12Writer(output, new Xliff12WriterOptions { Original = "doc.txt", Metadata = [new XliffMeta("memory", "history")] }))
        {
            foreach (XliffUnit unit in units)
            {
                writer.WriteUnit(unit);
            }

            writer.Complete();
        }

        return output.ToArray();
    }

    private static XElement Load(byte[] xliff) => XDocument.Load(new MemoryStream(xliff)).Root!;
}
