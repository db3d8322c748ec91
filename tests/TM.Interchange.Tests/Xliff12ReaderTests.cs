using TM.Interchange;

namespace TM.Interchange.Tests;

public sealed class Xliff12ReaderTests
{
    [Fact]
    public void A_written_file_reads_back_only_its_translated_units()
    {
        byte[] xliff = Xliff12WriterTests.Write(Xliff2WriterTests.Exact, Xliff2WriterTests.Fuzzy, Xliff2WriterTests.New);

        using var reader = new Xliff12Reader(new MemoryStream(xliff), "doc.xlf");
        var units = reader.ReadUnits().ToList();

        var unit = Assert.Single(units);
        Assert.Equal(("정전협정은 1953년에 체결되었다.", "The Armistice Agreement was signed in 1953.", "u1", "doc.xlf"), (unit.Korean, unit.English, unit.Tuid, unit.OriginFile));
        // The fuzzy draft (needs-review-translation) and the unit without a target are not translations yet.
        Assert.Equal((1, 2, 2), (reader.Statistics.UnitsRead, reader.Statistics.UnitsSkipped, reader.Statistics.Skipped(SkipReason.NotTranslated)));
        Assert.Equal("ko", reader.SourceLanguage);
    }

    [Fact]
    public void Approved_and_confirmed_targets_are_pairs_with_inline_codes_flattened_and_english_as_source()
    {
        const string xliff = """
            <?xml version="1.0" encoding="UTF-8"?>
            <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2" xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0">
              <file original="a.html" source-language="en-US" target-language="ko-KR" datatype="html">
                <header><note>exported by a CAT tool</note></header>
                <body>
                  <group id="g1">
                    <trans-unit id="1" approved="yes"><source>The <g id="b">armistice</g> talks<x id="br"/> began.</source><target>휴전<g id="b">회담</g>이<x id="br"/> 시작되었다.</target></trans-unit>
                    <trans-unit id="2"><source>Signed<ph id="p">&lt;br/&gt;</ph> in 1953.</source><target state="final">1953년에 서명되었다.</target>
                      <alt-trans match-quality="80"><target>다른 번역</target></alt-trans><note>checked</note><sdl:seg id="1"/></trans-unit>
                    <trans-unit id="3"><source>Not yet.</source><target state="needs-translation">아직</target></trans-unit>
                    <trans-unit id="4"><source>No state.</source><target>상태 없음</target></trans-unit>
                    <trans-unit id="5"><source>Empty.</source><target state="translated"/></trans-unit>
                  </group>
                  <bin-unit id="img" mime-type="image/png"><bin-source><external-file href="a.png"/></bin-source></bin-unit>
                </body>
              </file>
            </xliff>
            """;

        using var reader = new Xliff12Reader(TestData.Bytes(xliff));
        var units = reader.ReadUnits().ToList();

        Assert.Equal(["휴전회담이 시작되었다.|The armistice talks began.", "1953년에 서명되었다.|Signed in 1953."], units.Select(u => u.Korean + "|" + u.English));
        Assert.Equal(3, reader.Statistics.Skipped(SkipReason.NotTranslated));
    }

    [Theory]
    [InlineData("""<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a" source-language="ko" target-language="ja" datatype="plaintext"><body/></file></xliff>""", "Korean-English")]
    [InlineData("""<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="ko" trgLang="en"/>""", "not XLIFF 1.2")]
    [InlineData("""<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a" source-language="ko" datatype="plaintext"><body/></file></xliff>""", "target-language")]
    [InlineData("""<!DOCTYPE xliff [<!ENTITY x "y">]><xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"/>""", "DOCTYPE")]
    public void A_file_it_cannot_take_is_refused_with_the_reason(string xliff, string reason)
    {
        using var reader = new Xliff12Reader(TestData.Bytes(xliff), "bad.xlf");

        var error = Assert.Throws<XliffFormatException>(() => reader.ReadUnits().ToList());

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_trans_unit_without_a_source_is_refused_with_its_line()
    {
        const string xliff = """
            <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
              <file original="a" source-language="ko" target-language="en" datatype="plaintext"><body>
                <trans-unit id="7"><target state="translated">x</target></trans-unit>
              </body></file>
            </xliff>
            """;

        using var reader = new Xliff12Reader(TestData.Bytes(xliff), "bad.xlf");

        var error = Assert.Throws<XliffFormatException>(() => reader.ReadUnits().ToList());

        Assert.Contains("no <source>", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, error.LineNumber);
    }
}
