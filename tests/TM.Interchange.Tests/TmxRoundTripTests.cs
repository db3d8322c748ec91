using TM.Interchange;

namespace TM.Interchange.Tests;

public sealed class TmxRoundTripTests
{
    [Theory]
    [InlineData("omegat-project_save.tmx")]
    [InlineData("trados-studio-export.tmx")]
    public void Read_write_read_gives_identical_units(string fixture)
    {
        List<TranslationUnit> original = TestData.ReadAll(TestData.Fixture(fixture));

        var written = new MemoryStream();
        int count = TmxWriter.Write(written, original);
        written.Position = 0;
        List<TranslationUnit> reread = TestData.ReadAll(written);

        Assert.Equal(original.Count, count);
        Assert.Equal(original.Select(WithoutOrigin), reread.Select(WithoutOrigin));
        for (int i = 0; i < original.Count; i++)
        {
            Assert.Equal(System.Text.Encoding.UTF8.GetBytes(original[i].Korean), System.Text.Encoding.UTF8.GetBytes(reread[i].Korean));
            Assert.Equal(System.Text.Encoding.UTF8.GetBytes(original[i].English), System.Text.Encoding.UTF8.GetBytes(reread[i].English));
        }
    }

    [Fact]
    public void Inline_markup_is_written_back_as_the_elements_that_were_read()
    {
        TranslationUnit nested = TestData.ReadAll(TestData.Fixture("trados-studio-export.tmx"))[2];

        string xml = Write([nested]);

        Assert.Contains(
            """<seg><it pos="begin" x="3" type="italic">&lt;i&gt;</it>Annals of King Sejong, <hi type="underline">volume <hi x="9">1</hi></hi><ut>{\cs6\f1 </ut>note<ut>}</ut></seg>""",
            xml,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Sub_is_written_back_inside_its_code()
    {
        TranslationUnit image = TestData.ReadAll(TestData.Fixture("trados-studio-export.tmx"))[1];

        string xml = Write([image]);

        Assert.Contains(
            """<ph x="2" type="image">&lt;img src="map.png" alt="<sub datatype="html" type="alt">Map of <hi type="italic">Joseon</hi></sub>"/&gt;</ph>""",
            xml,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Writer_produces_a_tmx_1_4_header_with_configurable_languages()
    {
        var options = new TmxWriterOptions
        {
            KoreanLanguage = "ko-KR",
            EnglishLanguage = "en-US",
            SourceLanguage = "en-US",
            HeaderProperties = [new TmxProperty("x-TMName", "역사")],
        };

        string xml = Write([TranslationUnit.FromText("가", "a")], options);

        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<tmx version=\"1.4\">", xml, StringComparison.Ordinal);
        Assert.Contains(
            $"""<header creationtool="TM" creationtoolversion="{options.CreationToolVersion}" datatype="plaintext" segtype="sentence" adminlang="en" srclang="en-US" o-tmf="TM">""",
            xml,
            StringComparison.Ordinal);
        Assert.Contains("""<prop type="x-TMName">역사</prop>""", xml, StringComparison.Ordinal);
        Assert.True(
            xml.IndexOf("xml:lang=\"en-US\"", StringComparison.Ordinal) < xml.IndexOf("xml:lang=\"ko-KR\"", StringComparison.Ordinal),
            "the source variant comes first");
        Assert.EndsWith("</body>\n</tmx>\n", xml, StringComparison.Ordinal);
    }

    [Fact]
    public void Unit_metadata_is_written_in_tmx_form()
    {
        var unit = TranslationUnit.FromText("가", "a") with
        {
            Tuid = "42",
            CreationDate = new DateTimeOffset(2024, 3, 15, 18, 15, 1, TimeSpan.FromHours(9)),
            CreationId = "kim",
            UsageCount = 2,
            Properties = [new TmxProperty("x-Domain", "History & Law", "en")],
            Notes = [new TmxNote("검토 필요")],
            EnglishMetadata = new VariantMetadata { ChangeId = "lee", ChangeDate = new DateTimeOffset(2024, 3, 16, 0, 0, 0, TimeSpan.Zero) },
        };

        string xml = Write([unit]);

        Assert.Contains("""<tu tuid="42" creationdate="20240315T091501Z" creationid="kim" usagecount="2">""", xml, StringComparison.Ordinal);
        Assert.Contains("""<prop type="x-Domain" xml:lang="en">History &amp; Law</prop>""", xml, StringComparison.Ordinal);
        Assert.Contains("<note>검토 필요</note>", xml, StringComparison.Ordinal);
        Assert.Contains("""<tuv xml:lang="en" changedate="20240316T000000Z" changeid="lee">""", xml, StringComparison.Ordinal);
        TranslationUnit reread = Assert.Single(TestData.ReadAll(TestData.Bytes(xml)));
        Assert.Equal(unit, reread with { OriginLine = null });
    }

    [Fact]
    public void Carriage_returns_and_markup_characters_survive_a_round_trip()
    {
        var unit = TranslationUnit.FromText("첫 줄\r\n둘째 줄 <b> & \"따옴표\"", "line\rtwo ]]> 'q'\t");

        TranslationUnit reread = Assert.Single(TestData.ReadAll(TestData.Bytes(Write([unit]))));

        Assert.Equal(unit.Korean, reread.Korean);
        Assert.Equal(unit.English, reread.English);
    }

    [Fact]
    public void Character_xml_cannot_represent_is_refused_naming_the_unit_and_the_writer_stays_usable()
    {
        var output = new MemoryStream();
        using var writer = new TmxWriter(output);

        ArgumentException error = Assert.Throws<ArgumentException>(() => writer.WriteUnit(TranslationUnit.FromText("가", "bad \u0001 char") with { Tuid = "t-7" }));
        writer.WriteUnit(TranslationUnit.FromText("나", "fine"));
        writer.Complete();

        Assert.Contains("Unit 1 (tuid \"t-7\"): the English text holds U+0001 at offset 4", error.Message, StringComparison.Ordinal);
        TranslationUnit only = Assert.Single(TestData.ReadAll(new MemoryStream(output.ToArray())));
        Assert.Equal("fine", only.English);
    }

    [Fact]
    public void Lone_surrogate_in_tag_code_is_refused()
    {
        var unit = new TranslationUnit("가\uE000", [new InlineTag(InlineTagKind.Ph, null, "\uD800")], "a", null);
        using var writer = new TmxWriter(new MemoryStream());

        ArgumentException error = Assert.Throws<ArgumentException>(() => writer.WriteUnit(unit));

        Assert.Contains("tag 0 <ph>", error.Message, StringComparison.Ordinal);
        Assert.Contains("U+D800", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Disposing_without_complete_leaves_the_file_visibly_incomplete()
    {
        var output = new MemoryStream();
        using (var writer = new TmxWriter(output))
        {
            writer.WriteUnit(TranslationUnit.FromText("가", "a"));
        }

        Assert.DoesNotContain("</tmx>", TestData.Utf8.GetString(output.ToArray()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Async_sequence_is_written_as_one_file()
    {
        static async IAsyncEnumerable<TranslationUnit> Units()
        {
            for (int i = 0; i < 3; i++)
            {
                await Task.Yield();
                yield return TranslationUnit.FromText($"문장 {i}", $"Sentence {i}");
            }
        }

        var output = new MemoryStream();
        int written = await TmxWriter.WriteAsync(output, Units());

        Assert.Equal(3, written);
        Assert.Equal(["Sentence 0", "Sentence 1", "Sentence 2"], TestData.ReadAll(new MemoryStream(output.ToArray())).Select(u => u.English));
    }

    [Fact]
    public void Writing_after_complete_is_refused()
    {
        using var writer = new TmxWriter(new MemoryStream());
        writer.Complete();

        Assert.Throws<InvalidOperationException>(() => writer.WriteUnit(TranslationUnit.FromText("가", "a")));
    }

    [Fact]
    public void Source_language_must_be_one_of_the_two()
    {
        Assert.Throws<ArgumentException>(() => new TmxWriter(new MemoryStream(), new TmxWriterOptions { SourceLanguage = "fr" }));
    }

    private static TranslationUnit WithoutOrigin(TranslationUnit unit) => unit with { OriginFile = null, OriginLine = null };

    private static string Write(IEnumerable<TranslationUnit> units, TmxWriterOptions? options = null)
    {
        var output = new MemoryStream();
        TmxWriter.Write(output, units, options);
        return TestData.Utf8.GetString(output.ToArray());
    }
}
