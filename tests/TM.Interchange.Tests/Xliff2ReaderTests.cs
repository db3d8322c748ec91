using System.Text;
using TM.Interchange;

namespace TM.Interchange.Tests;

public sealed class Xliff2ReaderTests
{
    [Fact]
    public void Only_translated_reviewed_and_final_segments_with_a_target_become_pairs()
    {
        byte[] xliff = Xliff2WriterTests.Write(
            new XliffUnit("u1", "가") { Target = "a", State = XliffSegmentState.Translated },
            new XliffUnit("u2", "나") { Target = "b", State = XliffSegmentState.Initial },
            new XliffUnit("u3", "다"),
            new XliffUnit("u4", "라") { Target = "d", State = XliffSegmentState.Reviewed },
            new XliffUnit("u5", "마") { Target = "", State = XliffSegmentState.Final },
            new XliffUnit("u6", "바") { Target = "f", State = XliffSegmentState.Final });

        using var reader = new Xliff2Reader(new MemoryStream(xliff), "doc.xlf");
        List<TranslationUnit> units = [.. reader.ReadUnits()];

        Assert.Equal(["가|a", "라|d", "바|f"], units.Select(u => u.Korean + "|" + u.English));
        Assert.Equal(3, reader.Statistics.Skipped(SkipReason.NotTranslated));
        Assert.Equal("doc.xlf", units[0].OriginFile);
        Assert.Equal("u1", units[0].Tuid);
    }

    [Fact]
    public void The_candidates_and_metadata_of_a_unit_are_not_read_as_its_segment()
    {
        byte[] xliff = Xliff2WriterTests.Write(new XliffUnit("u1", "회담은 판문점에서 열렸다.")
        {
            Target = "The talks were held at Panmunjom.",
            State = XliffSegmentState.Translated,
            Match = new XliffMatch("회담은 개성에서 열렸다.", "The talks were held at Kaesong.") { Similarity = 87 },
            Metadata = [new XliffMeta("band", "FUZZY_85_94")],
        });

        using var reader = new Xliff2Reader(new MemoryStream(xliff));
        TranslationUnit unit = Assert.Single(reader.ReadUnits());

        Assert.Equal("회담은 판문점에서 열렸다.", unit.Korean);
        Assert.Equal("The talks were held at Panmunjom.", unit.English);
    }

    [Fact]
    public void An_english_source_file_puts_the_target_on_the_korean_side()
    {
        string xliff = Document("""<unit id="u1"><segment state="translated"><source>Armistice</source><target>정전협정</target></segment></unit>""", "en-US", "ko-KR");

        using var reader = new Xliff2Reader(TestData.Bytes(xliff));
        TranslationUnit unit = Assert.Single(reader.ReadUnits());

        Assert.Equal(("정전협정", "Armistice"), (unit.Korean, unit.English));
        Assert.Equal("en-US", reader.SourceLanguage);
    }

    [Fact]
    public void Inline_codes_are_flattened_to_their_text()
    {
        string xliff = Document("""
            <unit id="u1"><originalData><data id="d1">&lt;b&gt;</data></originalData>
              <segment state="final"><source><pc id="1" dataRefStart="d1">굵은</pc> 글씨<ph id="2"/>와 <mrk id="m1" translate="no">표시</mrk><cp hex="00A0"/>끝</source>
              <target><pc id="1">Bold</pc> text<ph id="2"/> and <mrk id="m1" translate="no">mark</mrk><sc id="3"/>end<ec startRef="3"/></target></segment>
              <ignorable><source> </source></ignorable>
              <segment state="translated"><source>둘째</source><target>Second</target></segment>
            </unit>
            """);

        using var reader = new Xliff2Reader(TestData.Bytes(xliff));
        List<TranslationUnit> units = [.. reader.ReadUnits()];

        Assert.Equal(["굵은 글씨와 표시\u00A0끝|Bold text and markend", "둘째|Second"], units.Select(u => u.Korean + "|" + u.English));
    }

