using TM.Interchange;

namespace TM.Interchange.Tests;

public sealed class TmxReaderTests
{
    private const string Bold = "<b>";

    [Fact]
    public void OmegaT_project_file_yields_every_pair_with_its_target_metadata()
    {
        using var reader = new TmxReader(TestData.Fixture("omegat-project_save.tmx"), "omegat-project_save.tmx");

        TmxHeader header = reader.ReadHeader();
        List<TranslationUnit> units = [.. reader.ReadUnits()];

        Assert.Equal("1.1", header.Version);
        Assert.Equal("OmegaT", header.CreationTool);
        Assert.Equal("OmegaT TMX", header.OriginalFormat);
        Assert.Equal("sentence", header.SegmentType);
        Assert.Equal("ko", header.SourceLanguage);
        Assert.Equal("EN-US", header.AdminLanguage);
        Assert.Equal(4, units.Count);
        Assert.Equal("조선 후기의 실학은 사회 개혁을 목표로 하였다.", units[0].Korean);
        Assert.Equal("Silhak in the late Joseon period aimed at social reform.", units[0].English);
        Assert.Equal(new DateTimeOffset(2024, 3, 15, 9, 15, 1, TimeSpan.Zero), units[0].EnglishMetadata.ChangeDate);
        Assert.Equal("jmin", units[0].EnglishMetadata.ChangeId);
        Assert.Equal(new DateTimeOffset(2024, 3, 14, 17, 2, 33, TimeSpan.Zero), units[0].EnglishMetadata.CreationDate);
        Assert.Same(VariantMetadata.Empty, units[0].KoreanMetadata);
        Assert.Null(units[0].ChangeDate);
        Assert.Equal(7, units[0].OriginLine);
        Assert.Equal("omegat-project_save.tmx", units[0].OriginFile);
    }

    [Fact]
    public void OmegaT_escapes_and_white_space_are_read_as_text()
    {
        List<TranslationUnit> units = TestData.ReadAll(TestData.Fixture("omegat-project_save.tmx"));

        Assert.Equal("정약용은 <목민심서>를 저술하였다.", units[1].Korean);
        Assert.Equal("Jeong Yak-yong wrote <Mokmin Simseo> & other works.", units[1].English);
        Assert.Empty(units[1].EnglishTags);
        Assert.Equal("  앞뒤 공백도   그대로 둔다.  ", units[2].Korean);
        Assert.Equal("  Leading and trailing spaces   are kept.  ", units[2].English);
    }

    [Fact]
    public void OmegaT_alternative_translation_keeps_its_file_properties_in_order()
    {
        TranslationUnit alternative = TestData.ReadAll(TestData.Fixture("omegat-project_save.tmx"))[3];

        Assert.Equal(
            [
                new TmxProperty("file", "docs/intro.html"),
                new TmxProperty("id", "p3"),
                new TmxProperty("prev", "조선 후기의 실학은 사회 개혁을 목표로 하였다."),
                new TmxProperty("next", ""),
            ],
            alternative.Properties);
        Assert.Equal("실학", alternative.Korean);
    }

    [Fact]
    public void Trados_file_skips_and_counts_units_without_a_usable_pair()
    {
        using var reader = new TmxReader(TestData.Fixture("trados-studio-export.tmx"));

        List<TranslationUnit> units = [.. reader.ReadUnits()];

        Assert.Equal(5, units.Count);
        Assert.Equal(5, reader.Statistics.UnitsRead);
        Assert.Equal(3, reader.Statistics.UnitsSkipped);
        Assert.Equal(1, reader.Statistics.Skipped(SkipReason.OtherLanguages));
        Assert.Equal(1, reader.Statistics.Skipped(SkipReason.EmptySegment));
        Assert.Equal(1, reader.Statistics.Skipped(SkipReason.MissingEnglish));
        Assert.Equal(0, reader.Statistics.Skipped(SkipReason.MissingKorean));
        Assert.Equal(1, reader.Statistics.UnitsWithExtraVariants);
        Assert.Equal("5 units read; 3 skipped (1 other languages, 1 no English, 1 empty segment); 1 with extra variants", reader.Statistics.ToString());
    }

    [Fact]
    public void Trados_header_and_unit_metadata_are_kept()
    {
        using var reader = new TmxReader(TestData.Fixture("trados-studio-export.tmx"));
        TmxHeader header = reader.ReadHeader();
        TranslationUnit first = reader.ReadUnits().First();

        Assert.Equal("SDL TM8 Format", header.OriginalFormat);
        Assert.Equal("ko-KR", header.SourceLanguage);
        Assert.Equal(@"CORP\jkim", header.CreationId);
        Assert.Equal(new DateTimeOffset(2024, 1, 10, 8, 15, 0, TimeSpan.Zero), header.CreationDate);
        Assert.Equal(["x-Recognizers", "x-TMName", "x-IncludesContextContent"], header.Properties.Select(p => p.Type));
        Assert.Equal(@"CORP\hpark", first.ChangeId);
        Assert.Equal(new DateTimeOffset(2024, 1, 11, 10, 10, 10, TimeSpan.Zero), first.ChangeDate);
        Assert.Equal(new DateTimeOffset(2024, 2, 1, 12, 0, 0, TimeSpan.Zero), first.LastUsageDate);
        Assert.Equal(3, first.UsageCount);
        Assert.Equal([new TmxProperty("x-Origin", "TM"), new TmxProperty("x-ConfirmationLevel", "Translated")], first.Properties);
        Assert.Equal([new TmxNote("Checked against the print edition.")], first.Notes);
        Assert.Equal(9, first.OriginLine);
    }

