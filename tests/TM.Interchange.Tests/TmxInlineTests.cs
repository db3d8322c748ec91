using TM.Interchange;

namespace TM.Interchange.Tests;

public sealed class TmxInlineTests
{
    [Fact]
    public void Inline_xml_is_the_seg_content_the_file_had()
    {
        List<TranslationUnit> units = TestData.ReadAll(TestData.Fixture("trados-studio-export.tmx"));

        Assert.Equal(
            """<it pos="begin" x="3" type="italic">&lt;i&gt;</it>Annals of King Sejong, <hi type="underline">volume <hi x="9">1</hi></hi><ut>{\cs6\f1 </ut>note<ut>}</ut>""",
            TmxInline.ToXml(units[2].English, units[2].EnglishTags));
        Assert.Contains(
            """<ph x="2" type="image">&lt;img src="map.png" alt="<sub datatype="html" type="alt">Map of <hi type="italic">Joseon</hi></sub>"/&gt;</ph>""",
            TmxInline.ToXml(units[1].English, units[1].EnglishTags),
            StringComparison.Ordinal);
    }

    [Fact]
    public void Text_without_tags_is_escaped_and_nothing_else()
    {
        Assert.Equal("휴전 &lt;협정&gt; &amp; \"조건\"&#xD;", TmxInline.ToXml("휴전 <협정> & \"조건\"\r", []));
    }

    [Fact]
    public void Placeholders_that_do_not_match_the_tags_are_refused()
    {
        Assert.Throws<ArgumentException>(() => TmxInline.ToXml("a \uE000 b", []));
    }

    [Fact]
    public void Plain_text_leaves_tags_out_and_keeps_literal_private_use_characters()
    {
        List<TranslationUnit> units = TestData.ReadAll(TestData.Fixture("trados-studio-export.tmx"));
        var literal = new InlineTag(InlineTagKind.PrivateUse, code: "\uE123");
        var bold = new InlineTag(InlineTagKind.Bpt, [new TmxAttribute("i", "1")], "<b>");
        var end = new InlineTag(InlineTagKind.Ept, [new TmxAttribute("i", "1")], "</b>");

        Assert.Equal("Annals of King Sejong, volume 1note", TmxInline.ToPlainText(units[2].English, units[2].EnglishTags));
        Assert.Equal("훈민정음\uE123 반포", TmxInline.ToPlainText("\uE000훈민정음\uE001\uE002 반포", [bold, literal, end]));
        Assert.Equal("휴전", TmxInline.ToPlainText("휴전", []));
    }

    [Fact]
    public void Escape_writes_a_private_use_character_as_itself()
    {
        Assert.Equal("a \uE000 &lt;b&gt;", TmxInline.Escape("a \uE000 <b>"));
    }
}