    [Fact]
    public void Groups_and_files_nest_and_every_segment_is_counted()
    {
        string xliff = Document("""
            <group id="g1"><group id="g2"><unit id="u1"><segment state="translated"><source>가</source><target>a</target></segment></unit></group></group>
            </file><file id="f2"><unit id="u2"><segment><source>나</source></segment></unit>
            """);

        using var reader = new Xliff2Reader(TestData.Bytes(xliff));
        Assert.Single(reader.ReadUnits());
        Assert.Equal(1, reader.Statistics.UnitsRead);
        Assert.Equal(1, reader.Statistics.UnitsSkipped);
    }

    [Fact]
    public void A_doctype_is_refused_before_any_entity_is_expanded()
    {
        const string xxe = """
            <?xml version="1.0"?>
            <!DOCTYPE xliff [<!ENTITY x SYSTEM "file:///etc/passwd">]>
            <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="ko" trgLang="en"><file id="f"><unit id="u"><segment state="final"><source>&x;</source><target>x</target></segment></unit></file></xliff>
            """;

        XliffFormatException error = ReadFails(xxe);

        Assert.Contains("DOCTYPE", error.Message, StringComparison.Ordinal);
        Assert.Equal("bad.xlf", error.FileName);
    }

    [Fact]
    public void Xliff_1_2_is_refused_with_what_to_do()
    {
        XliffFormatException error = ReadFails("""<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file/></xliff>""");

        Assert.Contains("XLIFF 2.0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pair_of_other_languages_is_refused()
    {
        XliffFormatException error = ReadFails(Document("""<unit id="u"><segment><source>a</source></segment></unit>""", "en", "fr"));

        Assert.Contains("Korean", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cut_off_file_names_the_line_and_the_unit()
    {
        string whole = Document("""
            <unit id="u1"><segment state="final"><source>가</source><target>a</target></segment></unit>
            <unit id="u2">
            <segment state="final"><source>나</source><target>b
            """);
        whole = whole[..whole.LastIndexOf('b')];

        var units = new List<TranslationUnit>();
        using var reader = new Xliff2Reader(TestData.Bytes(whole), "cut.xlf");
        XliffFormatException error = Assert.Throws<XliffFormatException>(() => units.AddRange(reader.ReadUnits()));

        Assert.Single(units);
        Assert.StartsWith("cut.xlf, line ", error.Message, StringComparison.Ordinal);
        Assert.Contains("cut off", error.Message, StringComparison.Ordinal);
        Assert.Contains("<unit id=\"u2\"> that starts on line 4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_state_names_its_line()
    {
        XliffFormatException error = ReadFails(Document("""
            <unit id="u1">
            <segment state="done"><source>가</source><target>a</target></segment></unit>
            """));

        Assert.Equal(4, error.LineNumber);
        Assert.Contains("<segment state=\"done\"> names no XLIFF 2.0 state", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_oversized_segment_fails_instead_of_being_buffered()
    {
        string xliff = Document($"""<unit id="u1"><segment state="final"><source>{new string('가', 200)}</source><target>a</target></segment></unit>""");

        using var reader = new Xliff2Reader(TestData.Bytes(xliff), options: new Xliff2ReadOptions { MaxSegmentLength = 100 });
        XliffFormatException error = Assert.Throws<XliffFormatException>(() => reader.ReadUnits().ToList());

        Assert.Contains("longer than 100 characters", error.Message, StringComparison.Ordinal);
    }

    /// <summary>An XLIFF 2.0 document around the given content of its first file; the content starts on line 3.</summary>
    private static string Document(string content, string source = "ko", string target = "en") =>
        $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="{source}" trgLang="{target}"><file id="f1">
        {content}
        </file></xliff>
        """;

    private static XliffFormatException ReadFails(string xliff)
    {
        using var reader = new Xliff2Reader(new MemoryStream(Encoding.UTF8.GetBytes(xliff)), "bad.xlf");
        return Assert.Throws<XliffFormatException>(() => reader.ReadUnits().ToList());
    }
}