    [Fact]
    public void Paired_codes_become_placeholders_with_their_native_code()
    {
        TranslationUnit unit = TestData.ReadAll(TestData.Fixture("trados-studio-export.tmx"))[0];

        Assert.Equal("\uE000훈민정음\uE001은 1443년에 창제되었다.", unit.Korean);
        Assert.Equal("\uE000Hunminjeongeum\uE001 was created in 1443.", unit.English);
        Assert.Equal(InlineTagKind.Bpt, unit.KoreanTags[0].Kind);
        Assert.Equal(Bold, unit.KoreanTags[0].Code);
        Assert.Equal([new TmxAttribute("i", "1"), new TmxAttribute("type", "bold"), new TmxAttribute("x", "1")], unit.KoreanTags[0].Attributes);
        Assert.Equal(new InlineTag(InlineTagKind.Ept, [new TmxAttribute("i", "1")], "</b>"), unit.KoreanTags[1]);
        Assert.Equal("훈민정음은 1443년에 창제되었다.", InlinePlaceholder.Remove(unit.Korean));
    }

    [Fact]
    public void Sub_inside_a_placeholder_keeps_its_offset_text_and_own_tags()
    {
        TranslationUnit unit = TestData.ReadAll(TestData.Fixture("trados-studio-export.tmx"))[1];
        const string codeBefore = "<img src=\"map.png\" alt=\"";

        InlineTag koreanImage = Assert.Single(unit.KoreanTags);
        InlineTag englishImage = Assert.Single(unit.EnglishTags);

        Assert.Equal("그림\uE000을 보라.", unit.Korean);
        Assert.Equal(InlineTagKind.Ph, koreanImage.Kind);
        Assert.Equal(codeBefore + "\"/>", koreanImage.Code);
        InlineSub koreanAlt = Assert.Single(koreanImage.Subs);
        Assert.Equal(codeBefore.Length, koreanAlt.Offset);
        Assert.Equal("조선 지도", koreanAlt.Text);
        Assert.Equal([new TmxAttribute("datatype", "html"), new TmxAttribute("type", "alt")], koreanAlt.Attributes);
        InlineSub englishAlt = Assert.Single(englishImage.Subs);
        Assert.Equal("Map of \uE000Joseon\uE001", englishAlt.Text);
        Assert.Equal([InlineTagKind.HiStart, InlineTagKind.HiEnd], englishAlt.Tags.Select(t => t.Kind));
        Assert.Equal("italic", englishAlt.Tags[0].GetAttribute("type"));
    }

    [Fact]
    public void Isolated_unknown_and_nested_highlight_tags_are_placed_in_text_order()
    {
        TranslationUnit unit = TestData.ReadAll(TestData.Fixture("trados-studio-export.tmx"))[2];

        Assert.Equal("\uE000세종실록 \uE001제1권\uE002\uE003주석\uE004", unit.Korean);
        Assert.Equal(
            [InlineTagKind.It, InlineTagKind.HiStart, InlineTagKind.HiEnd, InlineTagKind.Ut, InlineTagKind.Ut],
            unit.KoreanTags.Select(t => t.Kind));
        Assert.Equal("begin", unit.KoreanTags[0].GetAttribute("pos"));
        Assert.Equal(@"{\cs6\f1 ", unit.KoreanTags[3].Code);
        Assert.Equal("\uE000Annals of King Sejong, \uE001volume \uE0021\uE003\uE004\uE005note\uE006", unit.English);
        Assert.Equal("9", unit.EnglishTags[2].GetAttribute("x"));
    }

    [Fact]
    public void Language_variants_match_by_primary_subtag_and_the_first_of_a_language_wins()
    {
        List<TranslationUnit> units = TestData.ReadAll(TestData.Fixture("trados-studio-export.tmx"));

        TranslationUnit color = units.Single(u => u.Korean == "색깔");

        Assert.Equal("color", color.English);
        Assert.Equal("\uE000Hunminjeongeum\uE001 was created in 1443.", units[0].English); // EN-us
        Assert.Equal("그림\uE000을 보라.", units[1].Korean); // KO-kr
    }

    [Fact]
    public void Literal_private_use_character_becomes_a_tag_and_keeps_the_placeholder_contract()
    {
        TranslationUnit bullet = TestData.ReadAll(TestData.Fixture("trados-studio-export.tmx")).Single(u => u.Tuid == "bullet-1");

        Assert.Equal("\uE000\t글머리 기호 목록", bullet.Korean);
        Assert.Equal(InlineTag.ForPrivateUse('\uF0B7'), Assert.Single(bullet.KoreanTags));
        Assert.Null(bullet.KoreanTags[0].ElementName);
    }

    [Theory]
    [InlineData("ko", "en")]
    [InlineData("ko-KR", "en-GB")]
    [InlineData("KO-kr", "EN-us")]
    [InlineData("kor", "eng")]
    [InlineData("ko_KR", "en_US")]
    public void Language_tags_of_any_form_are_recognised(string korean, string english)
    {
        var units = TestData.ReadAll(TestData.Tmx(
            $"""<tu><tuv xml:lang="{english}"><seg>Hello.</seg></tuv><tuv xml:lang="{korean}"><seg>안녕하세요.</seg></tuv></tu>"""));

        TranslationUnit unit = Assert.Single(units);
        Assert.Equal("안녕하세요.", unit.Korean);
        Assert.Equal("Hello.", unit.English);
    }

    [Fact]
    public void Tmx_1_1_lang_attribute_names_the_language()
    {
        var units = TestData.ReadAll(TestData.Tmx(
            """<tu><tuv lang="KO"><seg>가</seg></tuv><tuv lang="EN"><seg>a</seg></tuv></tu>""", version: "1.1"));

        Assert.Equal("a", Assert.Single(units).English);
    }

    [Fact]
    public void Unit_with_english_only_is_counted_as_missing_korean()
    {
        using var reader = new TmxReader(TestData.Tmx("""<tu><tuv xml:lang="en"><seg>a</seg></tuv><tuv xml:lang="ja"><seg>あ</seg></tuv></tu>"""));

        Assert.Empty(reader.ReadUnits());
        Assert.Equal(1, reader.Statistics.Skipped(SkipReason.MissingKorean));
    }

    [Fact]
    public void Carriage_return_and_cdata_are_kept_as_text()
    {
        var units = TestData.ReadAll(TestData.Tmx(
            """<tu><tuv xml:lang="ko"><seg>첫 줄&#xD;&#xA;둘째 줄</seg></tuv><tuv xml:lang="en"><seg><![CDATA[a < b & c]]></seg></tuv></tu>"""));

        Assert.Equal("첫 줄\r\n둘째 줄", units[0].Korean);
        Assert.Equal("a < b & c", units[0].English);
    }

    [Fact]
    public void Empty_body_yields_no_units()
    {
        using var reader = new TmxReader(TestData.Bytes("""<?xml version="1.0"?><tmx version="1.4b"><header/><body/></tmx>"""));

        Assert.Equal("1.4b", reader.ReadHeader().Version);
        Assert.Empty(reader.ReadUnits());
    }

    [Fact]
    public void Units_can_be_enumerated_only_once()
    {
        using var reader = new TmxReader(TestData.Tmx(""));
        _ = reader.ReadUnits().ToList();

        Assert.Throws<InvalidOperationException>(() => reader.ReadUnits());
    }

    [Fact]
    public void Utf16_file_with_byte_order_mark_is_read()
    {
        string xml = """<?xml version="1.0" encoding="UTF-16"?><tmx version="1.4"><header/><body><tu><tuv xml:lang="ko"><seg>한글</seg></tuv><tuv xml:lang="en"><seg>Hangul</seg></tuv></tu></body></tmx>""";
        var stream = new MemoryStream([.. System.Text.Encoding.Unicode.GetPreamble(), .. System.Text.Encoding.Unicode.GetBytes(xml)]);

        Assert.Equal("한글", Assert.Single(TestData.ReadAll(stream)).Korean);
    }

    [Fact]
    public void Plain_doctype_with_only_an_external_dtd_name_is_accepted_and_not_loaded()
    {
        var stream = TestData.Bytes(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE tmx SYSTEM "http://127.0.0.1:9/never-fetched/tmx14.dtd">
            <tmx version="1.4"><header/><body><tu><tuv xml:lang="ko"><seg>가</seg></tuv><tuv xml:lang="en"><seg>a</seg></tuv></tu></body></tmx>
            """);

        Assert.Single(TestData.ReadAll(stream));
    }

    [Fact]
    public void Declared_us_ascii_file_of_pure_ascii_is_read()
    {
        var units = TestData.ReadAll(TestData.Bytes(
            """<?xml version="1.0" encoding="US-ASCII"?><tmx version="1.4"><header/><body><tu><tuv xml:lang="ko"><seg>&#xD55C;&#xAE00;</seg></tuv><tuv xml:lang="en"><seg>Hangul</seg></tuv></tu></body></tmx>"""));

        Assert.Equal("한글", Assert.Single(units).Korean);
    }
}
